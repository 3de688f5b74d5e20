import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { serviceMaterials } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { loadApplicantContext } from "@/lib/applications/applicant-context";
import { resolveMaterials } from "@/lib/applications/resolve-materials";
import { createDepartment, createLicence, createLicenceType, createPerson, createService } from "@/lib/testing/factories";

/** Expiry everywhere: the apply flow's material check never offers an expired licence for attachment. */
let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());

async function serviceNeeding(licenceTypeId: string) {
  const service = await createService(handle.db, (await createDepartment(handle.db)).id);
  await handle.db.insert(serviceMaterials).values({ serviceId: service.id, position: 1, nameZh: "居住证", nameEn: "Permit", kind: "licence", licenceTypeId });
  return service;
}

describe("resolveMaterials and expiry", () => {
  it("does not attach a licence whose last day has passed, even though its status column still says valid", async () => {
    const type = await createLicenceType(handle.db);
    const person = await createPerson(handle.db);
    await createLicence(handle.db, { holderPersonId: person.id, licenceTypeId: type.id, validUntil: "2026-11-21", status: "valid" });
    const service = await serviceNeeding(type.id);
    const ctx = await loadApplicantContext(handle.db, person.id);
    const [check] = await resolveMaterials(handle.db, service.id, ctx, { today: "2026-11-22", completeBy: "2026-12-04" });
    expect(check).toMatchObject({ outcome: "unusable", unusableReason: "expired" });
    // On its last day it is still in force, but ends before the promised completion: renew first.
    const [onLastDay] = await resolveMaterials(handle.db, service.id, ctx, { today: "2026-11-21", completeBy: "2026-12-04" });
    expect(onLastDay).toMatchObject({ outcome: "expiring" });
  });

  it("prefers the renewed licence over the expired one", async () => {
    const type = await createLicenceType(handle.db);
    const person = await createPerson(handle.db);
    await createLicence(handle.db, { holderPersonId: person.id, licenceTypeId: type.id, issuedOn: "2024-01-01", validUntil: "2025-12-31" });
    const renewed = await createLicence(handle.db, { holderPersonId: person.id, licenceTypeId: type.id, issuedOn: "2026-01-01", validUntil: "2027-12-31" });
    const service = await serviceNeeding(type.id);
    const ctx = await loadApplicantContext(handle.db, person.id);
    const [check] = await resolveMaterials(handle.db, service.id, ctx, { today: "2026-11-22", completeBy: "2026-12-04" });
    expect(check).toMatchObject({ outcome: "library", licence: { id: renewed.id } });
  });
});
