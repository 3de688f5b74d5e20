import "server-only";
import { OPEN_STATUSES } from "@/lib/applications/lifecycle/statuses";
import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applicationDailyStats as ads, applications, departments, services } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { toChinaDate } from "@/lib/calendar/working-days";
import { inSupervisorScope } from "./supervisor-scope";

export type MonthRow = {
  month: string;
  submitted: number;
  completed: number;
  completedInTime: number;
  rejected: number;
};
export type DepartmentRow = {
  departmentId: string;
  departmentZh: string;
  departmentEn: string;
  open: number;
  overdue: number;
  averageRating: number | null;
};
export type SupervisorOverview = { months: MonthRow[]; departments: DepartmentRow[]; today: string; since: string };

const OPEN = OPEN_STATUSES;

/**
 * The morning overview: twelve months of throughput and limits kept (from the daily rollups,
 * by the day each thing happened), and each department's open and overdue work now (live).
 */
export async function getSupervisorOverview(db: Executor, actor: Actor, now = new Date()): Promise<SupervisorOverview> {
  requirePermission(actor, "metrics:read");
  const today = toChinaDate(now);
  const since = `${String(Number(today.slice(0, 4)) - (today.slice(5, 7) === "12" ? 0 : 1))}-${today.slice(5, 7) === "12" ? "01" : String(Number(today.slice(5, 7)) + 1).padStart(2, "0")}-01`;
  const month = sql<string>`to_char(${ads.day}, 'YYYY-MM')`;
  const ratingSum = sql`sum(coalesce(${ads.ratingCounts}[1], 0) + 2 * coalesce(${ads.ratingCounts}[2], 0) + 3 * coalesce(${ads.ratingCounts}[3], 0) + 4 * coalesce(${ads.ratingCounts}[4], 0) + 5 * coalesce(${ads.ratingCounts}[5], 0))`;
  const ratingCount = sql`sum(coalesce(${ads.ratingCounts}[1], 0) + coalesce(${ads.ratingCounts}[2], 0) + coalesce(${ads.ratingCounts}[3], 0) + coalesce(${ads.ratingCounts}[4], 0) + coalesce(${ads.ratingCounts}[5], 0))`;

  const [months, live, rated] = await Promise.all([
    db
      .select({
        month,
        submitted: sql<number>`sum(${ads.submitted})`.mapWith(Number),
        completed: sql<number>`sum(${ads.completed})`.mapWith(Number),
        completedInTime: sql<number>`sum(${ads.completedWithinPromised})`.mapWith(Number),
        rejected: sql<number>`sum(${ads.rejected})`.mapWith(Number),
      })
      .from(ads)
      .where(and(gte(ads.day, since), inSupervisorScope(ads.serviceId, actor)))
      .groupBy(month)
      .orderBy(asc(month)),
    db
      .select({
        departmentId: departments.id,
        departmentZh: departments.nameZh,
        departmentEn: departments.nameEn,
        open: sql<number>`count(${applications.id})`.mapWith(Number),
        overdue: sql<number>`count(${applications.id}) FILTER (WHERE ${applications.status} IN ('accepted', 'approved') AND ${applications.dueOn} < ${today}::date)`.mapWith(Number),
      })
      .from(departments)
      .innerJoin(services, eq(services.departmentId, departments.id))
      .leftJoin(applications, and(eq(applications.serviceId, services.id), inArray(applications.status, [...OPEN])))
      .where(inSupervisorScope(services.id, actor))
      .groupBy(departments.id, departments.nameZh, departments.nameEn)
      .orderBy(asc(departments.nameZh)),
    db
      .select({
        departmentId: services.departmentId,
        averageRating: sql<number | null>`round(${ratingSum}::numeric / nullif(${ratingCount}, 0), 2)`.mapWith((v) => (v === null ? null : Number(v))),
      })
      .from(ads)
      .innerJoin(services, eq(services.id, ads.serviceId))
      .where(and(gte(ads.day, since), lt(ads.day, sql`${today}::date + 1`), inSupervisorScope(ads.serviceId, actor)))
      .groupBy(services.departmentId),
  ]);
  const ratingOf = new Map(rated.map((r) => [r.departmentId, r.averageRating]));
  return {
    today,
    since,
    months,
    departments: live.map((d) => ({ ...d, averageRating: ratingOf.get(d.departmentId) ?? null })),
  };
}
