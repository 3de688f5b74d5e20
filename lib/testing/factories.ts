import { randomInt, randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { applicationEvents, applications, departments, persons, services, users, type NewPerson, type NewUser, type Person } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { makeResidentId, makeUscc } from "@/lib/id-number";

/**
 * Test data factories: every call makes unique rows, so tests never depend on each other or
 * on the seed. Only test files import this.
 */
let counter = 0;
const unique = () => `${Date.now() % 100000}${counter++}${randomInt(1000)}`;

export async function createPerson(db: Executor, overrides: Partial<NewPerson> = {}): Promise<Person> {
  const birthDate = overrides.birthDate ?? `19${randomInt(50, 99)}-0${randomInt(1, 9)}-1${randomInt(0, 9)}`;
  const row: NewPerson = {
    id: randomUUID(),
    idNumber: makeResidentId("440304", birthDate, randomInt(0, 1000)),
    name: `测试${unique().slice(-4)}`,
    sex: "female",
    birthDate,
    hukouDivisionCode: "440304",
    hukouAddress: "深圳市福田区福华路 1 号",
    residenceDivisionCode: "440304",
    residenceAddress: "深圳市福田区福华路 1 号",
    residenceSince: "2015-01-01",
    maritalStatus: "unmarried",
    employmentStatus: "employed",
    insuranceStatus: "employee",
    insuranceMonths: 48,
    phone: `139${String(randomInt(0, 1e8)).padStart(8, "0")}`,
    ...overrides,
  };
  const [created] = await db.insert(persons).values(row).onConflictDoNothing().returning();
  // A random ID number can collide with an earlier one; try again with another sequence.
  return created ?? createPerson(db, overrides);
}

export async function createCitizenUser(db: Executor, password: string, personOverrides: Partial<NewPerson> = {}) {
  const person = await createPerson(db, personOverrides);
  const [user] = await db
    .insert(users)
    .values({ role: "citizen", personId: person.id, displayName: person.name, passwordHash: await hashPassword(password) })
    .returning();
  if (!user) throw new Error("user not created");
  return { person, user };
}

export async function createDepartment(db: Executor) {
  const code = `t${unique()}`;
  const [dept] = await db
    .insert(departments)
    .values({
      code,
      uscc: makeUscc(`11440300${String(randomInt(0, 1e9)).padStart(9, "0")}`),
      nameZh: `测试局${code}`,
      nameEn: `Test bureau ${code}`,
      divisionCode: "440300",
    })
    .returning();
  if (!dept) throw new Error("department not created");
  return dept;
}

export async function createStaffUser(db: Executor, password: string, overrides: Partial<NewUser> = {}) {
  const [user] = await db
    .insert(users)
    .values({
      role: "clerk",
      staffNo: `TS${String(randomInt(0, 1e6)).padStart(6, "0")}`,
      displayName: "测试窗口",
      passwordHash: await hashPassword(password),
      ...overrides,
    })
    .returning();
  if (!user) throw new Error("staff user not created");
  return user;
}

export async function createService(db: Executor, departmentId: string, overrides: Partial<typeof services.$inferInsert> = {}) {
  const code = `svc_${unique()}`;
  const [service] = await db
    .insert(services)
    .values({
      code,
      nameZh: `测试事项${code}`,
      nameEn: `Test service ${code}`,
      departmentId,
      theme: "residence",
      descriptionZh: "测试",
      descriptionEn: "Test",
      whoMayApplyZh: "任何人",
      whoMayApplyEn: "Anyone",
      legalLimitDays: 20,
      promisedLimitDays: 10,
      ...overrides,
    })
    .returning();
  if (!service) throw new Error("service not created");
  return service;
}

export async function createApplication(db: Executor, applicantPersonId: string, serviceId: string) {
  const [application] = await db
    .insert(applications)
    .values({ number: `T${unique()}`, serviceId, applicantPersonId, status: "submitted", submittedAt: new Date() })
    .returning();
  if (!application) throw new Error("application not created");
  await db.insert(applicationEvents).values({
    applicationId: application.id,
    personId: applicantPersonId,
    fromStatus: "draft",
    toStatus: "submitted",
  });
  return application;
}

// --- Licence library (wallet) ---
// Imports sit here, not at the top, because several features append to this file at once.
import { licences as licencesTable, licenceTypes as licenceTypesTable, type Licence, type LicenceType } from "@/db/schema";
import { eq as eqColumn } from "drizzle-orm";
import { makeLicenceIdentifier } from "@/lib/id-number";

const testUscc = () => makeUscc(`11440300${String(randomInt(0, 1e9)).padStart(9, "0")}`);

/** A licence type issued by `issuingDepartmentId` (a new department when omitted). */
export async function createLicenceType(
  db: Executor,
  overrides: Partial<typeof licenceTypesTable.$inferInsert> = {},
): Promise<LicenceType> {
  const key = overrides.key ?? `type_${unique()}`;
  const issuingDepartmentId = overrides.issuingDepartmentId ?? (await createDepartment(db)).id;
  const [type] = await db
    .insert(licenceTypesTable)
    .values({
      key,
      code: `${testUscc()}${String(randomInt(0, 1000)).padStart(3, "0")}`,
      nameZh: `测试证照${key}`,
      nameEn: `Test licence ${key}`,
      defaultValidityMonths: null,
      ...overrides,
      issuingDepartmentId,
    })
    .returning();
  if (!type) throw new Error("licence type not created");
  return type;
}

/**
 * A licence held by `holderPersonId`. `typeKey` reuses that type (created on first use);
 * neither key nor `licenceTypeId` makes a fresh type. Not signed: tests of signatures sign their own.
 */
export async function createLicence(
  db: Executor,
  options: {
    holderPersonId: string;
    typeKey?: string;
    licenceTypeId?: string;
    status?: Licence["status"];
    statusReason?: string | null;
    issuedOn?: string;
    validFrom?: string;
    validUntil?: string | null;
  },
): Promise<Licence> {
  let type: LicenceType | undefined;
  if (options.licenceTypeId) {
    type = (await db.select().from(licenceTypesTable).where(eqColumn(licenceTypesTable.id, options.licenceTypeId)))[0];
  } else if (options.typeKey) {
    type =
      (await db.select().from(licenceTypesTable).where(eqColumn(licenceTypesTable.key, options.typeKey)))[0] ??
      (await createLicenceType(db, { key: options.typeKey }));
  } else {
    type = await createLicenceType(db);
  }
  if (!type) throw new Error("licence type not found");
  const [holder] = await db.select().from(persons).where(eqColumn(persons.id, options.holderPersonId));
  const [issuer] = await db.select().from(departments).where(eqColumn(departments.id, type.issuingDepartmentId));
  if (!holder || !issuer) throw new Error("licence holder or issuer not found");
  const issuedOn = options.issuedOn ?? "2020-01-15";
  const serial = `T${unique()}`.toUpperCase();
  const [licence] = await db
    .insert(licencesTable)
    .values({
      identifier: makeLicenceIdentifier({ typeCode: type.code, issuerUscc: issuer.uscc, serial, version: 1 }),
      licenceTypeId: type.id,
      licenceNumber: `No.${serial}`,
      holderPersonId: holder.id,
      holderName: holder.name,
      holderCode: holder.idNumber,
      issuerDepartmentId: issuer.id,
      issuerName: issuer.nameZh,
      issuerCode: issuer.uscc,
      jurisdictionCode: issuer.divisionCode,
      issuedOn,
      validFrom: options.validFrom ?? issuedOn,
      validUntil: options.validUntil === undefined ? null : options.validUntil,
      status: options.status ?? "valid",
      statusReason: options.statusReason ?? null,
      signature: "unsigned-test-licence",
    })
    .returning();
  if (!licence) throw new Error("licence not created");
  return licence;
}

// --- Family relations (eligibility) ---
import { familyRelations as familyRelationsTable } from "@/db/schema";

/** Links a parent and a child in both directions, as the base register stores them. */
export async function relate(db: Executor, parentPersonId: string, childPersonId: string): Promise<void> {
  await db.insert(familyRelationsTable).values([
    { personId: parentPersonId, relativeId: childPersonId, relation: "child" },
    { personId: childPersonId, relativeId: parentPersonId, relation: "parent" },
  ]);
}

// --- Tracking (withdraw, rate) ---
import { eq as eqTrack } from "drizzle-orm";
import type { ApplicationStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";

/** The Actor lib functions receive for a citizen user made by `createCitizenUser`. */
export function citizenActor({ person, user }: { person: Person; user: { id: string } }): Actor {
  return { id: user.id, role: "citizen", displayName: person.name, personId: person.id, departmentId: null, centreId: null };
}

/** A `submitted` application moved to `status`, as a clerk's decisions would leave it. */
export async function createApplicationInStatus(db: Executor, applicantPersonId: string, serviceId: string, status: ApplicationStatus) {
  const application = await createApplication(db, applicantPersonId, serviceId);
  if (status === "submitted") return application;
  const [moved] = await db
    .update(applications)
    .set({ status, ...(status === "completed" ? { completedAt: new Date() } : {}) })
    .where(eqTrack(applications.id, application.id))
    .returning();
  if (!moved) throw new Error("application not moved");
  await db.insert(applicationEvents).values({ applicationId: moved.id, personId: applicantPersonId, fromStatus: "submitted", toStatus: status });
  return moved;
}

// --- Appointments ---
import { appointmentSlots as appointmentSlotsTable } from "@/db/schema";

/** An appointment slot at `centreId`, by default a day from now with three seats. */
export async function createAppointmentSlot(
  db: Executor,
  centreId: string,
  overrides: Partial<typeof appointmentSlotsTable.$inferInsert> = {},
) {
  // A random minute offset keeps (centre, starts_at) unique across calls.
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 86_400_000 + randomInt(0, 1e6) * 60_000);
  const [slot] = await db
    .insert(appointmentSlotsTable)
    .values({ centreId, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), capacity: 3, ...overrides })
    .returning();
  if (!slot) throw new Error("slot not created");
  return slot;
}
