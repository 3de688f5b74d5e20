import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { routeProblem } from "@/lib/api/route-problem";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { catalogueToCsv, exportCatalogue } from "@/lib/catalogue/import-export";
import { toChinaDate } from "@/lib/calendar/working-days";
import { expectedError } from "@/lib/errors";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** The catalogue the manager keeps, as the exchange JSON (?format=json, default) or the flat CSV (?format=csv). */
export async function GET(request: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    const actor = await getCurrentUser();
    if (!actor || !can(actor.role, "catalogue:manage")) return notFound();
    const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "json";
    const file = await exportCatalogue(await getDb(), actor);
    const name = `catalogue-${toChinaDate(new Date())}.${format}`;
    const body = format === "csv" ? catalogueToCsv(file) : `${JSON.stringify(file, null, 2)}\n`;
    return new Response(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (expectedError(error)?.code === "FORBIDDEN") return notFound();
    return routeProblem(error, requestId);
  }
}
