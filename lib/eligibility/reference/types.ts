/**
 * The hand-written eligibility rules of the first build, kept only as the oracle the compiled
 * definitions are checked against (../compile.test.ts) and timed against (scripts/bench.ts).
 * Nothing the app runs imports this folder.
 */
import type { SQL } from "drizzle-orm";
import type { StandardRuleKey } from "@/db/seed/catalogue-eligibility";

export type RuleKey = StandardRuleKey;

export type CandidateParams = { today: string; personId?: string };

/** One rule: `candidates` selects (person_id, subject_person_id, reason_key, reason_params). */
export type EligibilityRule = { key: RuleKey; candidates: (params: CandidateParams) => SQL };
