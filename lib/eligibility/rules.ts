import { sql, type SQL } from "drizzle-orm";
import { ruleKeys, type CandidateParams, type EligibilityRule, type RuleKey } from "./rule-types";
import {
  birthMedicalCertificate,
  maternityAllowance,
  newbornHukou,
  newbornMedicalInsurance,
  newbornSocialSecurityCard,
  primarySchoolEnrolment,
  vaccinationCertificate,
} from "./rules-family";
import { elderlyCard, highAgeAllowance, residencePermit, unemploymentRegistration } from "./rules-self";
import { day, withoutServed } from "./sql-fragments";

export const eligibilityRules: Readonly<Record<RuleKey, EligibilityRule>> = {
  birth_medical_certificate: birthMedicalCertificate,
  newborn_hukou: newbornHukou,
  newborn_medical_insurance: newbornMedicalInsurance,
  vaccination_certificate: vaccinationCertificate,
  newborn_social_security_card: newbornSocialSecurityCard,
  maternity_allowance: maternityAllowance,
  primary_school_enrolment: primarySchoolEnrolment,
  elderly_card: elderlyCard,
  high_age_allowance: highAgeAllowance,
  residence_permit: residencePermit,
  unemployment_registration: unemploymentRegistration,
};

export type RuleQueryParams = CandidateParams & {
  /** Page size; when given, rows come ordered by (person_id, subject_person_id, service_id). */
  limit?: number;
  /** Keyset paging: start after this applicant (and, when given, after this subject of theirs). */
  afterPersonId?: string;
  afterSubjectPersonId?: string;
};

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function assertIsoDay(today: string): void {
  if (!ISO_DAY.test(today)) throw new RangeError(`today must be YYYY-MM-DD: ${today}`);
}

const candidatesOf = (key: RuleKey, params: CandidateParams): SQL =>
  sql`SELECT ${key}::text AS rule_key, c.person_id, c.subject_person_id, c.reason_key, c.reason_params
    FROM (${eligibilityRules[key].candidates(params)}) c`;

/**
 * The one query behind both uses: the rules' candidates, minus subjects already served (see
 * withoutServed). Rows: (rule_key, person_id, subject_person_id, reason_key, reason_params,
 * service_id). One rule gives the supervisor's set-wise list, or the source of a set-wise
 * INSERT … SELECT for "notify all"; several rules restricted to one person are UNION ALLed
 * before the exclusions, so the resident's home page plans and runs them once. The
 * subqueries are flattened by the planner, so paging by person id walks an index and stops
 * at the page size.
 */
export function buildEligibilityQuery(rules: RuleKey | readonly RuleKey[], params: RuleQueryParams): SQL {
  assertIsoDay(params.today);
  const keys = typeof rules === "string" ? [rules] : rules;
  const candidates =
    keys.length === 1 && keys[0]
      ? candidatesOf(keys[0], params)
      : sql.join(keys.map((k) => sql`(${candidatesOf(k, params)})`), sql` UNION ALL `);
  const keyset = !params.afterPersonId
    ? sql``
    : params.afterSubjectPersonId
      ? sql`AND (e.person_id, e.subject_person_id) > (${params.afterPersonId}::uuid, ${params.afterSubjectPersonId}::uuid)`
      : sql`AND e.person_id > ${params.afterPersonId}::uuid`;
  // A second service under the same rule would share (person, subject); the catalogue has
  // one per rule, so the two-column keyset pages exactly.
  const page =
    params.limit === undefined
      ? sql``
      : sql`ORDER BY e.person_id, e.subject_person_id, s.id LIMIT ${Math.max(0, Math.trunc(params.limit))}`;
  const on = day(params.today);
  return sql`${withoutServed(candidates, keys, on, { extra: keyset, setWise: !params.personId })} ${page}`;
}

/** Rules in the order a resident should see them: the time-bound newborn steps first. */
export const ruleOrder: ReadonlyMap<string, number> = new Map(ruleKeys.map((k, i) => [k, i]));
