import "server-only";
import type { Executor } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { exportSchema, periodOf } from "./dashboard-schema";
import { applicationsTable, breakdownTable, clerkReuseTable, lifeEventsTable, poorCommentsTable, reuseTable, toCsv, trendTable, type DataTable } from "./dashboard-tables";
import { getDashboard, parseDashboardFilter } from "./get-dashboard";
import { listDashboardApplications } from "./list-dashboard-applications";

/**
 * One dashboard table as CSV, audited (who exported what cut) in the same transaction as the
 * read. The drill-down list exports the page shown, with ID numbers masked as on screen.
 */
export async function exportDashboardTable(
  db: Executor,
  actor: Actor,
  input: Record<string, unknown>,
  /** label: words for the status and channel codes in the reader's language (lib/i18n/labels). */
  opts: { en: boolean; header: (key: string) => string; label?: (kind: "status" | "channel", code: string) => string },
  now = new Date(),
): Promise<{ csv: string; fileName: string }> {
  requirePermission(actor, "metrics:read");
  const parsed = exportSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "errors.metrics.badFilter", { fieldErrors: { table: "dashboard.validation.metric" } });
  const { table } = parsed.data;
  return db.transaction(async (tx) => {
    let data: DataTable;
    let period: { from: string; to: string };
    if (table === "applications") {
      const list = await listDashboardApplications(tx, actor, input, now);
      data = applicationsTable(list.rows, opts.en, opts.label);
      period = periodOf(parseDashboardFilter(input), toChinaDate(now));
    } else {
      const d = await getDashboard(tx, actor, input, now);
      period = d.period;
      data =
        table === "breakdown"
          ? breakdownTable(d.breakdown.rows, opts.en)
          : table === "trend"
            ? trendTable(d.trend.points)
            : table === "reuse"
              ? d.reuse.byClerk
                ? clerkReuseTable(d.reuse.byClerk)
                : reuseTable(d.reuse.byService, opts.en)
              : table === "lifeEvents"
                ? lifeEventsTable(d.lifeEvents, opts.en)
                : poorCommentsTable(d.poorComments, opts.en);
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "metrics.export",
      entityType: "dashboard",
      entityId: table,
      detail: { table, rows: data.rows.length, ...input },
    });
    return { csv: toCsv(data, opts.header), fileName: `dashboard-${table}-${period.from}-${period.to}-${toChinaDate(now)}.csv` };
  });
}
