import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { applications, eligibilityChecks, licenceAccessLog, licences, persons, services, type NewPerson } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import { createTestDatabase } from "@/db/testing";
import { createLicence } from "@/lib/testing/factories";
import { applyFor, childOf, resident, setUpCatalogue } from "../test-setup";
import { runEligibilityChecks, runEligibilityChecksForService } from "./run-eligibility-checks";

const TODAY = "2026-11-22";
const SUBMITTED = new Date("2026-11-20T02:00:00Z"); // intake 2027: born on or before 2021-08-31
const NANSHAN = { hukouDivisionCode: "440305", residenceDivisionCode: "440305", residenceSince: "2018-05-20" } as const;
const MIGRANT = { hukouDivisionCode: "430102", residenceDivisionCode: "440306", residenceSince: "2024-03-01" } as const;

let h: DbHandle;
let serviceId: string;
let serviceCode: string;
let otherServiceId: string;

type Family = {
  parent?: Partial<NewPerson>;
  child?: Partial<NewPerson> | null;
  /** How the child is named: the application's subject, or only the ID number typed in the form. */
  childBy?: "subject" | "form";
  status?: ApplicationStatus;
  given?: (parentId: string) => Promise<unknown>;
};

async function family({ parent = NANSHAN, child = {}, childBy = "subject", status = "submitted", given }: Family = {}) {
  const p = await resident(h.db, { birthDate: "1988-02-20", ...parent });
  const c = child === null ? null : await childOf(h.db, [p.id], { birthDate: "2021-03-15", residenceDivisionCode: p.residenceDivisionCode, ...child });
  await given?.(p.id);
  const app = await applyFor(h.db, serviceId, p.id, { subject: childBy === "subject" ? (c?.id ?? null) : null, status });
  await h.db
    .update(applications)
    .set({ submittedAt: SUBMITTED, formData: childBy === "form" && c ? { childIdNumber: c.idNumber } : {} })
    .where(eq(applications.id, app.id));
  return { parentId: p.id, childId: c?.id ?? null, applicationId: app.id };
}

async function resultsOf(applicationId: string) {
  const rows = await h.db.select().from(eligibilityChecks).where(eq(eligibilityChecks.applicationId, applicationId));
  return Object.fromEntries(rows.map((r) => [r.criterion, { result: r.result, ...r.detail }]));
}

async function insuranceRecord(holderPersonId: string, months: number, validUntil: string | null = "2027-01-31") {
  const l = await createLicence(h.db, { holderPersonId, typeKey: "social_insurance_record", issuedOn: "2026-11-01", validUntil });
  await h.db.update(licences).set({ fields: { contributionMonths: String(months) } }).where(eq(licences.id, l.id));
  return l;
}

beforeAll(async () => {
  h = await createTestDatabase();
  const svc = await setUpCatalogue(h.db);
  serviceId = svc.primary_school_enrolment;
  otherServiceId = svc.elderly_card;
  const [row] = await h.db.select({ code: services.code }).from(services).where(eq(services.id, serviceId));
  serviceCode = row!.code;
});
afterAll(async () => {
  await h.close();
});

