import "server-only";
import { and, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { applicationDailyStats as ads, applicationStepDailyStats as steps, applications, services } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { DashboardFilter } from "./dashboard-schema";
import { COUNTER_KEYS, distribution, emptyCounters, mergeInto, type Totals } from "./stats";
import { inSupervisorScope } from "./supervisor-scope";

/** The rollup rows a filter and the supervisor's scope select, for a period (of either daily rollup). */
export function rollupWhere(
  actor: Actor,
  filter: DashboardFilter,
  period: { from: string; to: string },
  t: Pick<typeof ads, "day" | "serviceId" | "centreId" | "channel"> | Pick<typeof steps, "day" | "serviceId" | "centreId" | "channel"> = ads,
): SQL {
  return and(
    gte(t.day, period.from),
    lte(t.day, period.to),
    inSupervisorScope(t.serviceId, actor),
    filter.service ? eq(t.serviceId, filter.service) : undefined,
    filter.department
      ? inArray(t.serviceId, sql`(SELECT ${services.id} FROM ${services} WHERE ${services.departmentId} = ${filter.department})`)
      : undefined,
    filter.centre ? eq(t.centreId, filter.centre) : undefined,
    filter.channel ? eq(t.channel, filter.channel) : undefined,
  ) as SQL;
}

/** Time per workflow step (working days) over the rollup rows a filter selects: exact median and 90th percentile per step. */
export async function stepTimes(db: Executor, actor: Actor, filter: DashboardFilter, period: { from: string; to: string }) {
  const rows = await db
    .select({ step: steps.step, n: steps.n, days: steps.days })
    .from(steps)
    .where(rollupWhere(actor, filter, period, steps));
  const byStep = new Map<string, number[]>();
  for (const r of rows) {
    const h = byStep.get(r.step) ?? [];
    mergeInto(h, r.days);
    byStep.set(r.step, h);
  }
  return STEP_ORDER.flatMap((step) => {
    const h = byStep.get(step);
    return h ? [{ step, ...distribution(h) }] : [];
  });
}
const STEP_ORDER = ["review", "decide", "deliver"] as const;

/** The same cut on the applications table (live figures, drill-down, per-clerk reuse). */
export function applicationCut(actor: Actor, filter: DashboardFilter): SQL {
  return and(
    inSupervisorScope(applications.serviceId, actor),
    filter.service ? eq(applications.serviceId, filter.service) : undefined,
    filter.department
      ? inArray(applications.serviceId, sql`(SELECT ${services.id} FROM ${services} WHERE ${services.departmentId} = ${filter.department})`)
      : undefined,
    filter.centre ? eq(applications.centreId, filter.centre) : undefined,
    filter.channel ? eq(applications.channel, filter.channel) : undefined,
  ) as SQL;
}

const SNAKE: Record<(typeof COUNTER_KEYS)[number], string> = {
  submitted: "submitted",
  accepted: "accepted",
  deemedAccepted: "deemed_accepted",
  supplementRequested: "supplement_requested",
  completed: "completed",
  completedOnTheSpot: "completed_on_the_spot",
  completedWithinPromised: "completed_within_promised",
  completedWithinLegal: "completed_within_legal",
  rejected: "rejected",
  withdrawn: "withdrawn",
  materialsRequired: "materials_required",
  materialsFromLibrary: "materials_from_library",
  materialsUploaded: "materials_uploaded",
  materialsAtCounter: "materials_at_counter",
};

const COUNTER_SUMS = sql.raw(
  [
    ...COUNTER_KEYS.map((k) => `sum(application_daily_stats.${SNAKE[k]})::bigint AS "${k}"`),
    ...[1, 2, 3, 4, 5].map((i) => `sum(coalesce(application_daily_stats.rating_counts[${i}], 0))::bigint AS "r${i}"`),
    `sum(application_daily_stats.materials_from_library) FILTER (WHERE application_daily_stats.channel <> 'counter')::bigint AS "uploadsAvoided"`,
    `sum(application_daily_stats.submitted) FILTER (WHERE application_daily_stats.channel <> 'counter')::bigint AS "visitsAvoided"`,
  ].join(", "),
);

export type GroupTotals = Totals & { uploadsAvoided: number; visitsAvoided: number };

/** Histogram positions summed column by column; the rest are unnested. */
const HEAD = 24;

const HIST_COLUMNS = [
  ["acceptDays", "accept_days", "a"],
  ["completeDays", "complete_days", "d"],
  ["completeHours", "complete_hours", "h"],
] as const;

/**
 * Sums the selected rollup rows by `group` (an SQL expression over application_daily_stats
 * and services) in one scan: counters, and the histograms position by position
 * (sum(accept_days[i]) for the first HEAD positions; the rare longer tails unnested in a
 * second query), which keeps medians and percentiles over any cut exact without unnesting
 * every row.
 */
export async function aggregateRollups(
  db: Executor,
  where: SQL,
  group: SQL,
  withHistograms: boolean,
): Promise<Map<string, GroupTotals>> {
  const histSums = withHistograms
    ? HIST_COLUMNS.flatMap(([, column, prefix]) =>
        Array.from({ length: HEAD }, (_, i) => `, sum(application_daily_stats.${column}[${i + 1}])::bigint AS "${prefix}${i + 1}"`),
      ).join("")
    : "";
  const [result, tail] = await Promise.all([
    db.execute(
      sql`SELECT (${group})::text AS g, ${COUNTER_SUMS}${sql.raw(histSums)}
        FROM ${ads} JOIN ${services} ON ${services.id} = ${ads.serviceId} WHERE ${where} GROUP BY 1`,
    ),
    // Positions past HEAD are rare (an on-the-spot application filed on a Friday night): unnest
    // only the rows that have them.
    withHistograms
      ? db.execute(sql`SELECT (${group})::text AS g, h.k, (h.i + ${HEAD})::int AS i, sum(h.v)::bigint AS v
          FROM ${ads} JOIN ${services} ON ${services.id} = ${ads.serviceId}
          CROSS JOIN LATERAL (
            SELECT 'a' AS k, u.i, u.v FROM unnest(${ads.acceptDays}[${sql.raw(String(HEAD + 1))}:]) WITH ORDINALITY u(v, i)
            UNION ALL SELECT 'd', u.i, u.v FROM unnest(${ads.completeDays}[${sql.raw(String(HEAD + 1))}:]) WITH ORDINALITY u(v, i)
            UNION ALL SELECT 'h', u.i, u.v FROM unnest(${ads.completeHours}[${sql.raw(String(HEAD + 1))}:]) WITH ORDINALITY u(v, i)
          ) h
          WHERE ${where} AND greatest(cardinality(${ads.acceptDays}), cardinality(${ads.completeDays}), cardinality(${ads.completeHours})) > ${HEAD}
            AND h.v <> 0
          GROUP BY 1, 2, 3`)
      : Promise.resolve(null),
  ]);
  const out = new Map<string, GroupTotals>();
  for (const r of rowsOf<Record<string, unknown>>(result)) {
    const t: GroupTotals = {
      ...emptyCounters(),
      acceptDays: [],
      completeDays: [],
      completeHours: [],
      ratingCounts: [1, 2, 3, 4, 5].map((i) => Number(r[`r${i}`] ?? 0)),
      uploadsAvoided: Number(r.uploadsAvoided ?? 0),
      visitsAvoided: Number(r.visitsAvoided ?? 0),
    };
    for (const k of COUNTER_KEYS) t[k] = Number(r[k] ?? 0);
    if (withHistograms) {
      for (const [key, , prefix] of HIST_COLUMNS) t[key] = Array.from({ length: HEAD }, (_, i) => Number(r[`${prefix}${i + 1}`] ?? 0));
    }
    out.set(String(r.g), t);
  }
  const column = { a: "acceptDays", d: "completeDays", h: "completeHours" } as const;
  for (const r of tail ? rowsOf<{ g: string; k: "a" | "d" | "h"; i: number; v: number | string }>(tail) : []) {
    const h = out.get(String(r.g))?.[column[r.k]];
    if (!h) continue;
    while (h.length < r.i) h.push(0);
    h[r.i - 1] = Number(r.v);
  }
  for (const t of out.values()) {
    for (const [key] of HIST_COLUMNS) while (t[key].length > 0 && t[key][t[key].length - 1] === 0) t[key].pop();
  }
  return out;
}
