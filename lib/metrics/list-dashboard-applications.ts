import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { applicationEvents as ev, applications, persons, ratings, services } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { addCalendarDays, toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { maskResidentId } from "@/lib/id-number";
import { drillDownSchema, periodOf, type DashboardFilter, type DrillMetric } from "./dashboard-schema";
import { parseDashboardFilter } from "./get-dashboard";
import { applicationCut } from "./rollup-query";

export const DRILL_PAGE_SIZE = 50;

export type DrillRow = {
  id: string;
  number: string;
  serviceZh: string;
  serviceEn: string;
  status: string;
  channel: string;
  applicantIdMasked: string;
  submittedAt: Date | null;
  /** When the counted event happened (the rating, for poor ratings); null for live figures. */
  at: Date | null;
  dueOn: string | null;
};

const EVENT_CONDITION: Partial<Record<DrillMetric, SQL>> = {
  submitted: sql`${ev.toStatus} = 'submitted' AND (${ev.fromStatus} IS NULL OR ${ev.fromStatus} = 'draft')`,
  accepted: sql`${ev.toStatus} = 'accepted' AND NOT EXISTS (SELECT 1 FROM application_events p
    WHERE p.application_id = ${ev.applicationId} AND p.to_status = 'accepted' AND p.id < ${ev.id})`,
  supplement: sql`${ev.toStatus} = 'supplement_requested' AND NOT EXISTS (SELECT 1 FROM application_events p
    WHERE p.application_id = ${ev.applicationId} AND p.to_status = 'supplement_requested' AND p.id < ${ev.id})`,
  completed: sql`${ev.toStatus} = 'completed'`,
  onTheSpot: sql`${ev.toStatus} = 'completed' AND coalesce((${ev.data} ->> 'onTheSpot')::boolean, ${services.onTheSpot})`,
  late: sql`${ev.toStatus} = 'completed' AND NOT coalesce((${ev.occurredAt} AT TIME ZONE 'Asia/Shanghai')::date <= ${applications.dueOn}, false)`,
  rejected: sql`${ev.toStatus} = 'rejected'`,
  withdrawn: sql`${ev.toStatus} = 'withdrawn'`,
};

/**
 * Drill-down: the applications behind one dashboard number, newest first, a page at a time
 * (the count is the number itself, so no count query). Same definitions as the rollups.
 */
export async function listDashboardApplications(
  db: Executor,
  actor: Actor,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<{ rows: DrillRow[]; page: number; hasNext: boolean; metric: DrillMetric; filter: DashboardFilter; period: { from: string; to: string } }> {
  requirePermission(actor, "metrics:read");
  const filter = parseDashboardFilter(input);
  const parsed = drillDownSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "errors.metrics.badFilter", { fieldErrors: { metric: "dashboard.validation.metric" } });
  const { metric, page } = parsed.data;
  const today = toChinaDate(now);
  const period = periodOf(filter, today);
  const start = sql`(${period.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
  const end = sql`(${addCalendarDays(period.to, 1)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
  const cut = applicationCut(actor, filter);
  const columns = sql`${applications.id} AS id, ${applications.number} AS number, ${services.nameZh} AS service_zh,
    ${services.nameEn} AS service_en, ${applications.status}::text AS status, ${applications.channel}::text AS channel,
    ${persons.idNumber} AS id_number, ${applications.submittedAt} AS submitted_at, ${applications.dueOn}::text AS due_on`;
  const joins = sql`JOIN ${services} ON ${services.id} = ${applications.serviceId}
    JOIN ${persons} ON ${persons.id} = ${applications.applicantPersonId}`;
  const limit = sql`LIMIT ${DRILL_PAGE_SIZE + 1} OFFSET ${(page - 1) * DRILL_PAGE_SIZE}`;

  let query: SQL;
  const condition = EVENT_CONDITION[metric];
  if (condition) {
    query = sql`SELECT ${columns}, ${ev.occurredAt} AS at FROM ${ev}
      JOIN ${applications} ON ${applications.id} = ${ev.applicationId} ${joins}
      WHERE ${ev.occurredAt} >= ${start} AND ${ev.occurredAt} < ${end} AND ${condition} AND ${cut}
      ORDER BY ${ev.occurredAt} DESC, ${ev.id} DESC ${limit}`;
  } else if (metric === "poor") {
    query = sql`SELECT ${columns}, ${ratings.createdAt} AS at FROM ${ratings}
      JOIN ${applications} ON ${applications.id} = ${ratings.applicationId} ${joins}
      WHERE ${ratings.score} <= 2 AND ${ratings.createdAt} >= ${start} AND ${ratings.createdAt} < ${end} AND ${cut}
      ORDER BY ${ratings.createdAt} DESC, ${ratings.id} DESC ${limit}`;
  } else {
    const due =
      metric === "overdue"
        ? sql`${applications.dueOn} < ${today}::date`
        : metric === "escalated"
          ? // 超期督办: a workflow step ran past its own deadline and was raised (the daily job).
            sql`${applications.stepEscalatedAt} IS NOT NULL`
          : sql`${applications.dueOn} BETWEEN ${today}::date AND add_working_days(${today}::date, 1)`;
    query = sql`SELECT ${columns}, NULL::timestamptz AS at FROM ${applications} ${joins}
      WHERE ${applications.status} IN ('accepted', 'approved') AND ${due} AND ${cut}
      ORDER BY ${applications.dueOn}, ${applications.id} ${limit}`;
  }
  const rows = rowsOf<Record<string, unknown>>(await db.execute(query));
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    metric,
    page,
    filter,
    period,
    hasNext: rows.length > DRILL_PAGE_SIZE,
    rows: rows.slice(0, DRILL_PAGE_SIZE).map((r) => ({
      id: String(r.id),
      number: String(r.number),
      serviceZh: String(r.service_zh),
      serviceEn: String(r.service_en),
      status: String(r.status),
      channel: String(r.channel),
      applicantIdMasked: maskResidentId(String(r.id_number)),
      submittedAt: date(r.submitted_at),
      at: date(r.at),
      dueOn: r.due_on === null ? null : String(r.due_on as string),
    })),
  };
}
