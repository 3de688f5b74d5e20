import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applications, departments, familyRelations, licenceAccessLog, licences } from "@/db/schema";
import { seedCatalogue } from "@/db/seed/catalogue";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { departmentClerk } from "@/lib/testing/corrections-factories";
import { createLicence, createPerson } from "@/lib/testing/factories";
import {
  fileCounterApplication,
  fileCounterApplicationSchema,
  listIntakeServices,
  prepareCounterApplication,
  prepareCounterApplicationSchema,
} from "./prepare-counter-application";

let h: DbHandle;
let psbClerk: Actor;
let civilClerk: Actor;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedCatalogue(h.db);
  const idOf = async (code: string) => (await h.db.select({ id: departments.id }).from(departments).where(eq(departments.code, code)))[0]?.id ?? null;
  psbClerk = await departmentClerk(h.db, await idOf("psb"));
  civilClerk = await departmentClerk(h.db, await idOf("civil"));
});
afterAll(async () => {
  await h.close();
});

const NOW = new Date("2026-11-23T02:00:00Z");

/** A walk-in mother of a newborn; the father's ID card has expired. */
async function walkIn() {
  const mother = await createPerson(h.db, { sex: "female", maritalStatus: "married" });
  const father = await createPerson(h.db, { sex: "male", maritalStatus: "married" });
  const baby = await createPerson(h.db, { birthDate: "2026-11-01", hukouDivisionCode: null, hukouAddress: null, employmentStatus: "child", insuranceStatus: "none", insuranceMonths: 0 });
  await h.db.insert(familyRelations).values([
    { personId: mother.id, relativeId: father.id, relation: "spouse" },
    { personId: father.id, relativeId: mother.id, relation: "spouse" },
    { personId: mother.id, relativeId: baby.id, relation: "child" },
    { personId: baby.id, relativeId: mother.id, relation: "parent" },
  ]);
  for (const typeKey of ["resident_id_card", "household_register", "marriage_certificate"]) {
    await createLicence(h.db, { holderPersonId: mother.id, typeKey, validUntil: "2035-01-01" });
  }
  await createLicence(h.db, { holderPersonId: father.id, typeKey: "resident_id_card", validUntil: "2026-11-01" });
  await createLicence(h.db, { holderPersonId: baby.id, typeKey: "birth_medical_certificate", validUntil: null });
  return { mother, father, baby };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const lookup = (idNumber: string, serviceCode = "newborn_hukou") => prepareCounterApplicationSchema.parse({ idNumber, serviceCode });

describe("counter intake", () => {
  it("offers only the services in the clerk's scope", async () => {
    const codes = (await listIntakeServices(h.db, psbClerk)).map((s) => s.code);
    expect(codes).toContain("newborn_hukou");
    expect(codes).not.toContain("marriage_registration");
    expect((await listIntakeServices(h.db, civilClerk)).map((s) => s.code)).not.toContain("newborn_hukou");
  });

  it("pre-fills from the register and checks the library for the walk-in resident, logging the reads", async () => {
    const { mother, baby } = await walkIn();
    const page = await prepareCounterApplication(h.db, psbClerk, lookup(mother.idNumber), NOW);
    expect(page.applicant).toEqual({ personId: mother.id, name: mother.name, maskedIdNumber: expect.stringMatching(/^\d{6}\*{10}[\dX]{2}$/) as string });
    expect(page.subjectId).toBe(baby.id);
    expect(page.materials.map((m) => m.outcome)).toEqual(["library", "library", "unusable", "library", "library", "form"]);
    expect(page.prefilled.find((p) => p.name === "childName")?.display).toBe(baby.name);
    // The clerk saw five licences (four attachable, the father's expired card): the holders see each read.
    const reads = await h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.actorUserId, psbClerk.id));
    expect(reads.filter((r) => r.purpose === "窗口收件材料核对")).toHaveLength(5);
  });

  it("sends the clerk's browser no full ID number, not even as the ID card's licence number", async () => {
    const { mother, father, baby } = await walkIn();
    // The ID card's licence number is its holder's ID number; here every licence of the family is so numbered.
    await h.db
      .update(licences)
      .set({ licenceNumber: sql`${licences.holderCode}` })
      .where(inArray(licences.holderPersonId, [mother.id, father.id, baby.id]));
    const page = await prepareCounterApplication(h.db, psbClerk, lookup(mother.idNumber), NOW);
    const sent = JSON.stringify(page);
    for (const p of [mother, father, baby]) expect(sent).not.toContain(p.idNumber);
    const numbers = page.materials.flatMap((m) => (m.licence ? [m.licence.licenceNumber] : []));
    expect(numbers).toHaveLength(5);
    for (const n of numbers) expect(n).toMatch(/^\d{6}\*{10}[\dX]{2}$/);
  });

  it("is not found for a service outside the clerk's scope, or an ID number the register lacks", async () => {
    const { mother } = await walkIn();
    expect((await refusal(prepareCounterApplication(h.db, civilClerk, lookup(mother.idNumber), NOW))).code).toBe("NOT_FOUND");
    const unknown = await refusal(prepareCounterApplication(h.db, psbClerk, lookup("11010519491231002X"), NOW));
    expect(unknown).toMatchObject({ code: "NOT_FOUND", messageKey: "errors.intake.personNotFound" });
    const citizen: Actor = { id: mother.id, role: "citizen", displayName: "x", personId: mother.id, departmentId: null, centreId: null };
    expect((await refusal(prepareCounterApplication(h.db, citizen, lookup(mother.idNumber), NOW))).code).toBe("FORBIDDEN");
  });

  it("files with channel counter and counts library against paper", async () => {
    const { mother } = await walkIn();
    const input = fileCounterApplicationSchema.parse({
      serviceCode: "newborn_hukou",
      applicantPersonId: mother.id,
      subjectPersonId: null,
      idempotencyKey: crypto.randomUUID(),
      answers: { applicantPhone: "13912345678", ethnicity: "汉族", relationToHead: "daughter" },
      consent: true,
    });
    const filed = await fileCounterApplication(h.db, psbClerk, input, NOW);
    expect(filed).toMatchObject({ materialsTotal: 6, materialsFromLibrary: 4, materialsAtCounter: 1, replayed: false });
    const [row] = await h.db.select().from(applications).where(eq(applications.id, filed.id));
    expect(row).toMatchObject({ channel: "counter", applicantPersonId: mother.id, createdByUserId: psbClerk.id, status: "submitted" });
    // A double click files once.
    expect(await fileCounterApplication(h.db, psbClerk, input, NOW)).toMatchObject({ id: filed.id, replayed: true });
    expect((await refusal(fileCounterApplication(h.db, civilClerk, { ...input, idempotencyKey: crypto.randomUUID() }, NOW))).code).toBe("NOT_FOUND");
  });
});
