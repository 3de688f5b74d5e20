/**
 * Shared set-up for the eligibility tests (only test files import this): the catalogue the
 * rules look at, families, and applications in a given state.
 */
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, type NewPerson } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import {
  createApplication,
  createDepartment,
  createLicenceType,
  createPerson,
  createService,
  relate,
} from "@/lib/testing/factories";
import { STANDARD_ELIGIBILITY, STANDARD_RULE_KEYS, type StandardRuleKey } from "@/db/seed/catalogue-eligibility";
import { hasCheckSet } from "./checks/criteria";
import { explainReason } from "./explain";
import { listEligibleForService } from "./list-eligible-for-service";

export type RuleKey = StandardRuleKey;
export const ruleKeys = STANDARD_RULE_KEYS;

/** Default validity of the library's types, as in the seed (residence permit 12 months, …). */
const VALIDITY: Record<string, number | null> = {
  residence_permit: 12,
  school_admission_notice: 12,
  medical_insurance_record: 3,
  social_security_card: 120,
};
const LICENCE_KEYS = [
  "elderly_card",
  "residence_permit",
  "household_register",
  "birth_medical_certificate",
  "school_admission_notice",
  "unemployment_certificate",
  "pension_certificate",
  "medical_insurance_record",
  "social_security_card",
  "vaccination_certificate",
];
/** What each rule's service issues, as in the seed catalogue (db/seed/catalogue-services-*.ts). */
const OUTPUT: Record<RuleKey, string | null> = {
  birth_medical_certificate: "birth_medical_certificate",
  newborn_hukou: "household_register",
  newborn_medical_insurance: "medical_insurance_record",
  vaccination_certificate: "vaccination_certificate",
  newborn_social_security_card: "social_security_card",
  maternity_allowance: null,
  primary_school_enrolment: "school_admission_notice",
  elderly_card: "elderly_card",
  high_age_allowance: null,
  residence_permit: "residence_permit",
  unemployment_registration: "unemployment_certificate",
  pension_claim: "pension_certificate",
};

/**
 * One service per seeded eligibility definition, issuing that service's output licence, with
 * the definition as the seed writes it; returns service ids by the definition's key.
 */
export async function setUpCatalogue(db: Executor): Promise<Record<RuleKey, string>> {
  const dept = await createDepartment(db);
  const typeIds = new Map<string, string>();
  for (const key of LICENCE_KEYS) {
    const type = await createLicenceType(db, { key, issuingDepartmentId: dept.id, defaultValidityMonths: VALIDITY[key] ?? null });
    typeIds.set(key, type.id);
  }
  const services = {} as Record<RuleKey, string>;
  for (const key of ruleKeys) {
    const output = OUTPUT[key];
    const service = await createService(db, dept.id, {
      eligibility: STANDARD_ELIGIBILITY[key],
      automaticChecks: hasCheckSet(key) ? key : null,
      issuesLicenceTypeId: output ? typeIds.get(output) : null,
    });
    services[key] = service.id;
  }
  return services;
}

/** A Shenzhen resident unless told otherwise. */
export const resident = (db: Executor, overrides: Partial<NewPerson> = {}) =>
  createPerson(db, { hukouDivisionCode: "440304", residenceDivisionCode: "440304", ...overrides });

/** A child of `parents`, not yet registered in a hukou unless told otherwise. */
export async function childOf(db: Executor, parents: string[], overrides: Partial<NewPerson> = {}) {
  const child = await resident(db, {
    hukouDivisionCode: null,
    employmentStatus: "child",
    insuranceStatus: "none",
    maritalStatus: "unmarried",
    ...overrides,
  });
  for (const parent of parents) await relate(db, parent, child.id);
  return child;
}

/** An application in `status`, about `subject` when given (null: the applicant themselves). */
export async function applyFor(
  db: Executor,
  serviceId: string,
  applicantId: string,
  { subject = null, status = "submitted", completedAt = null }: { subject?: string | null; status?: ApplicationStatus; completedAt?: Date | null } = {},
) {
  const application = await createApplication(db, applicantId, serviceId);
  await db
    .update(applications)
    .set({ subjectPersonId: subject, status, completedAt: status === "completed" ? (completedAt ?? new Date()) : null })
    .where(eq(applications.id, application.id));
  return application;
}

/** The service rule of a definition key, as loadServiceRules would give it. */
export const ruleOf = (services: Record<RuleKey, string>, key: RuleKey) => ({ serviceId: services[key], code: key, definition: STANDARD_ELIGIBILITY[key] });

/** What the definition says for this applicant: [] or the qualifying rows. */
export const eligibleFor = (db: Executor, services: Record<RuleKey, string>, rule: RuleKey, personId: string, today: string) =>
  listEligibleForService(db, ruleOf(services, rule), { today, personId });

/** The clauses of a row's generated reason (names of licences etc. left as their keys). */
export function phrasesOf(rule: RuleKey, row: { reason: unknown } | undefined, today: string) {
  const labels = { licences: new Map(), divisions: new Map(), services: new Map() };
  return explainReason(STANDARD_ELIGIBILITY[rule], row?.reason, labels, today).phrases;
}
