import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applications, licenceAccessLog } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listMyLicenceAccess } from "@/lib/licences/list-my-licence-access";
import { clerkActor, createQueuedApplication } from "@/lib/testing/clerk-factories";
import { citizenActor, createCitizenUser, createDepartment, createService, createStaffUser } from "@/lib/testing/factories";
import { getClerkApplicationOrThrow } from "./get-clerk-application";
import { PHONE_REVEAL_PURPOSE, revealApplicantPhone, revealApplicantPhoneSchema } from "./reveal-applicant-phone";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

const NOW = new Date("2026-11-25T03:00:00Z");

/** An application whose applicant's register holds one number and whose form gives another. */
async function setup() {
  const dept = await createDepartment(h.db);
  const clerk = clerkActor({ id: (await createStaffUser(h.db, "x", { departmentId: dept.id })).id, departmentId: dept.id, displayName: "孙窗口" });
  const service = await createService(h.db, dept.id, {
    formFields: [
      { name: "contactPhone", type: "phone", labelZh: "联系电话", labelEn: "Contact phone", required: true },
      { name: "address", type: "text", labelZh: "地址", labelEn: "Address", required: true },
    ],
  });
  const resident = await createCitizenUser(h.db, "Secret2026", { phone: "13812345678" });
  const app = await createQueuedApplication(h.db, resident.person.id, service.id, {
    status: "accepted",
    formData: { contactPhone: "13987654321", address: "南山区 2 号" },
  });
  const reads = () => h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.holderPersonId, resident.person.id));
  return { dept, clerk, resident, app, reads };
}

describe("the applicant's phone on the clerk's application page", () => {
  it("is masked by default, in the header and in the form, and reading it so is not a reveal", async () => {
    const { clerk, app, reads } = await setup();
    const detail = await getClerkApplicationOrThrow(h.db, clerk, app.id, NOW);
    expect(detail.applicant.phoneMasked).toBe("138****5678");
    expect(detail.form).toEqual([
      { name: "contactPhone", labelZh: "联系电话", labelEn: "Contact phone", value: "139****4321", phone: true },
      { name: "address", labelZh: "地址", labelEn: "Address", value: "南山区 2 号" },
    ]);
    const sent = JSON.stringify(detail);
    expect(sent).not.toContain("13812345678");
    expect(sent).not.toContain("13987654321");
    expect(await reads()).toEqual([]);
  });

  it("shows the whole numbers on request and logs one read the applicant sees on their page", async () => {
    const { clerk, dept, resident, app, reads } = await setup();
    const revealed = await revealApplicantPhone(h.db, clerk, revealApplicantPhoneSchema.parse({ applicationId: app.id }));
    expect(revealed).toEqual({ phone: "13812345678", answers: { contactPhone: "13987654321" } });

    const rows = await reads();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      registerField: "phone",
      licenceId: null,
      uploadId: null,
      actorUserId: clerk.id,
      actorDepartmentId: dept.id,
      actorLabel: "孙窗口（窗口人员）",
      purpose: PHONE_REVEAL_PURPOSE,
      applicationId: app.id,
    });
    const mine = await listMyLicenceAccess(h.db, citizenActor(resident), { page: 1 });
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ item: "phone", purpose: PHONE_REVEAL_PURPOSE, applicationNumber: app.number, departmentNameZh: dept.nameZh, licenceNumber: null, fileName: null });
  });

  it("is refused to a clerk out of scope as reading the application is, and logs nothing", async () => {
    const { clerk, app, reads, resident } = await setup();
    const other = await createDepartment(h.db);
    const stranger = clerkActor({ id: (await createStaffUser(h.db, "x", { departmentId: other.id })).id, departmentId: other.id });
    await expect(getClerkApplicationOrThrow(h.db, stranger, app.id, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revealApplicantPhone(h.db, stranger, { applicationId: app.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The applicant is not staff at all.
    await expect(revealApplicantPhone(h.db, citizenActor(resident), { applicationId: app.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A draft is no one's to work, not even the clerk whose scope covers the service.
    await h.db.update(applications).set({ status: "draft" }).where(eq(applications.id, app.id));
    await expect(getClerkApplicationOrThrow(h.db, clerk, app.id, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revealApplicantPhone(h.db, clerk, { applicationId: app.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await reads()).toEqual([]);
  });

  it("refuses a malformed id before it reaches the database", () => {
    expect(revealApplicantPhoneSchema.safeParse({ applicationId: "1 OR 1=1" }).success).toBe(false);
    expect(revealApplicantPhoneSchema.safeParse({}).success).toBe(false);
  });
});
