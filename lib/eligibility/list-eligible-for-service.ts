import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { buildEligibilityQuery, type RuleQueryParams, type ServiceRule } from "./rules";

export type EligibleRow = {
  serviceId: string;
  /** Who may apply (and whom to notify). */
  personId: string;
  /** Whom the service is for: the applicant, or their child. */
  subjectPersonId: string;
  /** compile.ts's reason parts; explainReason turns them into words. */
  reason: unknown;
};

type RawRow = { service_id: string; person_id: string; subject_person_id: string; reason: unknown };

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

/**
 * Everyone who qualifies for a service and has not applied, over the whole population, a
 * page at a time in (person_id, subject_person_id) order. A building block with no actor: the
 * supervisor's proactive-service lib authorizes, scopes and masks before anything is shown.
 */
export async function listEligibleForService(db: Executor, rule: ServiceRule, params: RuleQueryParams): Promise<EligibleRow[]> {
  const limit = Math.min(Math.max(1, params.limit ?? DEFAULT_PAGE), MAX_PAGE);
  const rows = rowsOf<RawRow>(await db.execute(buildEligibilityQuery(rule, { ...params, limit })));
  return rows.map((r) => ({ serviceId: r.service_id, personId: r.person_id, subjectPersonId: r.subject_person_id, reason: r.reason }));
}

/** How many (applicant, subject) pairs qualify for a service and have not applied. */
export async function countEligibleForService(db: Executor, rule: ServiceRule, params: { today: string }): Promise<number> {
  const query = buildEligibilityQuery(rule, { today: params.today });
  const rows = rowsOf<{ n: number | string }>(await db.execute(sql`SELECT count(*) AS n FROM (${query}) q`));
  return Number(rows[0]?.n ?? 0);
}
