import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { services as servicesTable } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { createLicence } from "@/lib/testing/factories";
import { recommendServicesForResident } from "./recommend-services-for-resident";
import { applyFor, childOf, resident, setUpCatalogue, type RuleKey } from "./test-setup";

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

  it("recommends the family's services with reasons, youngest child first, in two queries", async () => {
    const db = handle.db;
    const mother = await resident(db, { birthDate: "1990-05-12" });
    const father = await resident(db, { birthDate: "1989-08-03", sex: "male" });
    const baby = await childOf(db, [mother.id, father.id], { birthDate: "2026-11-02", name: "陈若汐" });
    await createLicence(db, { holderPersonId: baby.id, typeKey: "birth_medical_certificate" });
    const pupil = await childOf(db, [mother.id, father.id], { birthDate: "2021-03-15", hukouDivisionCode: "440305", name: "陈小明" });

    // The definitions (one query), then every service's compiled candidates for this applicant
    // in one statement beside the names the reasons use.
    const select = vi.spyOn(db, "select");
    const execute = vi.spyOn(db, "execute");
    const items = await recommendServicesForResident(db, citizen(mother.id), { today: TODAY });
    expect(select).toHaveBeenCalledTimes(1);
    expect(execute).toHaveBeenCalledTimes(2);
    select.mockRestore();
    execute.mockRestore();

    const keyOf = new Map(Object.entries(services).map(([k, id]) => [id, k]));
    const rows = items.map((i) => [keyOf.get(i.serviceId), i.subjectName]);
    expect(rows.slice(0, 5).map((r) => r[1])).toEqual(Array(5).fill("陈若汐"));
    expect(new Set(rows.slice(0, 5).map((r) => r[0]))).toEqual(
      new Set(["newborn_hukou", "newborn_medical_insurance", "vaccination_certificate", "newborn_social_security_card", "maternity_allowance"]),
    );
    expect(rows[5]).toEqual(["primary_school_enrolment", "陈小明"]);
    expect(rows).toHaveLength(6);
    const school = items.find((i) => i.serviceId === services.primary_school_enrolment);
    expect(school).toMatchObject({ subjectPersonId: pupil.id, forSelf: false });
    expect(school?.reason.phrases).toEqual([
      { key: "ageByCutoff.ahead", of: "subject", values: { years: 6, date: "2027-03-15", year: 2027, cutoff: "2000-08-31" } },
      { key: "residesIn.yes", of: "subject", values: { division: { zh: "440300", en: "440300" } } },
    ]);
    expect(school?.reason.benefit?.zh).toContain("学位");
    expect(school?.serviceCode).toMatch(/^svc_/);
    expect(typeof school?.promisedLimitDays).toBe("number");

    // The father is not insured as an employee mother, so no maternity allowance for him.
    const his = await recommendServicesForResident(db, citizen(father.id), { today: TODAY });
    expect(his.map((i) => i.serviceId)).not.toContain(services.maternity_allowance);
    expect(his).toHaveLength(5);
  });

  it("drops what was applied for and services taken out of the catalogue", async () => {
    const db = handle.db;
    const elder = await resident(db, { birthDate: "1944-06-01", employmentStatus: "retired" });
    const before = await recommendServicesForResident(db, citizen(elder.id), { today: TODAY });
    expect(new Set(before.map((i) => i.serviceId))).toEqual(new Set([services.elderly_card, services.high_age_allowance]));
    expect(before.every((i) => i.forSelf && i.reason.phrases[0]?.key === "ageAtLeast.yes")).toBe(true);
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
