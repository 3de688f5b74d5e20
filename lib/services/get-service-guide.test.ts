import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { services } from "@/db/schema";
import { seedCatalogue } from "@/db/seed/catalogue";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { createCitizenUser, createLicence, createPerson, relate } from "@/lib/testing/factories";
import { checkMaterialsForResident, getServiceGuideOrThrow } from "./get-service-guide";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedCatalogue(h.db);
});
afterAll(async () => {
  await h.close();
});

const NOW = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in China

async function citizen() {
  const { person, user } = await createCitizenUser(h.db, "Secret2026");
  const actor: Actor = { id: user.id, role: "citizen", displayName: person.name, personId: person.id, departmentId: null, centreId: null };
  return { person, actor };
}

describe("the public service guide", () => {
  it("has everything about the service: limits, fee, department, materials in order, and the centres", async () => {
    const guide = await getServiceGuideOrThrow(h.db, "residence_permit");
    // 办理流程: the service's own workflow, in order.
    expect(guide.workflow.steps.map((st) => st.kind)).toEqual(["accept", "review", "decide", "deliver"]);
    expect(guide).toMatchObject({
      code: "residence_permit",
      nameZh: "居住证申领",
      theme: "residence",
      departmentCode: "psb",
      departmentZh: "深圳市公安局",
      legalLimitDays: 15,
      promisedLimitDays: 10,
      onTheSpot: false,
      requiresVisit: false,
      feeYuan: 0,
      concernsChild: false,
    });
    expect(guide.whoMayApplyZh).toContain("非本市户籍");
    expect(guide.materials.map((m) => [m.position, m.kind, m.required])).toEqual([
      [1, "licence", true],
      [2, "licence", false],
      [3, "licence", false],
      [4, "licence", false],
      [5, "upload", false],
      [6, "upload", false],
      [7, "form", true],
    ]);
    // The photo comes from the ID card: a studio receipt only to use a new one.
    expect(guide.materials[5]?.notesZh).toContain("居民身份证制证相片");
    expect(guide.materials[1]).toMatchObject({ nameZh: "房屋租赁凭证", notesZh: "租房居住的提供" });
    expect(guide.materials[0]?.licenceTypeZh).toBeTruthy();
    expect(guide.materials[5]?.licenceTypeZh).toBeNull();
    // Police services are accepted at every district centre.
    expect(guide.centres).toHaveLength(5);
    expect(guide.centres.find((c) => c.code === "baoan")).toMatchObject({
      addressZh: "深圳市宝安区新安街道创业一路1号宝安区行政服务大厅",
      phone: "0755-27750000",
    });
    expect(guide.centres.every((c) => c.hoursZh.length > 0)).toBe(true);
  });

  it("marks the services that concern a child", async () => {
    expect((await getServiceGuideOrThrow(h.db, "primary_school_enrolment")).concernsChild).toBe(true);
  });

  it("is NOT_FOUND for unknown, malformed and inactive codes", async () => {
    await expect(getServiceGuideOrThrow(h.db, "no_such_service")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getServiceGuideOrThrow(h.db, "../etc/passwd")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await h.db.update(services).set({ active: false }).where(eq(services.code, "high_age_allowance"));
    try {
      await expect(getServiceGuideOrThrow(h.db, "high_age_allowance")).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await h.db.update(services).set({ active: true }).where(eq(services.code, "high_age_allowance"));
    }
  });
});

describe("the guide's materials for a signed-in resident", () => {
  it("marks what the library holds for them and what they must bring", async () => {
    const { person, actor } = await citizen();
    await createLicence(h.db, { holderPersonId: person.id, typeKey: "resident_id_card", validUntil: "2035-01-01" });
    await createLicence(h.db, { holderPersonId: person.id, typeKey: "rental_registration", validUntil: "2027-12-31" });
    // Expires before the promised completion date: must be renewed, never attached.
    await createLicence(h.db, { holderPersonId: person.id, typeKey: "social_insurance_record", validUntil: "2026-11-25" });
    const check = await checkMaterialsForResident(h.db, actor, { serviceCode: "residence_permit", now: NOW });
    expect(check.status).toBe("ready");
    if (check.status !== "ready") return;
    expect(check.childName).toBeNull();
    expect(check.completeBy > "2026-11-23").toBe(true);
    expect(check.materials.map((m) => m.outcome)).toEqual(["library", "library", "missing", "expiring", "upload", "upload", "form"]);
  });

  it("checks a child's materials against an only child, and asks to choose among several", async () => {
    const { person, actor } = await citizen();
    const noChild = await checkMaterialsForResident(h.db, actor, { serviceCode: "primary_school_enrolment", now: NOW });
    expect(noChild).toEqual({ status: "noChild" });

    const child = await createPerson(h.db, { birthDate: "2020-05-01", employmentStatus: "child" });
    await relate(h.db, person.id, child.id);
    await createLicence(h.db, { holderPersonId: child.id, typeKey: "household_register" });
    const only = await checkMaterialsForResident(h.db, actor, { serviceCode: "primary_school_enrolment", now: NOW });
    expect(only).toMatchObject({ status: "ready", childName: child.name });
    if (only.status === "ready") {
      expect(only.materials.find((m) => m.subject === "child" && m.outcome === "library")?.licence?.holderName).toBe(child.name);
    }

    const second = await createPerson(h.db, { birthDate: "2014-03-01", employmentStatus: "student" });
    await relate(h.db, person.id, second.id);
    expect(await checkMaterialsForResident(h.db, actor, { serviceCode: "primary_school_enrolment", now: NOW })).toEqual({
      status: "chooseChild",
      childCount: 2,
    });
  });

  it("is only for citizens, and NOT_FOUND for unknown services", async () => {
    const { actor } = await citizen();
    const clerk: Actor = { ...actor, role: "clerk", personId: null };
    await expect(checkMaterialsForResident(h.db, clerk, { serviceCode: "residence_permit" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(checkMaterialsForResident(h.db, actor, { serviceCode: "nothing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
