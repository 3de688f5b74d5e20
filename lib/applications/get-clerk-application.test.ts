import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applications, centreServices, eligibilityChecks, licenceAccessLog, serviceCentres } from "@/db/schema";
import { STANDARD_ELIGIBILITY } from "@/db/seed/catalogue-eligibility";
import { createTestDatabase } from "@/db/testing";
import { issueLicence } from "@/lib/licences/issue-licence";
import { verifyLicence } from "@/lib/licences/verify-licence";
import { attachLibraryMaterial, attachUploadMaterial, clerkActor, createQueuedApplication } from "@/lib/testing/clerk-factories";
import { createDepartment, createLicenceType, createPerson, createService, createStaffUser } from "@/lib/testing/factories";
import { getUploadForViewerOrThrow } from "@/lib/uploads/get-upload-for-viewer";
import { getClerkApplicationOrThrow, MATERIAL_CHECK_PURPOSE } from "./get-clerk-application";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

const NOW = new Date("2026-11-25T03:00:00Z");

async function setup() {
  const dept = await createDepartment(h.db);
  const user = await createStaffUser(h.db, "x", { departmentId: dept.id });
  const actor = clerkActor({ id: user.id, departmentId: dept.id, displayName: "赵窗口" });
  const type = await createLicenceType(h.db, { defaultValidityMonths: null });
  const service = await createService(h.db, dept.id, {
    approvalHints: [{ zh: "核对出生日期", en: "Check the birth date" }],
    formFields: [
      { name: "spouseIdNumber", type: "id_number", labelZh: "配偶身份证号", labelEn: "Spouse ID", required: true },
      { name: "address", type: "text", labelZh: "地址", labelEn: "Address", required: true },
    ],
    issuesLicenceTypeId: type.id,
  });
  const person = await createPerson(h.db);
  const spouse = await createPerson(h.db);
  const licence = await issueLicence(h.db, { typeKey: type.key, holderPersonId: person.id, fields: { 父亲身份证号: spouse.idNumber } });
  const earlier = await createQueuedApplication(h.db, person.id, service.id, { status: "completed" });
  const app = await createQueuedApplication(h.db, person.id, service.id, {
    status: "accepted",
    dueOn: "2026-11-26",
    acceptDueOn: "2026-11-20",
    legalDueOn: "2026-12-20",
    formData: { spouseIdNumber: spouse.idNumber, address: "福田区 1 号" },
  });
  const material = await attachLibraryMaterial(h.db, app, licence);
  const { upload } = await attachUploadMaterial(h.db, app);
  return { dept, actor, service, person, spouse, licence, app, earlier, material, upload };
}

