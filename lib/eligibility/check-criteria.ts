import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { loadDefinitionVersion } from "@/lib/catalogue/definition-rows";
import { compileCandidates, compileCriteria, criteriaOf } from "./compile";
import type { EligibilityDefinition } from "./definition-schema";
import { loadReasonLabels, phraseOf, titleOf, type Part, type ReasonPhrase } from "./explain";

/** One condition of a service's rule for one application, as the clerk reads it. */
export type CriterionCheck = {
  /** The criterion, neutral: "张三年满60周岁". */
  title: ReasonPhrase;
  result: "pass" | "fail" | "unknown";
  /** What the register says, in words ("…已于2026-12-08年满60周岁"); null when it cannot tell. */
  detail: ReasonPhrase | null;
  /** Under a `not`: the criterion must not hold. */
  negated: boolean;
  /** The `any` it belongs to (its node index), if one: one of the group suffices. */
  group: number | null;
};

/**
 * Checks each condition of a service's eligibility rule for one application's applicant and
 * subject, against today's registers, in one query (compile.ts compileCriteria): what the
 * clerk sees for every service with a rule, not only those with a set of automatic checks.
 * A criterion whose data the register lacks is `unknown`, never a silent fail.
 */
export async function checkCriteria(
  db: Executor,
  def: EligibilityDefinition,
  { today, applicantId, subjectId }: { today: string; applicantId: string; subjectId: string | null },
): Promise<CriterionCheck[]> {
  const subject = subjectId ?? applicantId;
  // A child's rule needs the child; an application without one cannot be checked against it.
  if (def.for === "child" && subjectId === null) return [];
  const query = compileCriteria(def, { today, applicantId, subjectId: subject });
  if (!query) return [];
  const [row] = rowsOf<{ results: { i: number; holds: boolean | null; reason: unknown }[] }>(await db.execute(query));
  const labels = await loadReasonLabels(db, [def]);
  const found = new Map((row?.results ?? []).map((r) => [r.i, r]));
  return criteriaOf(def, today).map((leaf): CriterionCheck => {
    const r = found.get(leaf.i);
    const holds = r ? r.holds : null;
    const part = (Array.isArray(r?.reason) ? (r.reason[0] as Part | undefined) : undefined) ?? { i: leaf.i };
    const detail = holds === null ? null : holds ? phraseOf(leaf.node, part, labels, today) : phraseOf(leaf.node, { i: leaf.i, neg: true }, labels, today);
    const met = holds === null ? null : leaf.negated ? !holds : holds;
    return { title: titleOf(leaf.node, labels), result: met === null ? "unknown" : met ? "pass" : "fail", detail, negated: leaf.negated, group: leaf.group };
  });
}

/**
 * Whether the applicant (and subject) meet the service's rule as a whole today — the version
 * the application was filed under; true for a service without a rule. A decision to grant
 * against an unmet rule needs the decider's written reason (process-application.ts).
 */
export async function ruleMetFor(
  db: Executor,
  { serviceId, serviceVersion, applicantId, subjectId, today }: { serviceId: string; serviceVersion: number; applicantId: string; subjectId: string | null; today: string },
): Promise<boolean> {
  const filed = await loadDefinitionVersion(db, serviceId, serviceVersion);
  const def = filed?.eligibility;
  if (!def) return true;
  if (def.for === "child" && subjectId === null) return false;
  const candidates = compileCandidates(def, serviceId, { today, personId: applicantId });
  const rows = rowsOf(await db.execute(sql`SELECT 1 FROM (${candidates}) e WHERE e.subject_person_id = ${subjectId ?? applicantId}::uuid LIMIT 1`));
  return rows.length > 0;
}
