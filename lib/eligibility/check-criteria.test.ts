import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { STANDARD_ELIGIBILITY } from "@/db/seed/catalogue-eligibility";
import { createTestDatabase } from "@/db/testing";
import { createLicence, createPerson } from "@/lib/testing/factories";
import { checkCriteria } from "./check-criteria";
import { setUpCatalogue } from "./test-setup";

const TODAY = "2026-11-22";
let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await setUpCatalogue(h.db);
});
afterAll(async () => {
  await h.close();
});

const summary = (checks: Awaited<ReturnType<typeof checkCriteria>>) => checks.map((c) => [c.title.key, c.result, c.detail?.key ?? null, c.group !== null, c.negated]);

describe("the clerk's per-criterion check of a service's rule", () => {
  it("names each condition of 老年人优待证 with its result and what the register says, the any-group marked", async () => {
    const migrant = await createPerson(h.db, { birthDate: "1967-01-30", hukouDivisionCode: "430102", residenceDivisionCode: "440306" });
    await createLicence(h.db, { holderPersonId: migrant.id, typeKey: "residence_permit", validUntil: "2027-06-30" });
    const checks = await checkCriteria(h.db, STANDARD_ELIGIBILITY.elderly_card, { today: TODAY, applicantId: migrant.id, subjectId: null });
    expect(summary(checks)).toEqual([
      ["ageAtLeast.title", "fail", "ageAtLeast.no", false, false],
      ["hukouIn.title", "fail", "hukouIn.no", true, false],
      ["holdsLicence.title", "pass", "holdsLicence.yes", true, false],
    ]);
    expect(checks[0]?.title.values).toEqual({ years: 60 });

    const elder = await createPerson(h.db, { birthDate: "1966-11-22", hukouDivisionCode: "440303" });
    const ok = await checkCriteria(h.db, STANDARD_ELIGIBILITY.elderly_card, { today: TODAY, applicantId: elder.id, subjectId: null });
    expect(ok.map((c) => c.result)).toEqual(["pass", "pass", "fail"]);
    expect(ok[0]?.detail).toMatchObject({ key: "ageAtLeast.yes", values: { years: 60, date: "2026-11-22" } });
  });

  it("checks a negated condition as written: a Shenzhen hukou fails the residence permit's 'hukou not in Shenzhen'", async () => {
    const local = await createPerson(h.db, { birthDate: "1990-05-01", hukouDivisionCode: "440305", residenceDivisionCode: "440305", residenceSince: "2020-01-01" });
    const checks = await checkCriteria(h.db, STANDARD_ELIGIBILITY.residence_permit, { today: TODAY, applicantId: local.id, subjectId: null });
    const hukou = checks.find((c) => c.title.key === "hukouIn.title");
    expect(hukou).toMatchObject({ negated: true, result: "fail", detail: { key: "hukouIn.yes" } });
    expect(checks.filter((c) => c.result === "pass").map((c) => c.title.key)).toEqual(["hukouRegistered.title", "residesIn.title", "residentFor.title", "ageAtLeast.title"]);
  });

  it("checks a child's rule against the child and the parent who filed, and nothing without a child", async () => {
    const parent = await createPerson(h.db, { birthDate: "1988-02-20", hukouDivisionCode: "440305" });
    const child = await createPerson(h.db, { birthDate: "2020-10-01", hukouDivisionCode: "440305" });
    const checks = await checkCriteria(h.db, STANDARD_ELIGIBILITY.primary_school_enrolment, { today: TODAY, applicantId: parent.id, subjectId: child.id });
    expect(checks.length).toBeGreaterThan(0);
    expect(checks[0]).toMatchObject({ title: { key: "ageByCutoff.title", of: "subject" }, result: "pass" });
    expect(await checkCriteria(h.db, STANDARD_ELIGIBILITY.primary_school_enrolment, { today: TODAY, applicantId: parent.id, subjectId: null })).toEqual([]);
  });
});
