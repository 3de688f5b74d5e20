import "server-only";
import { OPEN_STATUSES } from "@/lib/applications/lifecycle/statuses";
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import {
  applicationDailyStats as ads,
  applications,
  departments,
  ratingFollowUps,
  ratings,
  serviceCentres,
  services,
} from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { addCalendarDays, toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { dashboardFilterSchema, periodOf, type DashboardFilter, type DashboardFilterInput, type GroupBy } from "./dashboard-schema";
import { aggregateRollups, applicationCut, rollupWhere, stepTimes, type GroupTotals } from "./rollup-query";
import { addRows, figuresOf, type Figures } from "./stats";
import { inSupervisorScope } from "./supervisor-scope";
import { listClerkReuse, type ClerkReuseRow } from "./list-clerk-reuse";
import { listLifeEventFigures, type LifeEventRow } from "./list-life-events";

export type Option = { id: string; nameZh: string; nameEn: string };
export type BreakdownRow = { key: string; nameZh: string; nameEn: string; figures: Figures; uploadsAvoided: number; visitsAvoided: number };
export type TrendPoint = {
  key: string;
  submitted: number;
  accepted: number;
  completed: number;
  completedWithinPromised: number;
  completedOnTheSpot: number;
  materialsFromLibrary: number;
  averageRating: number | null;
};
export type PoorComment = {
  ratingId: string;
  applicationNumber: string;
  serviceZh: string;
  serviceEn: string;
  score: number;
  comment: string | null;
  ratedAt: Date;
  followUpId: string | null;
  followUpStatus: "open" | "closed" | null;
};
export type Dashboard = {
  filter: DashboardFilter;
  period: { from: string; to: string };
  today: string;
  figures: Figures;
  live: { open: number; overdue: number; dueSoon: number; escalated: number };
  followUps: { due: number; inTime: number; share: number | null };
  trend: { bucket: "day" | "month"; points: TrendPoint[] };
  breakdown: { groupBy: GroupBy; rows: BreakdownRow[] };
  reuse: { byService: BreakdownRow[]; byClerk: ClerkReuseRow[] | null };
  /** 一件事: once-only figures per life event and month. */
  lifeEvents: LifeEventRow[];
  poorComments: PoorComment[];
  /** Working days per workflow step finished in the period (审查, 决定, 送达). */
  steps: { step: "review" | "decide" | "deliver"; n: number; median: number | null; p90: number | null }[];
  options: { services: Option[]; departments: Option[]; centres: Option[] };
};

const CHANNEL_NAMES: Record<string, [string, string]> = {
  online: ["网上办", "Online"],
  counter: ["窗口办", "Counter"],
  mobile: ["掌上办", "Mobile"],
  self_service: ["自助办", "Self-service"],
};

/** Parses the URL's filter (zod) or answers VALIDATION naming the bad field. */
export function parseDashboardFilter(input: DashboardFilterInput | Record<string, unknown>): DashboardFilter {
  const parsed = dashboardFilterSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "filter"), i.message]));
    throw new AppError("VALIDATION", "errors.metrics.badFilter", { fieldErrors });
  }
  const { from, to } = periodOf(parsed.data, "2000-01-01");
  if (parsed.data.from && parsed.data.to && addCalendarDays(from, 3 * 366) < to) {
    throw new AppError("VALIDATION", "errors.metrics.rangeTooLong", { fieldErrors: { from: "dashboard.validation.range" } });
  }
  return parsed.data;
}

export async function getDashboardOptions(db: Executor, actor: Actor) {
  requirePermission(actor, "metrics:read");
  const [svc, depts, centres] = await Promise.all([
    db
      .select({ id: services.id, nameZh: services.nameZh, nameEn: services.nameEn, departmentId: services.departmentId })
      .from(services)
      .where(inSupervisorScope(services.id, actor))
      .orderBy(asc(services.code)),
    db.select({ id: departments.id, nameZh: departments.nameZh, nameEn: departments.nameEn }).from(departments).orderBy(asc(departments.code)),
    db
      .select({ id: serviceCentres.id, nameZh: serviceCentres.nameZh, nameEn: serviceCentres.nameEn })
      .from(serviceCentres)
      .orderBy(asc(serviceCentres.code)),
  ]);
  const deptIds = new Set(svc.map((s) => s.departmentId));
  return {
    services: svc.map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
    departments: depts.filter((d) => deptIds.has(d.id)),
    centres,
  };
}

