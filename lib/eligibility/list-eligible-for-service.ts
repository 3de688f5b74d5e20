import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { ReasonKey, ReasonParams, RuleKey } from "./rule-types";
import { buildEligibilityQuery, type RuleQueryParams } from "./rules";

export type EligibleRow = {
  ruleKey: RuleKey;
  /** Who may apply (and whom to notify). */
  personId: string;
  /** Whom the service is for: the applicant, or their child. */
  subjectPersonId: string;
  reasonKey: ReasonKey;
  reasonParams: ReasonParams;
  /** The service under the rule (the catalogue has one per rule). */
  serviceId: string;
};

type RawRow = {
  rule_key: RuleKey;
  person_id: string;
  subject_person_id: string;
  reason_key: ReasonKey;
  reason_params: ReasonParams;
  service_id: string;
};

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

/**
 * Everyone who qualifies for a rule's service and has not applied, over the whole population,
 * a page at a time in (person_id, subject_person_id) order. A building block with no actor:
 * the supervisor's proactive-service lib authorizes, scopes and masks before anything is shown.
 */
export async function listEligibleForService(
  db: Executor,
  ruleKey: RuleKey,
  params: RuleQueryParams,
): Promise<EligibleRow[]> {
  const limit = Math.min(Math.max(1, params.limit ?? DEFAULT_PAGE), MAX_PAGE);
  const rows = rowsOf<RawRow>(await db.execute(buildEligibilityQuery(ruleKey, { ...params, limit })));
  return rows.map((r) => ({
    ruleKey: r.rule_key,
    personId: r.person_id,
    subjectPersonId: r.subject_person_id,
    reasonKey: r.reason_key,
    reasonParams: r.reason_params,
    serviceId: r.service_id,
  }));
}

/** How many (applicant, subject) pairs qualify for a rule's service and have not applied. */
export async function countEligibleForService(db: Executor, ruleKey: RuleKey, params: { today: string }): Promise<number> {
  const query = buildEligibilityQuery(ruleKey, { today: params.today });
  const rows = rowsOf<{ n: number | string }>(await db.execute(sql`SELECT count(*) AS n FROM (${query}) q`));
  return Number(rows[0]?.n ?? 0);
}
