import { randomInt } from "node:crypto";
import type { Executor } from "@/db/client";
import { familyRelations, users } from "@/db/schema";
import { departmentId } from "@/db/seed/catalogue";
import type { Actor } from "@/lib/auth/actor";
import { createCitizenUser, createLicence, createPerson } from "./factories";

/**
 * Factories for processing tests (clerk decisions, supplements, counter filing). They expect
 * the catalogue to be seeded (`seedCatalogue`), so services and licence types are the real ones.
 */

/** A clerk user row (events and audit rows reference it) and the Actor for it. */
export async function createClerkActor(
  db: Executor,
  scope: { department?: Parameters<typeof departmentId>[0]; departmentId?: string | null; centreId?: string | null },
  displayName = `窗口${randomInt(1000, 9999)}`,
): Promise<Actor> {
  const deptId = scope.departmentId !== undefined ? scope.departmentId : scope.department ? departmentId(scope.department) : null;
  const [user] = await db
    .insert(users)
    .values({
      role: "clerk",
      staffNo: `PF${String(randomInt(0, 1e7)).padStart(7, "0")}`,
      displayName,
      // Never signs in: processing tests act through lib directly.
      passwordHash: "test-no-login",
      departmentId: deptId,
      centreId: scope.centreId ?? null,
    })
    .returning();
  if (!user) throw new Error("clerk not created");
  return { id: user.id, role: "clerk", displayName, personId: null, departmentId: deptId, centreId: scope.centreId ?? null };
}

/** A department's back-office reviewer (审查) or approver (决定): a user row and the Actor for it. */
export async function createBackOfficeActor(
  db: Executor,
  role: "reviewer" | "approver",
  department: Parameters<typeof departmentId>[0],
  displayName = `${role === "reviewer" ? "审查" : "审批"}${randomInt(1000, 9999)}`,
): Promise<Actor> {
  const deptId = departmentId(department);
  const [user] = await db
    .insert(users)
    .values({ role, staffNo: `PB${String(randomInt(0, 1e7)).padStart(7, "0")}`, displayName, passwordHash: "test-no-login", departmentId: deptId })
    .returning();
  if (!user) throw new Error("back-office user not created");
  return { id: user.id, role, displayName, personId: null, departmentId: deptId, centreId: null };
}

/**
 * A Shenzhen family with a 3-week-old baby not yet in the hukou: the mother (a citizen user)
 * holds ID card, household register and marriage certificate; the father's ID card is valid;
 * the baby holds the birth certificate only.
 */
export async function createNewbornFamily(db: Executor) {
  const { person: mother, user } = await createCitizenUser(db, "Secret2026", { sex: "female", maritalStatus: "married" });
  const father = await createPerson(db, { sex: "male", maritalStatus: "married" });
  const baby = await createPerson(db, {
    birthDate: "2026-11-01",
    sex: "female",
    hukouDivisionCode: null,
    hukouAddress: null,
    employmentStatus: "child",
    insuranceStatus: "none",
    insuranceMonths: 0,
  });
  await db.insert(familyRelations).values([
    { personId: mother.id, relativeId: father.id, relation: "spouse" },
    { personId: father.id, relativeId: mother.id, relation: "spouse" },
    { personId: mother.id, relativeId: baby.id, relation: "child" },
    { personId: baby.id, relativeId: mother.id, relation: "parent" },
  ]);
  for (const typeKey of ["resident_id_card", "household_register", "marriage_certificate"]) {
    await createLicence(db, { holderPersonId: mother.id, typeKey, validUntil: "2035-01-01" });
  }
  await createLicence(db, { holderPersonId: father.id, typeKey: "resident_id_card", validUntil: "2040-01-01" });
  await createLicence(db, { holderPersonId: baby.id, typeKey: "birth_medical_certificate", validUntil: null });
  const actor: Actor = { id: user.id, role: "citizen", displayName: mother.name, personId: mother.id, departmentId: null, centreId: null };
  return { mother, father, baby, user, actor };
}

/** Every field the five services of 出生一件事 ask that the register does not fill, once. */
export const NEWBORN_BUNDLE_ANSWERS = {
  applicantPhone: "13912345678",
  ethnicity: "汉族",
  relationToHead: "daughter",
  insuranceTier: "tier1",
  collection: "post",
  deliveryType: "natural",
  employerName: "深圳市某某科技有限公司",
  bankAccount: "6222021234567890123",
};

export const NEWBORN_HUKOU_ANSWERS = { applicantPhone: "13912345678", ethnicity: "汉族", relationToHead: "daughter" };

/** 就业一件事's services, in the event's order. */
export const JOB_LOSS_SERVICES = ["unemployment_registration", "unemployment_insurance_benefit", "unemployed_skills_training"];

/** Answers for every question of 就业一件事 (the register's locked values are dropped by the caller). */
export const JOB_LOSS_ANSWERS = {
  applicantPhone: "13923456712",
  residenceAddress: "广东省深圳市罗湖区笋岗街道宝安北路2008号",
  lastEmployer: "深圳市启明精密制造有限公司",
  separationDate: "2026-11-11",
  separationReason: "contract_ended",
  bankAccount: "6222021234567890123",
  trainingOccupation: "electrician",
  trainingSchedule: "weekend",
};

/**
 * A resident out of work, insured six years as an employee, holding the ID card, household
 * register, contribution record and social security card — and the employer's filing of the
 * contract's end unless `terminationFiled` is false.
 */
export async function createJobseeker(db: Executor, { terminationFiled = true } = {}) {
  const { person, user } = await createCitizenUser(db, "Secret2026", { employmentStatus: "unemployed", insuranceStatus: "employee", insuranceMonths: 74, birthDate: "1990-04-12" });
  const types = ["resident_id_card", "household_register", "social_insurance_record", "social_security_card", ...(terminationFiled ? ["labour_contract_termination"] : [])];
  for (const typeKey of types) await createLicence(db, { holderPersonId: person.id, typeKey, validUntil: null });
  const actor: Actor = { id: user.id, role: "citizen", displayName: person.name, personId: person.id, departmentId: null, centreId: null };
  return { person, actor };
}
