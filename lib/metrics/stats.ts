/**
 * The dashboard's figures from rows shaped like `application_daily_stats` — pure, so the
 * rollups, the recomputation from events and the tests all go through one definition.
 * Percentiles are nearest-rank over exact histograms: the p-quantile is the smallest value v
 * with at least ceil(p·n) observations ≤ v (the median of 4 values is the 2nd smallest).
 */
export type StatsCounters = {
  submitted: number;
  accepted: number;
  deemedAccepted: number;
  supplementRequested: number;
  completed: number;
  completedOnTheSpot: number;
  completedWithinPromised: number;
  completedWithinLegal: number;
  rejected: number;
  withdrawn: number;
  materialsRequired: number;
  materialsFromLibrary: number;
  materialsUploaded: number;
  materialsAtCounter: number;
};

export type StatsHistograms = {
  acceptDays: number[];
  completeDays: number[];
  completeHours: number[];
  ratingCounts: number[];
};

export type StatsRow = { day: string; serviceId: string; centreId: string | null; channel: string } & StatsCounters & StatsHistograms;

export const COUNTER_KEYS = [
  "submitted",
  "accepted",
  "deemedAccepted",
  "supplementRequested",
  "completed",
  "completedOnTheSpot",
  "completedWithinPromised",
  "completedWithinLegal",
  "rejected",
  "withdrawn",
  "materialsRequired",
  "materialsFromLibrary",
  "materialsUploaded",
  "materialsAtCounter",
] as const satisfies readonly (keyof StatsCounters)[];

export const HISTOGRAM_KEYS = ["acceptDays", "completeDays", "completeHours", "ratingCounts"] as const;

export type Distribution = { n: number; median: number | null; p90: number | null };

export type Figures = StatsCounters & {
  acceptDays: Distribution;
  completeDays: Distribution;
  completeHours: Distribution;
  ratingCounts: number[];
  ratings: number;
  averageRating: number | null;
  /** Shares in [0, 1], null when the denominator is 0. */
  withinPromisedShare: number | null;
  withinLegalShare: number | null;
  onTheSpotShare: number | null;
  supplementRate: number | null;
  materialsExemptedShare: number | null;
  poorRatingShare: number | null;
};

export function emptyCounters(): StatsCounters {
  return Object.fromEntries(COUNTER_KEYS.map((k) => [k, 0])) as StatsCounters;
}

/** h[i] counts the value i (arrays are 0-based here; SQL's are 1-based). */
export function bump(h: number[], value: number): void {
  const i = Math.max(0, value);
  while (h.length <= i) h.push(0);
  h[i] = (h[i] ?? 0) + 1;
}

export function mergeInto(target: number[], add: readonly number[]): void {
  while (target.length < add.length) target.push(0);
  add.forEach((v, i) => {
    target[i] = (target[i] ?? 0) + v;
  });
}

export function distribution(h: readonly number[]): Distribution {
  const n = h.reduce((s, v) => s + v, 0);
  return { n, median: quantile(h, n, 0.5), p90: quantile(h, n, 0.9) };
}

function quantile(h: readonly number[], n: number, q: number): number | null {
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (let v = 0; v < h.length; v++) {
    seen += h[v] ?? 0;
    if (seen >= rank) return v;
  }
  return h.length - 1;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export type Totals = StatsCounters & StatsHistograms;

export function addRows(rows: Iterable<StatsCounters & StatsHistograms>): Totals {
  const t: Totals = { ...emptyCounters(), acceptDays: [], completeDays: [], completeHours: [], ratingCounts: [0, 0, 0, 0, 0] };
  for (const r of rows) {
    for (const k of COUNTER_KEYS) t[k] += r[k];
    for (const k of HISTOGRAM_KEYS) mergeInto(t[k], r[k]);
  }
  return t;
}

export function figuresOf(t: Totals): Figures {
  const ratings = t.ratingCounts.reduce((s, v) => s + v, 0);
  const scoreSum = t.ratingCounts.reduce((s, v, i) => s + v * (i + 1), 0);
  const counters = Object.fromEntries(COUNTER_KEYS.map((k) => [k, t[k]])) as StatsCounters;
  return {
    ...counters,
    acceptDays: distribution(t.acceptDays),
    completeDays: distribution(t.completeDays),
    completeHours: distribution(t.completeHours),
    ratingCounts: [0, 1, 2, 3, 4].map((i) => t.ratingCounts[i] ?? 0),
    ratings,
    averageRating: ratings === 0 ? null : scoreSum / ratings,
    withinPromisedShare: share(t.completedWithinPromised, t.completed),
    withinLegalShare: share(t.completedWithinLegal, t.completed),
    onTheSpotShare: share(t.completedOnTheSpot, t.completed),
    supplementRate: share(t.supplementRequested, t.submitted),
    materialsExemptedShare: share(t.materialsFromLibrary, t.materialsRequired),
    poorRatingShare: share((t.ratingCounts[0] ?? 0) + (t.ratingCounts[1] ?? 0), ratings),
  };
}
