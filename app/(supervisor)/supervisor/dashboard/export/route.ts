import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { routeProblem } from "@/lib/api/route-problem";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { expectedError } from "@/lib/errors";
import { getLabeller } from "@/lib/i18n/get-labeller";
import { fromSearchParams } from "@/lib/metrics/dashboard-schema";
import { exportDashboardTable } from "@/lib/metrics/export-dashboard-table";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** CSV of one dashboard table (UTF-8 with BOM for Excel); every export is audited in lib. */
export async function GET(request: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    const actor = await getCurrentUser();
    if (!actor || actor.role !== "supervisor") return notFound();
    const params = fromSearchParams(Object.fromEntries(new URL(request.url).searchParams.entries()));
    const [t, locale, labels] = await Promise.all([getTranslations("dashboard"), getLocale(), getLabeller()]);
    const label = (kind: "status" | "channel", code: string) => labels.label(kind === "status" ? "applicationStatus" : "channel", code);
    const file = await exportDashboardTable(await getDb(), actor, params, { en: locale === "en", header: (key) => t(`columns.${key}`), label });
    return new Response(file.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const code = expectedError(error)?.code;
    if (code === "NOT_FOUND" || code === "FORBIDDEN") return notFound();
    // Bad filters (422, the problem named), the database away (503) and faults (500): the one status map.
    return routeProblem(error, requestId);
  }
}
