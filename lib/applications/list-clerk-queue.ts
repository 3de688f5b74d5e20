import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { applications, persons, services } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import { applicationStatuses } from "@/db/schema/values";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { lightSql, type Light } from "@/lib/calendar/application-clock";
import { toChinaDate } from "@/lib/calendar/working-days";
import { maskResidentId } from "@/lib/id-number";
import { inClerkScope } from "./clerk-scope";
import { OPEN_STATUSES } from "./lifecycle/statuses";
import { queueScopeSql } from "./lifecycle/queue-scope";
import { decodeQueueCursor, encodeQueueCursor, QUEUE_PAGE_SIZE, type QueueCursor, type QueueFilters } from "./queue-schemas";

export type QueueRow = {
  id: string;
  number: string;
  serviceId: string;
  serviceNameZh: string;
  serviceNameEn: string;
  applicantName: string;
  /** Masked on the server: the full number never reaches the page. */
  applicantIdMasked: string;
  status: ApplicationStatus;
  channel: string;
  submittedAt: Date | null;
  dueOn: string | null;
  acceptDueOn: string | null;
  light: Light;
  flaggedAt: Date | null;
  flagReason: string | null;
  /** The step it is at (accept, review, decide, deliver), null once closed. */
  stepKind: string | null;
  stepDueOn: string | null;
  /** Set when the step ran past its deadline and was raised to the department head. */
  escalatedAt: Date | null;
};

export type ClerkQueuePage = {
  rows: QueueRow[];
  /** Cursor for the next page, or null on the last one. */
  nextCursor: string | null;
  /** Per open status, under the service and channel filters (not the status or light one). */
  countsByStatus: Partial<Record<ApplicationStatus, number>>;
  /** The services in the clerk's scope, for the filter. */
  services: { id: string; nameZh: string; nameEn: string }[];
};

type RawRow = {
  id: string;
  number: string;
  service_id: string;
  service_name_zh: string;
  service_name_en: string;
  applicant_name: string;
  applicant_id_number: string;
  status: ApplicationStatus;
  channel: string;
  submitted_at: Date | string | null;
  due_on: string | null;
  accept_due_on: string | null;
  light: Light;
  flagged_at: Date | string | null;
  flag_reason: string | null;
  step_kind: string | null;
  step_due_on: string | null;
  step_escalated_at: Date | string | null;
};

const asDate = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

/**
 * One page of the clerk's queue: applications of the services in `inClerkScope`, earliest due
 * first (no due date last, then by number and id), keyset-paginated on (due_on, number, id).
 *
 * Built to stay fast with millions of applications: for every (service, status) pair in scope
 * a LATERAL sub-select walks `applications_queue_idx (service_id, status, due_on)` from the
 * cursor and stops after one page, so each page costs (services × statuses) short index range
 * scans whatever the table size or the page depth — never a sort of the whole backlog. Rows
 * without a due date are a second, separate range (`due_on IS NULL`) so the cursor stays an
 * index bound. Service and applicant names are joined for the page's rows only.
 */
export async function listClerkQueue(db: Executor, actor: Actor, filters: QueueFilters, now = new Date()): Promise<ClerkQueuePage> {
  requirePermission(actor, "application:work");
  const today = toChinaDate(now);
  const scopeServices = await db
    .select({ id: services.id, nameZh: services.nameZh, nameEn: services.nameEn })
    .from(services)
    .where(inClerkScope(services.id, actor))
    .orderBy(asc(services.code));
  const serviceIds = scopeServices.filter((s) => !filters.service || s.id === filters.service).map((s) => s.id);
  // Queues by step: open work only at the steps this post works; closed history stays visible to all.
  const stepScope = queueScopeSql(actor.role);

  // Open statuses only, one index range per (service, status) on applications_queue_idx.
  // Counting a department's whole closed history would read a large share of the table on
  // every page view; closed work is reported by the supervisors' rollups instead.
  const countsQuery = async () =>
    serviceIds.length === 0
      ? []
      : rowsOf<{ status: ApplicationStatus; n: number | string }>(
          await db.execute(sql`
            SELECT g_status.status, sum(c.n)::int AS n
            FROM unnest(ARRAY[${sql.join(serviceIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]) AS g_service(id)
            CROSS JOIN unnest(ARRAY[${sql.join(OPEN_STATUSES.map((st) => sql`${st}`), sql`, `)}]::application_status[]) AS g_status(status)
            CROSS JOIN LATERAL (
              SELECT count(*) AS n FROM ${applications}
              WHERE ${applications.serviceId} = g_service.id AND ${applications.status} = g_status.status AND ${stepScope}
                ${filters.channel ? sql`AND ${eq(applications.channel, filters.channel)}` : sql``}
            ) AS c
            GROUP BY g_status.status
            HAVING sum(c.n) > 0`),
        ).map((r) => ({ status: r.status, n: Number(r.n) }));

  const statuses = queueStatuses(filters);
  const cursor = decodeQueueCursor(filters.after);
  const [counts, rows] = await Promise.all([
    countsQuery(),
    serviceIds.length === 0 || statuses.length === 0 ? Promise.resolve([] as RawRow[]) : queueRows(db, serviceIds, statuses, filters, cursor, today, stepScope),
  ]);

  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({
      id: r.id,
      number: r.number,
      serviceId: r.service_id,
      serviceNameZh: r.service_name_zh,
      serviceNameEn: r.service_name_en,
      applicantName: r.applicant_name,
      applicantIdMasked: maskResidentId(r.applicant_id_number),
      status: r.status,
      channel: r.channel,
      submittedAt: asDate(r.submitted_at),
      dueOn: r.due_on,
      acceptDueOn: r.accept_due_on,
      light: r.light,
      flaggedAt: asDate(r.flagged_at),
      flagReason: r.flag_reason,
      stepKind: r.step_kind,
      stepDueOn: r.step_due_on,
      escalatedAt: asDate(r.step_escalated_at),
    })),
    nextCursor: rows.length > QUEUE_PAGE_SIZE && last ? encodeQueueCursor({ d: last.due_on, n: last.number, i: last.id }) : null,
    countsByStatus: Object.fromEntries(counts.map((c) => [c.status, c.n])),
    services: scopeServices,
  };
}