function groupExpression(groupBy: GroupBy): SQL {
  switch (groupBy) {
    case "department":
      return sql`${services.departmentId}`;
    case "centre":
      return sql`${ads.centreId}`;
    case "channel":
      return sql`${ads.channel}`;
    case "month":
      return sql`to_char(${ads.day}, 'YYYY-MM')`;
    default:
      return sql`${ads.serviceId}`;
  }
}

function rowsFrom(groups: Map<string, GroupTotals>, labels: Map<string, Option>): BreakdownRow[] {
  return [...groups.entries()]
    .map(([key, t]) => {
      const label = labels.get(key) ?? { id: key, nameZh: key === "null" ? "—" : key, nameEn: key === "null" ? "—" : key };
      return { key, nameZh: label.nameZh, nameEn: label.nameEn, figures: figuresOf(t), uploadsAvoided: t.uploadsAvoided, visitsAvoided: t.visitsAvoided };
    })
    .sort((a, b) => b.figures.submitted - a.figures.submitted || a.key.localeCompare(b.key));
}

/**
 * The processing-time dashboard for a period and cut, from the daily rollups (kept exact by
 * triggers in migration 0006) plus live figures from the open applications. Scope: the
 * supervisor's jurisdiction (inSupervisorScope); a service outside it simply has no rows.
 */
export async function getDashboard(db: Executor, actor: Actor, input: DashboardFilterInput | Record<string, unknown>, now = new Date()): Promise<Dashboard> {
  requirePermission(actor, "metrics:read");
  const filter = parseDashboardFilter(input);
  const today = toChinaDate(now);
  const period = periodOf(filter, today);
  const where = rollupWhere(actor, filter, period);
  const bucket = addCalendarDays(period.from, 62) < period.to ? "month" : "day";
  const groupBy = filter.groupBy === "clerk" ? "service" : filter.groupBy;

  const [options, groups, byService, trendGroups, live, followUps, poorComments, byClerk, steps, lifeEvents] = await Promise.all([
    getDashboardOptions(db, actor),
    aggregateRollups(db, where, groupExpression(groupBy), true),
    groupBy === "service" ? null : aggregateRollups(db, where, groupExpression("service"), false),
    aggregateRollups(db, where, bucket === "month" ? groupExpression("month") : sql`${ads.day}::text`, false),
    liveFigures(db, actor, filter, today),
    followUpShare(db, actor, filter, period, today),
    listPoorComments(db, actor, filter, period),
    filter.groupBy === "clerk" ? listClerkReuse(db, actor, filter, period) : Promise.resolve(null),
    stepTimes(db, actor, filter, period),
    listLifeEventFigures(db, actor, filter, period),
  ]);

  const labels = new Map<string, Option>();
  for (const o of [...options.services, ...options.departments, ...options.centres]) labels.set(o.id, o);
  for (const [k, [zh, en]] of Object.entries(CHANNEL_NAMES)) labels.set(k, { id: k, nameZh: zh, nameEn: en });
  labels.set("null", { id: "null", nameZh: "无中心（网上）", nameEn: "No centre (online)" });

  const breakdownRows = rowsFrom(groups, labels);
  const trend: TrendPoint[] = [...trendGroups.entries()]
    .map(([key, t]) => {
      const f = figuresOf(t);
      return {
        key,
        submitted: f.submitted,
        accepted: f.accepted,
        completed: f.completed,
        completedWithinPromised: f.completedWithinPromised,
        completedOnTheSpot: f.completedOnTheSpot,
        materialsFromLibrary: f.materialsFromLibrary,
        averageRating: f.averageRating === null ? null : Math.round(f.averageRating * 100) / 100,
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));

  return {
    filter,
    period,
    today,
    figures: figuresOf(addRows(groups.values())),
    live,
    followUps,
    trend: { bucket, points: trend },
    breakdown: { groupBy, rows: breakdownRows },
    reuse: { byService: byService ? rowsFrom(byService, labels) : breakdownRows, byClerk },
    lifeEvents,
    poorComments,
    steps,
    options,
  };
}

const OPEN = OPEN_STATUSES;

/** Overdue now and due within a working day, from the open applications (status, due_on indexes). */
async function liveFigures(db: Executor, actor: Actor, filter: DashboardFilter, today: string) {
  const [row] = rowsOf<{ open: number; overdue: number; due_soon: number; escalated: number }>(
    await db.execute(sql`
      SELECT count(*)::int AS open,
             count(*) FILTER (WHERE ${applications.status} IN ('accepted', 'approved') AND ${applications.dueOn} < ${today}::date)::int AS overdue,
             count(*) FILTER (WHERE ${applications.status} IN ('accepted', 'approved') AND ${applications.stepEscalatedAt} IS NOT NULL)::int AS escalated,
             count(*) FILTER (WHERE ${applications.status} IN ('accepted', 'approved')
                                AND ${applications.dueOn} BETWEEN ${today}::date AND add_working_days(${today}::date, 1))::int AS due_soon
        FROM ${applications}
       WHERE ${inArray(applications.status, [...OPEN])} AND ${applicationCut(actor, filter)}`),
  );
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0, dueSoon: row?.due_soon ?? 0, escalated: row?.escalated ?? 0 };
}

