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
import { listEligibleForService } from "./list-eligible-for-service";
import { ruleKeys, type RuleKey } from "./rule-types";

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
};

/** One service per rule, issuing the rule's output licence; returns service ids by rule key. */
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
      eligibilityRule: key,
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

/** What the rule says for this applicant: [] or the qualifying rows. */
export const eligibleFor = (db: Executor, rule: RuleKey, personId: string, today: string) =>
  listEligibleForService(db, rule, { today, personId });