describe("getClerkApplicationOrThrow", () => {
  it("returns the form masked, clock, materials with source, verification history, hints and earlier applications — and logs the licence read", async () => {
    const { actor, service, person, spouse, licence, app, earlier, material, upload } = await setup();
    await verifyLicence(h.db, actor, { applicationId: app.id, materialId: material.id }, NOW);
    await h.db.insert(eligibilityChecks).values({ applicationId: app.id, personId: person.id, criterion: "age_at_least_60", result: "pass", detail: { age: 61 } });

    const before = (await h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.licenceId, licence.id))).length;
    const detail = await getClerkApplicationOrThrow(h.db, actor, app.id, NOW);

    expect(JSON.stringify(detail)).not.toContain(spouse.idNumber);
    expect(JSON.stringify(detail)).not.toContain(person.idNumber);
    expect(detail.form).toEqual([
      { name: "spouseIdNumber", labelZh: "配偶身份证号", labelEn: "Spouse ID", value: `${spouse.idNumber.slice(0, 6)}**********${spouse.idNumber.slice(16)}` },
      { name: "address", labelZh: "地址", labelEn: "Address", value: "福田区 1 号" },
    ]);
    expect(detail.clock).toMatchObject({ light: "yellow", dueOn: "2026-11-26", legalDueOn: "2026-12-20", pausedWorkingDays: 0, deemedAccepted: false });
    expect(detail.service.approvalHints).toEqual(service.approvalHints);
    expect(detail.service.outputLicenceZh).toBeTruthy();
    expect(detail.related.map((r) => r.id)).toEqual([earlier.id]);
    expect(detail.eligibility).toMatchObject([{ criterion: "age_at_least_60", result: "pass", detail: { age: 61 } }]);
    expect(detail.timeline.map((e) => e.to)).toEqual(["submitted"]);

    const lib = detail.materials.find((m) => m.source === "library");
    expect(lib?.licence).toMatchObject({ id: licence.id, status: "valid" });
    expect(lib?.verifiedAt?.toISOString()).toBe(NOW.toISOString());
    expect(lib?.licence?.verifications).toMatchObject([{ method: "signature", result: "valid" }]);
    expect(lib?.licence?.fields[0]?.value).toContain("**********");
    const up = detail.materials.find((m) => m.source === "upload");
    expect(up?.upload).toMatchObject({ id: upload.id, fileName: "证明.pdf" });

    const log = await h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.licenceId, licence.id));
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({ purpose: MATERIAL_CHECK_PURPOSE, applicationId: app.id, actorUserId: actor.id });
  });

  it("checks each condition of the service's rule for the applicant, in words, from today's registers", async () => {
    const dept = await createDepartment(h.db);
    const user = await createStaffUser(h.db, "x", { departmentId: dept.id });
    const actor = clerkActor({ id: user.id, departmentId: dept.id, displayName: "钱窗口" });
    const service = await createService(h.db, dept.id, { eligibility: STANDARD_ELIGIBILITY.elderly_card });
    const elder = await createPerson(h.db, { birthDate: "1966-12-08", hukouDivisionCode: "440303" });
    const app = await createQueuedApplication(h.db, elder.id, service.id, { status: "submitted" });
    const detail = await getClerkApplicationOrThrow(h.db, actor, app.id, NOW);
    expect(detail.criteriaSubjectName).toBe(elder.name);
    // Turning 60 on 8 December, told a month ahead: met; Shenzhen hukou: met; the permit is the other way (any of).
    expect(detail.criteria.map((c) => [c.title.key, c.result, c.detail?.key, c.group !== null])).toEqual([
      ["ageAtLeast.title", "pass", "ageAtLeast.ahead", false],
      ["hukouIn.title", "pass", "hukouIn.yes", true],
      ["holdsLicence.title", "fail", "holdsLicence.no", true],
    ]);
    // A service without a rule has nothing to check.
    const { actor: other, app: plain } = await setup();
    expect((await getClerkApplicationOrThrow(h.db, other, plain.id, NOW)).criteria).toEqual([]);
  });

  it("is NOT_FOUND for a clerk of another department, and that clerk cannot open its uploads either", async () => {
    const { app, upload, licence, actor } = await setup();
    const other = await createDepartment(h.db);
    const stranger = clerkActor({ id: (await createStaffUser(h.db, "x", { departmentId: other.id })).id, departmentId: other.id });
    const logBefore = await h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.licenceId, licence.id));
    await expect(getClerkApplicationOrThrow(h.db, stranger, app.id, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.licenceId, licence.id))).toHaveLength(logBefore.length);
    await expect(getUploadForViewerOrThrow(h.db, stranger, upload.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The clerk whose scope covers the application may preview it.
    expect((await getUploadForViewerOrThrow(h.db, actor, upload.id)).fileName).toBe("证明.pdf");
  });

  it("a comprehensive-window clerk may view the uploads of applications for services their centre covers; a draft is not shown", async () => {
    const { app, upload, service } = await setup();
    const [centre] = await h.db
      .insert(serviceCentres)
      .values({ code: `c-${app.id.slice(0, 8)}`, nameZh: "中心", nameEn: "Centre", addressZh: "址", addressEn: "Addr", divisionCode: "440304", phone: "0755", hoursZh: "9-18", hoursEn: "9-18" })
      .returning();
    await h.db.insert(centreServices).values({ centreId: centre!.id, serviceId: service.id });
    const window = clerkActor({ id: (await createStaffUser(h.db, "x", { centreId: centre!.id })).id, centreId: centre!.id });
    expect((await getUploadForViewerOrThrow(h.db, window, upload.id)).contentType).toBe("application/pdf");
    expect((await getClerkApplicationOrThrow(h.db, window, app.id, NOW)).id).toBe(app.id);

    await h.db.update(applications).set({ status: "draft" }).where(eq(applications.id, app.id));
    await expect(getClerkApplicationOrThrow(h.db, window, app.id, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an upload not attached to any application is never shown to a clerk", async () => {
    const { actor, app } = await setup();
    const { upload } = await attachUploadMaterial(h.db, app, false);
    await expect(getUploadForViewerOrThrow(h.db, actor, upload.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