function ratingCut(actor: Actor, filter: DashboardFilter, period: { from: string; to: string }): SQL {
  return and(
    gte(ratings.createdAt, sql`(${period.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`),
    lt(ratings.createdAt, sql`(${addCalendarDays(period.to, 1)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`),
    applicationCut(actor, filter),
  ) as SQL;
}

async function listPoorComments(db: Executor, actor: Actor, filter: DashboardFilter, period: { from: string; to: string }): Promise<PoorComment[]> {
  const rows = await db
    .select({
      ratingId: ratings.id,
      applicationNumber: applications.number,
      serviceZh: services.nameZh,
      serviceEn: services.nameEn,
      score: ratings.score,
      comment: ratings.comment,
      ratedAt: ratings.createdAt,
      followUpId: ratingFollowUps.id,
      followUpStatus: ratingFollowUps.status,
    })
    .from(ratings)
    .innerJoin(applications, eq(applications.id, ratings.applicationId))
    .innerJoin(services, eq(services.id, applications.serviceId))
    .leftJoin(ratingFollowUps, eq(ratingFollowUps.ratingId, ratings.id))
    .where(and(sql`${ratings.score} <= 2`, ratingCut(actor, filter, period)))
    .orderBy(desc(ratings.createdAt), asc(ratings.id))
    .limit(20);
  return rows;
}

/** Of the follow-ups opened in the period that are closed or past due, the share closed by their due day. */
async function followUpShare(db: Executor, actor: Actor, filter: DashboardFilter, period: { from: string; to: string }, today: string) {
  const cut = and(
    inSupervisorScope(ratingFollowUps.serviceId, actor),
    filter.service ? eq(ratingFollowUps.serviceId, filter.service) : undefined,
    filter.department
      ? inArray(ratingFollowUps.serviceId, sql`(SELECT ${services.id} FROM ${services} WHERE ${services.departmentId} = ${filter.department})`)
      : undefined,
    filter.centre ? eq(ratingFollowUps.centreId, filter.centre) : undefined,
    filter.channel
      ? inArray(ratingFollowUps.applicationId, sql`(SELECT ${applications.id} FROM ${applications} WHERE ${applications.channel} = ${filter.channel})`)
      : undefined,
    gte(ratingFollowUps.createdAt, sql`(${period.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`),
    lt(ratingFollowUps.createdAt, sql`(${addCalendarDays(period.to, 1)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`),
  );
  const [row] = rowsOf<{ due: number; in_time: number }>(
    await db.execute(sql`
      SELECT count(*) FILTER (WHERE ${ratingFollowUps.status} = 'closed' OR ${ratingFollowUps.dueOn} < ${today}::date)::int AS due,
             count(*) FILTER (WHERE ${ratingFollowUps.status} = 'closed'
                                AND (${ratingFollowUps.closedAt} AT TIME ZONE 'Asia/Shanghai')::date <= ${ratingFollowUps.dueOn})::int AS in_time
        FROM ${ratingFollowUps} WHERE ${cut}`),
  );
  const due = row?.due ?? 0;
  const inTime = row?.in_time ?? 0;
  return { due, inTime, share: due === 0 ? null : inTime / due };
}
