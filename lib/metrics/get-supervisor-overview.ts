import "server-only";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, departments, ratings, services } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { inSupervisorScope } from "./supervisor-scope";

export type MonthRow = {
  month: string;
  submitted: number;
  completed: number;
  completedInTime: number;
  rejected: number;
};
export type DepartmentRow = {
  departmentZh: string;
  departmentEn: string;
  open: number;
  overdue: number;
  averageRating: number | null;
};
export type SupervisorOverview = { months: MonthRow[]; departments: DepartmentRow[] };

const chinaToday = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;
const OPEN = sql`${applications.status} IN ('submitted', 'accepted', 'supplement_requested', 'approved')`;

/**
 * The morning overview: twelve months of throughput and limits kept, and each department's
 * open and overdue work now. Read straight from the applications table (its timestamps are
 * written in the same transaction as each event); issue #5 builds the full dashboard.
 */
export async function getSupervisorOverview(db: Executor, actor: Actor): Promise<SupervisorOverview> {
  requirePermission(actor, "metrics:read");
  const scope = inSupervisorScope(applications.serviceId, actor);
  const since = sql`date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '11 months'`;
  const month = sql<string>`to_char(date_trunc('month', ${applications.submittedAt} AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM')`;

  const [months, depts] = await Promise.all([
    db
      .select({
        month,
        submitted: sql<number>`count(*)`.mapWith(Number),
        completed: sql<number>`count(*) FILTER (WHERE ${applications.status} = 'completed')`.mapWith(Number),
        completedInTime: sql<number>`count(*) FILTER (WHERE ${applications.status} = 'completed' AND (${applications.completedAt} AT TIME ZONE 'Asia/Shanghai')::date <= ${applications.dueOn})`.mapWith(Number),
        rejected: sql<number>`count(*) FILTER (WHERE ${applications.status} = 'rejected')`.mapWith(Number),
      })
      .from(applications)
      .where(and(scope, gte(applications.submittedAt, since)))
      .groupBy(month)
      .orderBy(asc(month)),
    db
      .select({
        departmentZh: departments.nameZh,
        departmentEn: departments.nameEn,
        open: sql<number>`count(*) FILTER (WHERE ${OPEN})`.mapWith(Number),
        overdue: sql<number>`count(*) FILTER (WHERE ${OPEN} AND ${applications.dueOn} < ${chinaToday})`.mapWith(Number),
        averageRating: sql<number | null>`round(avg(${ratings.score}), 2)`.mapWith((v) => (v === null ? null : Number(v))),
      })
      .from(applications)
      .innerJoin(services, eq(services.id, applications.serviceId))
      .innerJoin(departments, eq(departments.id, services.departmentId))
      .leftJoin(ratings, eq(ratings.applicationId, applications.id))
      .where(scope)
      .groupBy(departments.nameZh, departments.nameEn)
      .orderBy(asc(departments.nameZh)),
  ]);
  return { months, departments: depts };
}