describe("automatic eligibility checks: primary school enrolment", () => {
  it("passes a Nanshan hukou family whose child is 6 by 31 August", async () => {
    const { applicationId } = await family();
    expect(await runEligibilityChecks(h.db, applicationId, { today: TODAY })).toMatchObject({ applications: 1, rows: 5, licenceReads: 0 });
    expect(await resultsOf(applicationId)).toMatchObject({
      child_age: { result: "pass", intakeYear: 2027, latestBirthDate: "2021-08-31", birthDate: "2021-03-15", sixthBirthday: "2027-03-15" },
      child_of_applicant: { result: "pass" },
      residence_in_district: { result: "pass", district: "440305", since: "2018-05-20", months: 102, requiredMonths: 12 },
      hukou_or_residence_permit: { result: "pass", basis: "hukou", licenceId: null },
      social_insurance_months: { result: "pass", required: false },
    });
  });

  it("fails a child born on 1 September, passes one born on 31 August", async () => {
    const late = await family({ child: { birthDate: "2021-09-01" } });
    const onTime = await family({ child: { birthDate: "2021-08-31" } });
    await runEligibilityChecks(h.db, late.applicationId, { today: TODAY });
    await runEligibilityChecks(h.db, onTime.applicationId, { today: TODAY });
    expect((await resultsOf(late.applicationId)).child_age?.result).toBe("fail");
    expect((await resultsOf(onTime.applicationId)).child_age?.result).toBe("pass");
  });

  it("passes a migrant with a valid residence permit and a year of insurance in the library, and logs the reads", async () => {
    let permitId = "";
    const { applicationId, parentId } = await family({
      parent: { ...MIGRANT, insuranceStatus: "employee", insuranceMonths: 3 },
      given: async (id) => {
        permitId = (await createLicence(h.db, { holderPersonId: id, typeKey: "residence_permit", validUntil: "2027-03-01" })).id;
        await insuranceRecord(id, 30);
      },
    });
    expect(await runEligibilityChecks(h.db, applicationId, { today: TODAY })).toMatchObject({ licenceReads: 2 });
    expect(await resultsOf(applicationId)).toMatchObject({
      residence_in_district: { result: "pass", months: 32 },
      hukou_or_residence_permit: { result: "pass", basis: "residence_permit", licenceId: permitId, validUntil: "2027-03-01" },
      social_insurance_months: { result: "pass", required: true, months: 30, source: "library" },
    });
    const reads = await h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.holderPersonId, parentId));
    expect(reads.map((r) => r.purpose)).toEqual(["办件资格自动比对", "办件资格自动比对"]);
  });

  it("fails a migrant without a permit (an expired one does not count) and short insurance from the register", async () => {
    const { applicationId } = await family({
      parent: { ...MIGRANT, insuranceStatus: "employee", insuranceMonths: 6 },
      given: (id) => createLicence(h.db, { holderPersonId: id, typeKey: "residence_permit", validUntil: "2026-11-21" }),
    });
    await runEligibilityChecks(h.db, applicationId, { today: TODAY });
    expect(await resultsOf(applicationId)).toMatchObject({
      hukou_or_residence_permit: { result: "fail", basis: "none", hukouDivision: "430102" },
      social_insurance_months: { result: "fail", months: 6, source: "register" },
    });
  });

  it("cannot tell without insurance data, nor without the child", async () => {
    const uninsured = await family({ parent: { ...MIGRANT, insuranceStatus: "none", insuranceMonths: 0 } });
    const noChild = await family({ child: null });
    await runEligibilityChecks(h.db, uninsured.applicationId, { today: TODAY });
    await runEligibilityChecks(h.db, noChild.applicationId, { today: TODAY });
    expect((await resultsOf(uninsured.applicationId)).social_insurance_months).toMatchObject({ result: "unknown", months: null });
    expect(await resultsOf(noChild.applicationId)).toMatchObject({
      child_age: { result: "unknown" },
      child_of_applicant: { result: "unknown" },
      residence_in_district: { result: "unknown" },
      hukou_or_residence_permit: { result: "pass" },
    });
  });

  it("finds the child by the ID number typed in the form, and fails a short residence or a child living elsewhere", async () => {
    const byForm = await family({ childBy: "form" });
    const recent = await family({ parent: { ...NANSHAN, residenceSince: "2026-01-01" } });
    const apart = await family({ child: { residenceDivisionCode: "440304" } });
    for (const f of [byForm, recent, apart]) await runEligibilityChecks(h.db, f.applicationId, { today: TODAY });
    expect((await resultsOf(byForm.applicationId)).child_age?.result).toBe("pass");
    expect((await resultsOf(recent.applicationId)).residence_in_district).toMatchObject({ result: "fail", months: 10 });
    expect((await resultsOf(apart.applicationId)).residence_in_district).toMatchObject({ result: "fail", childDistrict: "440304" });
  });

  it("replaces the rows when run again on changed data", async () => {
    const { applicationId, parentId } = await family({ parent: { ...MIGRANT, insuranceMonths: 6 } });
    await runEligibilityChecks(h.db, applicationId, { today: TODAY });
    expect((await resultsOf(applicationId)).social_insurance_months?.result).toBe("fail");
    await h.db.update(persons).set({ insuranceMonths: 14 }).where(eq(persons.id, parentId));
    await runEligibilityChecks(h.db, applicationId, { today: TODAY });
    const rows = await h.db.select().from(eligibilityChecks).where(eq(eligibilityChecks.applicationId, applicationId));
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.criterion === "social_insurance_months")?.result).toBe("pass");
  });

  it("is a no-op for a service without checks", async () => {
    const p = await resident(h.db);
    const app = await applyFor(h.db, otherServiceId, p.id);
    expect(await runEligibilityChecks(h.db, app.id, { today: TODAY })).toEqual({ applications: 0, rows: 0, licenceReads: 0 });
  });

  it("set-wise gives exactly the rows the per-application run gives, for pending applications only", async () => {
    const pending = await Promise.all([
      family({ parent: { ...MIGRANT, insuranceMonths: 40 }, given: (id) => insuranceRecord(id, 8) }),
      family({ status: "accepted", child: { birthDate: "2022-01-01" } }),
      family({ status: "supplement_requested", childBy: "form" }),
      family({ child: null }),
    ]);
    const settled = await Promise.all([family({ status: "completed" }), family({ status: "draft" }), family({ status: "withdrawn" })]);
    const ids = pending.map((f) => f.applicationId);
    const snapshot = async () =>
      rowsOf<Record<string, unknown>>(
        await h.db.execute(sql`SELECT application_id, person_id, criterion, result, detail::text AS detail
          FROM eligibility_checks WHERE application_id IN (${sql.join([...ids, ...settled.map((f) => f.applicationId)].map((i) => sql`${i}::uuid`), sql`, `)})
          ORDER BY application_id, criterion`),
      );
    for (const id of ids) await runEligibilityChecks(h.db, id, { today: TODAY });
    const one = await snapshot();
    await h.db.delete(eligibilityChecks).where(inArray(eligibilityChecks.applicationId, ids));
    expect(await snapshot()).toEqual([]);
    const run = await runEligibilityChecksForService(h.db, serviceCode, { today: TODAY });
    expect(run.applications).toBeGreaterThanOrEqual(pending.length);
    expect(run.rows).toBe(run.applications * 5);
    expect(await snapshot()).toEqual(one);
    expect(one).toHaveLength(pending.length * 5);
  });

  it("refuses an unknown application or service", async () => {
    await expect(runEligibilityChecks(h.db, "00000000-0000-4000-8000-000000000000", { today: TODAY })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(runEligibilityChecksForService(h.db, "no_such_service", { today: TODAY })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
