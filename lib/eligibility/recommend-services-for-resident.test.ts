import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { services as servicesTable } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { createLicence } from "@/lib/testing/factories";
import { recommendServicesForResident } from "./recommend-services-for-resident";
import type { RuleKey } from "./rule-types";
import { applyFor, childOf, resident, setUpCatalogue } from "./test-setup";

const TODAY = "2026-11-22";
const citizen = (personId: string | null): Actor => ({
  id: "00000000-0000-4000-8000-000000000001",
  role: "citizen",
  displayName: "测试",
  personId,
  departmentId: null,
  centreId: null,
});

describe("recommendServicesForResident", () => {
  let handle: DbHandle;
  let services: Record<RuleKey, string>;
  beforeAll(async () => {
    handle = await createTestDatabase();
    services = await setUpCatalogue(handle.db);
  });
  afterAll(async () => handle.close());

  it("recommends the family's services with reasons, newborn steps first, in one query", async () => {
    const db = handle.db;
    const mother = await resident(db, { birthDate: "1990-05-12" });
    const father = await resident(db, { birthDate: "1989-08-03", sex: "male" });
    const baby = await childOf(db, [mother.id, father.id], { birthDate: "2026-11-02", name: "陈若汐" });
    await createLicence(db, { holderPersonId: baby.id, typeKey: "birth_medical_certificate" });
    const pupil = await childOf(db, [mother.id, father.id], { birthDate: "2021-03-15", hukouDivisionCode: "440305", name: "陈小明" });

    const execute = vi.spyOn(db, "execute");
    const items = await recommendServicesForResident(db, citizen(mother.id), { today: TODAY });
    expect(execute).toHaveBeenCalledTimes(1);
    execute.mockRestore();

    expect(items.map((i) => [i.ruleKey, i.subjectName])).toEqual([
      ["newborn_hukou", "陈若汐"],
      ["newborn_medical_insurance", "陈若汐"],
      ["vaccination_certificate", "陈若汐"],
      ["newborn_social_security_card", "陈若汐"],
      ["maternity_allowance", "陈若汐"],
      ["primary_school_enrolment", "陈小明"],
    ]);
    const school = items.find((i) => i.ruleKey === "primary_school_enrolment");
    expect(school).toMatchObject({
      subjectPersonId: pupil.id,
      forSelf: false,
      reasonKey: "schoolEnrolment",
      reasonParams: { name: "陈小明", year: "2027", sixthBirthday: "2027-03-15", when: "future" },
    });
    expect(school?.serviceCode).toMatch(/^svc_/);
    expect(typeof school?.promisedLimitDays).toBe("number");

    // The father is not insured as an employee mother, so no maternity allowance for him.
    const his = await recommendServicesForResident(db, citizen(father.id), { today: TODAY });
    expect(his.map((i) => i.ruleKey)).not.toContain("maternity_allowance");
    expect(his).toHaveLength(5);
  });

  it("drops what was applied for and services taken out of the catalogue", async () => {
    const db = handle.db;
    const elder = await resident(db, { birthDate: "1944-06-01", employmentStatus: "retired" });
    const before = await recommendServicesForResident(db, citizen(elder.id), { today: TODAY });
    expect(before.map((i) => [i.ruleKey, i.forSelf, i.reasonKey])).toEqual([
      ["elderly_card", true, "elderlyAged"],
      ["high_age_allowance", true, "highAge"],
    ]);
    await applyFor(db, services.elderly_card, elder.id);
    await db.update(servicesTable).set({ active: false }).where(eq(servicesTable.id, services.high_age_allowance));
    expect(await recommendServicesForResident(db, citizen(elder.id), { today: TODAY })).toEqual([]);
    await db.update(servicesTable).set({ active: true }).where(eq(servicesTable.id, services.high_age_allowance));
  });

  it("is for signed-in residents only", async () => {
    const db = handle.db;
    await expect(recommendServicesForResident(db, { ...citizen(null), role: "clerk" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recommendServicesForResident(db, citizen(null))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const someone = await resident(db, { birthDate: "1990-01-01" });
    await expect(recommendServicesForResident(db, citizen(someone.id), { today: "2026-13-01" })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await recommendServicesForResident(db, citizen(someone.id))).toEqual([]);
  });
});
