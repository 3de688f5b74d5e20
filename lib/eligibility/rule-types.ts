import type { SQL } from "drizzle-orm";

/** Rule keys as stored in services.eligibility_rule. */
export const ruleKeys = [
  "birth_medical_certificate",
  "newborn_hukou",
  "newborn_medical_insurance",
  "vaccination_certificate",
  "newborn_social_security_card",
  "maternity_allowance",
  "primary_school_enrolment",
  "elderly_card",
  "high_age_allowance",
  "residence_permit",
  "unemployment_registration",
] as const;
export type RuleKey = (typeof ruleKeys)[number];

export function isRuleKey(value: string): value is RuleKey {
  return (ruleKeys as readonly string[]).includes(value);
}

/** Keys of `recommendations.reasons.*`; each rule says which one applies and with what. */
export const reasonKeys = [
  "elderlyAged",
  "elderlyTurning",
  "highAge",
  "residencePermit",
  "unemployment",
  "schoolEnrolment",
  "newbornHukou",
  "newbornMedicalInsurance",
  "newbornSocialSecurityCard",
  "vaccination",
  "birthCertificate",
  "maternityAllowance",
] as const;
export type ReasonKey = (typeof reasonKeys)[number];

/** Values are strings or numbers; "YYYY-MM-DD" strings are dates the page formats for the locale. */
export type ReasonParams = Record<string, string | number>;

export type CandidateParams = {
  /** YYYY-MM-DD, China time. */
  today: string;
  /** Restrict to this applicant: their own row, or their children through family_relations. */
  personId?: string;
};

/**
 * One rule, one definition for both the resident's home page and the supervisor's set-wise
 * lists. `candidates` selects (person_id, subject_person_id, reason_key, reason_params) of
 * everyone the policy covers; the shared wrapper (rules.ts) removes those already holding the
 * service's output licence (services.issues_licence_type_id) or already served by an
 * application, and pages.
 */
export type EligibilityRule = {
  key: RuleKey;
  candidates: (params: CandidateParams) => SQL;
};
