import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applicationMaterials, auditLog, licenceAccessLog, licenceVerifications, licences } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { attachLibraryMaterial, clerkActor, createQueuedApplication } from "@/lib/testing/clerk-factories";
import { createDepartment, createLicenceType, createPerson, createService, createStaffUser } from "@/lib/testing/factories";
import { issueLicence } from "./issue-licence";
import { VERIFY_PURPOSE, verifyLicence } from "./verify-licence";

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
  const actor = clerkActor({ id: user.id, departmentId: dept.id, displayName: "王核验" });
  const type = await createLicenceType(h.db, { defaultValidityMonths: null });
  const service = await createService(h.db, dept.id);
  const person = await createPerson(h.db);
  const licence = await issueLicence(h.db, { typeKey: type.key, holderPersonId: person.id, fields: { 姓名: person.name } }, new Date("2026-01-05T02:00:00Z"));
  const app = await createQueuedApplication(h.db, person.id, service.id, { status: "accepted" });
  const material = await attachLibraryMaterial(h.db, app, licence);
  return { actor, user, licence, app, material, person };
}

describe("verifyLicence", () => {
  it("a valid signed licence: records the check, marks the material verified, logs the read and the audit", async () => {
    const { actor, user, licence, app, material, person } = await setup();
    const out = await verifyLicence(h.db, actor, { applicationId: app.id, materialId: material.id }, NOW);
    expect(out.result).toBe("valid");

    const [v] = await h.db.select().from(licenceVerifications).where(eq(licenceVerifications.licenceId, licence.id));
    expect(v).toMatchObject({ method: "signature", result: "valid", applicationId: app.id, verifiedByUserId: user.id });
    expect(v?.verifierLabel).toContain("王核验");
    const [m] = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.id, material.id));
    expect(m?.verifiedAt?.toISOString()).toBe(NOW.toISOString());
    const log = await h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.licenceId, licence.id));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ purpose: VERIFY_PURPOSE, applicationId: app.id, holderPersonId: person.id });
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, licence.id));
    expect(audit.map((a) => a.action)).toEqual(["licence.verify"]);
  });

  it("a row edited behind the library's back fails the signature and is not marked verified", async () => {
    const { actor, licence, app, material } = await setup();
    await h.db.update(licences).set({ fields: { 姓名: "篡改" } }).where(eq(licences.id, licence.id));
    const out = await verifyLicence(h.db, actor, { applicationId: app.id, materialId: material.id }, NOW);
    expect(out.result).toBe("bad_signature");
    const [m] = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.id, material.id));
    expect(m?.verifiedAt).toBeNull();
    const rows = await h.db.select().from(licenceVerifications).where(eq(licenceVerifications.licenceId, licence.id));
    expect(rows.map((r) => r.result)).toEqual(["bad_signature"]);
  });

  it("a revoked licence verifies as revoked", async () => {
    const { actor, licence, app, material } = await setup();
    await h.db.update(licences).set({ status: "revoked" }).where(eq(licences.id, licence.id));
    expect((await verifyLicence(h.db, actor, { applicationId: app.id, materialId: material.id }, NOW)).result).toBe("revoked");
  });

  it("a clerk of another department gets NOT_FOUND and nothing is written", async () => {
    const { licence, app, material } = await setup();
    const otherDept = await createDepartment(h.db);
    const other = clerkActor({ id: (await createStaffUser(h.db, "x", { departmentId: otherDept.id })).id, departmentId: otherDept.id });
    await expect(verifyLicence(h.db, other, { applicationId: app.id, materialId: material.id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await h.db.select().from(licenceVerifications).where(eq(licenceVerifications.licenceId, licence.id))).toEqual([]);
    expect(await h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.licenceId, licence.id))).toEqual([]);
  });
});