/**
 * The statuses a page walks: the status filter, else the open ones; a light narrows them to the
 * statuses that can show it, so a red/yellow/green filter never walks the closed history.
 */
function queueStatuses(filters: Pick<QueueFilters, "status" | "light">): readonly ApplicationStatus[] {
  const byLight: readonly ApplicationStatus[] =
    filters.light === "paused"
      ? ["supplement_requested"]
      : filters.light && filters.light !== "none"
        ? ["submitted", "accepted", "approved"]
        : applicationStatuses.filter((st) => st !== "draft");
  if (filters.status) return byLight.includes(filters.status) ? [filters.status] : [];
  return filters.light ? byLight : OPEN_STATUSES;
}

/** The page query itself (PAGE_SIZE + 1 rows, so the caller knows whether there is a next page). */
export function queueRowsSql(
  serviceIds: readonly string[],
  statuses: readonly ApplicationStatus[],
  filters: Pick<QueueFilters, "channel" | "light">,
  cursor: QueueCursor | null,
  today: string,
  stepScope: SQL = sql`true`,
): SQL {
  const limit = QUEUE_PAGE_SIZE + 1;
  const a = applications;
  const extra = and(
    filters.channel ? eq(a.channel, filters.channel) : undefined,
    filters.light ? sql`${lightSql(today)} = ${filters.light}` : undefined,
  );
  const extraSql = extra ? sql` AND ${extra}` : sql``;
  const group = sql`${a.serviceId} = g_service.id AND ${a.status} = g_status.status AND ${stepScope}`;
  const columns = sql`${a.id}, ${a.number}, ${a.serviceId}, ${a.applicantPersonId}, ${a.status}, ${a.channel}, ${a.submittedAt},
    ${a.dueOn}::text AS due_on, ${a.acceptDueOn}::text AS accept_due_on, ${lightSql(today)} AS light, ${a.flaggedAt}, ${a.flagReason},
    ${a.stepKind}, ${a.stepDueOn}::text AS step_due_on, ${a.stepEscalatedAt}`;

  const branches: SQL[] = [];
  if (!cursor || cursor.d !== null) {
    const after = cursor
      ? sql` AND ${a.dueOn} >= ${cursor.d}::date AND (${a.dueOn} > ${cursor.d}::date OR (${a.number}, ${a.id}) > (${cursor.n}, ${cursor.i}::uuid))`
      : sql` AND ${a.dueOn} IS NOT NULL`;
    branches.push(sql`(SELECT ${columns} FROM ${a} WHERE ${group}${after}${extraSql}
      ORDER BY ${a.dueOn}, ${a.number}, ${a.id} LIMIT ${limit})`);
  }
  const afterNull = cursor && cursor.d === null ? sql` AND (${a.number}, ${a.id}) > (${cursor.n}, ${cursor.i}::uuid)` : sql``;
  branches.push(sql`(SELECT ${columns} FROM ${a} WHERE ${group} AND ${a.dueOn} IS NULL${afterNull}${extraSql}
    ORDER BY ${a.number}, ${a.id} LIMIT ${limit})`);

  const idList = sql.join(serviceIds.map((id) => sql`${id}`), sql`, `);
  const statusList = sql.join(statuses.map((s) => sql`${s}`), sql`, `);
  return sql`
    SELECT q.id, q.number, q.service_id, s.name_zh AS service_name_zh, s.name_en AS service_name_en,
           p.name AS applicant_name, p.id_number AS applicant_id_number, q.status, q.channel, q.submitted_at,
           q.due_on, q.accept_due_on, q.light, q.flagged_at, q.flag_reason, q.step_kind, q.step_due_on, q.step_escalated_at
    FROM (
      SELECT x.* FROM unnest(ARRAY[${idList}]::uuid[]) AS g_service(id)
      CROSS JOIN unnest(ARRAY[${statusList}]::application_status[]) AS g_status(status)
      CROSS JOIN LATERAL (${sql.join(branches, sql` UNION ALL `)}) AS x
      ORDER BY x.due_on NULLS LAST, x.number, x.id
      LIMIT ${limit}
    ) AS q
    JOIN ${services} s ON s.id = q.service_id
    JOIN ${persons} p ON p.id = q.applicant_person_id
    ORDER BY q.due_on NULLS LAST, q.number, q.id`;
}

async function queueRows(
  db: Executor,
  serviceIds: readonly string[],
  statuses: readonly ApplicationStatus[],
  filters: QueueFilters,
  cursor: QueueCursor | null,
  today: string,
  stepScope: SQL,
): Promise<RawRow[]> {
  return rowsOf<RawRow>(await db.execute(queueRowsSql(serviceIds, statuses, filters, cursor, today, stepScope)));
}
