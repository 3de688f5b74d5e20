import { z } from "zod";
import { addCalendarDays, isIsoDay } from "@/lib/calendar/working-days";

/**
 * The dashboard's URL parameters, one schema for the filter form, the page, the drill-down
 * and the CSV export. No database import: client components load this file.
 */
export const CHANNELS = ["online", "counter", "mobile", "self_service"] as const;
export const GROUP_BYS = ["service", "department", "centre", "channel", "month", "clerk"] as const;
export const DRILL_METRICS = [
  "submitted",
  "accepted",
  "completed",
  "rejected",
  "withdrawn",
  "supplement",
  "onTheSpot",
  "late",
  "overdue",
  "dueSoon",
  "escalated",
  "poor",
] as const;
export const EXPORT_TABLES = ["breakdown", "trend", "reuse", "lifeEvents", "poor", "applications"] as const;

export type GroupBy = (typeof GROUP_BYS)[number];
export type DrillMetric = (typeof DRILL_METRICS)[number];
export type ExportTable = (typeof EXPORT_TABLES)[number];

// Years the records can hold: "0000-01-01" is a valid shape but no date PostgreSQL stores (issue 15).
const inRecordedYears = (v: string) => v.slice(0, 4) >= "1900" && v.slice(0, 4) <= "2100";
const day = z.string().refine(isIsoDay, "dashboard.validation.day").refine(inRecordedYears, "dashboard.validation.day");
const blankToUndefined = (v: unknown): unknown => (v === "" || v === null ? undefined : Array.isArray(v) ? (v[0] as unknown) : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());

export const dashboardFilterSchema = z
  .object({
    from: opt(day),
    to: opt(day),
    month: opt(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "dashboard.validation.month").refine(inRecordedYears, "dashboard.validation.month")),
    service: opt(z.uuid()),
    department: opt(z.uuid()),
    centre: opt(z.uuid()),
    channel: opt(z.enum(CHANNELS)),
    groupBy: z.preprocess(blankToUndefined, z.enum(GROUP_BYS).default("service")),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "dashboard.validation.range" });

export type DashboardFilterInput = z.input<typeof dashboardFilterSchema>;
export type DashboardFilter = z.output<typeof dashboardFilterSchema>;

export const drillDownSchema = z.object({
  metric: z.preprocess(blankToUndefined, z.enum(DRILL_METRICS)),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});

export const exportSchema = z.object({ table: z.preprocess(blankToUndefined, z.enum(EXPORT_TABLES)) });

/** The period a filter names: a month, else from/to, else the 30 days up to today. */
export function periodOf(filter: DashboardFilter, today: string): { from: string; to: string } {
  if (filter.month) {
    const from = `${filter.month}-01`;
    const next = addCalendarDays(from, 31).slice(0, 7);
    return { from, to: addCalendarDays(`${next}-01`, -1) };
  }
  const to = filter.to ?? today;
  const from = filter.from ?? addCalendarDays(to, -29);
  return { from, to };
}

/** URL search params from a filter (and extras), leaving out what is unset. */
export function filterParams(filter: Partial<DashboardFilter>, extra: Record<string, string | number | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) {
    if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  }
  return p.toString();
}

/** Parses Next's searchParams (string | string[] | undefined) with a schema. */
export function fromSearchParams(params: Record<string, string | string[] | undefined>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
