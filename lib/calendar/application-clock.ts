/**
 * The legal clock of an application (办件时限), in one place: when completeness must be
 * answered, when the promised and legal limits end, what a supplement request does to them,
 * and the traffic light the queue shows. Pure: no database, no `Date` arithmetic beyond
 * `toChinaDate`; every day is an ISO date in China time.
 *
 * The rules (《中华人民共和国行政许可法》):
 * - 第32条: the authority answers completeness within 5 working days of receiving the
 *   materials, telling everything missing at once (一次性告知); if it does not, the application
 *   counts as accepted from the day the materials were received (逾期不告知的，自收到申请材料
 *   之日起即为受理). So an acceptance after `acceptDueOn` is *deemed*: its clock starts on the
 *   receipt day, not on the day the clerk clicked.
 * - 第42条/第45条: the decision time limit runs in working days from acceptance; time spent
 *   waiting for the applicant to supplement materials is not counted.
 *
 * A supplement requested before acceptance sends the application back to the resident; their
 * answer is a fresh receipt (new `receivedAt`, new 5-day completeness deadline). A supplement
 * requested after acceptance pauses the clock; the answer resumes it with both due dates moved
 * later by the working days it stood still, and the application goes back to `accepted`.
 * (ARCHITECTURE.md says supplements loop back to `submitted`; that is right before acceptance,
 * but after acceptance the application has already been accepted — sending it to `submitted`
 * would restart the completeness check and lose the acceptance day — so it returns to
 * `accepted`.)
 */
import { sql, type SQL } from "drizzle-orm";
import type { ApplicationStatus } from "@/db/schema/values";
import { addWorkingDays, toChinaDate, workingDaysBetween } from "./working-days";

/** 行政许可法第32条: completeness is answered within 5 working days of receipt. */
export const ACCEPT_WITHIN_WORKING_DAYS = 5;

export type ClockLimits = { promisedLimitDays: number; legalLimitDays: number };

export type ReceiptClock = {
  receivedOn: string;
  acceptDueOn: string;
  /** Provisional: as if accepted on the receipt day; fixed at acceptance. */
  dueOn: string;
  legalDueOn: string;
};

/** The clock when complete materials arrive (filing, or an answer to a pre-acceptance supplement). */
export function receiptClock(received: Date | string, limits: ClockLimits): ReceiptClock {
  const receivedOn = typeof received === "string" ? received : toChinaDate(received);
  return {
    receivedOn,
    acceptDueOn: addWorkingDays(receivedOn, ACCEPT_WITHIN_WORKING_DAYS),
    dueOn: addWorkingDays(receivedOn, limits.promisedLimitDays),
    legalDueOn: addWorkingDays(receivedOn, limits.legalLimitDays),
  };
}

export type AcceptanceClock = {
  /** Accepted by operation of law: completeness was answered late. */
  deemed: boolean;
  /** The day the time limits count from (the day itself is not counted). */
  clockStartOn: string;
  dueOn: string;
  legalDueOn: string;
};

/**
 * The clock set at acceptance on `acceptedOn`. Late (after `acceptDueOn`) means deemed accepted
 * on the receipt day, so the limits count from there.
 */
export function acceptanceClock(
  app: { receivedOn: string; acceptDueOn: string | null },
  acceptedOn: string,
  limits: ClockLimits,
): AcceptanceClock {
  const acceptDueOn = app.acceptDueOn ?? addWorkingDays(app.receivedOn, ACCEPT_WITHIN_WORKING_DAYS);
  const deemed = acceptedOn > acceptDueOn;
  const clockStartOn = deemed ? app.receivedOn : acceptedOn;
  return {
    deemed,
    clockStartOn,
    dueOn: addWorkingDays(clockStartOn, limits.promisedLimitDays),
    legalDueOn: addWorkingDays(clockStartOn, limits.legalLimitDays),
  };
}

/**
 * Whether the completeness deadline has passed on `day` — after it, the law already counts the
 * application as accepted, so a supplement request is a post-acceptance one that pauses the clock.
 */
export function isDeemedAcceptedBy(acceptDueOn: string | null, day: string): boolean {
  return acceptDueOn !== null && day > acceptDueOn;
}

export type ResumedClock = {
  /** Working days this pause lasted. */
  paused: number;
  pausedWorkingDays: number;
  dueOn: string;
  legalDueOn: string;
};

/**
 * The clock when the resident answers a post-acceptance supplement on `resumedOn`: both due
 * dates move later by the working days after the pause day up to and including the answer day.
 */
export function resumeClock(
  app: { pausedOn: string; pausedWorkingDays: number; dueOn: string; legalDueOn: string },
  resumedOn: string,
): ResumedClock {
  const paused = workingDaysBetween(app.pausedOn, resumedOn);
  return {
    paused,
    pausedWorkingDays: app.pausedWorkingDays + paused,
    dueOn: paused === 0 ? app.dueOn : addWorkingDays(app.dueOn, paused),
    legalDueOn: paused === 0 ? app.legalDueOn : addWorkingDays(app.legalDueOn, paused),
  };
}

export const LIGHTS = ["green", "yellow", "red", "paused", "none"] as const;
export type Light = (typeof LIGHTS)[number];

/** The deadline the light watches for a status: completeness before acceptance, the promised limit after. */
export function lightDeadline(app: { status: ApplicationStatus; acceptDueOn: string | null; dueOn: string | null }): string | null {
  if (app.status === "submitted") return app.acceptDueOn;
  if (app.status === "accepted" || app.status === "approved") return app.dueOn;
  return null;
}

/**
 * The queue's traffic light on `today`: red once the deadline has passed, yellow when it is
 * today or the next working day, green before that; paused while a supplement is outstanding;
 * none for drafts and closed applications. `lightSql` is the same rule in SQL.
 */
export function light(app: { status: ApplicationStatus; acceptDueOn: string | null; dueOn: string | null }, today: string): Light {
  if (app.status === "supplement_requested") return "paused";
  const deadline = lightDeadline(app);
  if (deadline === null) return "none";
  if (deadline < today) return "red";
  if (deadline <= addWorkingDays(today, 1)) return "yellow";
  return "green";
}

/**
 * `light` as a SQL expression over the `applications` columns, for lists that filter or sort by
 * it without loading rows. `today` is a China date; the next working day is computed here, so
 * the database needs no holiday table.
 */
export function lightSql(today: string): SQL<Light> {
  const next = addWorkingDays(today, 1);
  return sql<Light>`(CASE
    WHEN "applications"."status" = 'supplement_requested' THEN 'paused'
    WHEN (CASE WHEN "applications"."status" = 'submitted' THEN "applications"."accept_due_on"
               WHEN "applications"."status" IN ('accepted', 'approved') THEN "applications"."due_on" END) IS NULL THEN 'none'
    WHEN (CASE WHEN "applications"."status" = 'submitted' THEN "applications"."accept_due_on"
               ELSE "applications"."due_on" END) < ${today}::date THEN 'red'
    WHEN (CASE WHEN "applications"."status" = 'submitted' THEN "applications"."accept_due_on"
               ELSE "applications"."due_on" END) <= ${next}::date THEN 'yellow'
    ELSE 'green' END)`;
}

/**
 * The deadline the light watches, as SQL (completeness date before acceptance, promised date
 * after; null otherwise): what the queue sorts by so the reddest work comes first.
 */
export function lightDeadlineSql(): SQL<string | null> {
  return sql<string | null>`(CASE WHEN "applications"."status" = 'submitted' THEN "applications"."accept_due_on"
    WHEN "applications"."status" IN ('accepted', 'approved') THEN "applications"."due_on" END)`;
}
