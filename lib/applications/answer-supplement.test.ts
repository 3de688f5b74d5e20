import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applicationEvents, applicationMaterials, applications, auditLog, licences, notifications, serviceMaterials } from "@/db/schema";
import { seedCatalogue } from "@/db/seed/catalogue";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { createLicence } from "@/lib/testing/factories";
import { createBackOfficeActor, createClerkActor, createNewbornFamily, NEWBORN_HUKOU_ANSWERS } from "@/lib/testing/processing-factories";
import { storeUpload } from "@/lib/uploads/store-upload";
import { answerSupplement, getMySupplementRequest } from "./answer-supplement";
import { processApplication } from "./process-application";
import { submitApplication } from "./submit-application";

let h: DbHandle;
let psb: Actor;
let psbApprover: Actor;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedCatalogue(h.db);
  psb = await createClerkActor(h.db, { department: "psb" });
  psbApprover = await createBackOfficeActor(h.db, "approver", "psb");
});
afterAll(async () => {
  await h.close();
});

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour - 8).padStart(2, "0")}:00:00Z`);
const pdf = (name: string) => ({ fileName: `${name}.pdf`, bytes: Buffer.from(`%PDF-1.4 ${name} ${crypto.randomUUID()}`) });

/** A newborn registration filed Monday 23 Nov; the clerk names the birth certificate and the spouse's ID card. */
async function withSupplement({ acceptFirst }: { acceptFirst: boolean }) {
  const family = await createNewbornFamily(h.db);
  const filed = await submitApplication(
    h.db,
    family.actor,
    { serviceCode: "newborn_hukou", subjectPersonId: family.baby.id, idempotencyKey: crypto.randomUUID(), answers: NEWBORN_HUKOU_ANSWERS, consent: true },
    at("2026-11-23"),
  );
  let version = 1;
  if (acceptFirst) version = (await processApplication(h.db, psb, { action: "accept", applicationId: filed.id, version }, at("2026-11-24"))).version;
  const materials = await h.db
    .select({ id: applicationMaterials.id, position: serviceMaterials.position, source: applicationMaterials.source })
    .from(applicationMaterials)
    .innerJoin(serviceMaterials, eq(serviceMaterials.id, applicationMaterials.serviceMaterialId))
    .where(eq(applicationMaterials.applicationId, filed.id))
    .orderBy(asc(serviceMaterials.position));
  const [birth, , spouseId, , marriage] = materials;
  const reason = "出生医学证明与配偶身份证需重新提供";
  version = (
    await processApplication(
      h.db,
      // Accepted, it is at the decision step: the approver asks; before acceptance the window does.
      acceptFirst ? psbApprover : psb,
      { action: "requestSupplement", applicationId: filed.id, version, materialIds: [birth!.id, spouseId!.id], reason },
      at("2026-11-25"),
    )
  ).version;
  return { ...family, applicationId: filed.id, version, birth: birth!, spouseId: spouseId!, marriage: marriage!, reason };
}

describe("getMySupplementRequest", () => {
  it("shows the reason and exactly the named materials; nothing when none is outstanding; NOT_FOUND for others", async () => {
    const s = await withSupplement({ acceptFirst: true });
    const request = await getMySupplementRequest(h.db, s.actor, s.applicationId, at("2026-11-26"));
    expect(request).toMatchObject({ version: s.version, reason: s.reason });
    expect(request?.materials.map((m) => m.id)).toEqual([s.birth.id, s.spouseId.id]);
    // Both are still valid in the library: the answer may re-take them from there, or upload files.
    expect(request?.materials.every((m) => m.library !== null)).toBe(true);

    const other = await createNewbornFamily(h.db);
    await expect(getMySupplementRequest(h.db, other.actor, s.applicationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("answerSupplement", () => {
  it("after acceptance: uploads replace the named materials, the clock resumes later by the paused working days, status back to accepted", async () => {
    const s = await withSupplement({ acceptFirst: true });
    const before = (await h.db.select().from(applications).where(eq(applications.id, s.applicationId)))[0]!;
    expect(before).toMatchObject({ dueOn: "2026-11-27", legalDueOn: "2026-12-22" });
    const [u1, u2] = [await storeUpload(h.db, s.actor, pdf("birth")), await storeUpload(h.db, s.actor, pdf("id"))];
    // Answered Tuesday 1 Dec: 26, 27, 30 Nov and 1 Dec = 4 working days paused.
    const result = await answerSupplement(
      h.db,
      s.actor,
      { applicationId: s.applicationId, version: s.version, uploads: { [s.birth.id]: u1.id, [s.spouseId.id]: u2.id } },
      at("2026-12-01"),
    );
    expect(result).toMatchObject({ status: "accepted", replayed: false, version: s.version + 1 });
    const row = (await h.db.select().from(applications).where(eq(applications.id, s.applicationId)))[0]!;
    expect(row).toMatchObject({ status: "accepted", clockPausedAt: null, pausedWorkingDays: 4, dueOn: "2026-12-03", legalDueOn: "2026-12-28" });
    const mats = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, s.applicationId));
    expect(mats.filter((m) => m.supplementRequested)).toHaveLength(0);
    expect(mats.find((m) => m.id === s.birth.id)).toMatchObject({ source: "upload", uploadId: u1.id, licenceId: null });
    const [event] = await h.db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, s.applicationId), eq(applicationEvents.fromStatus, "supplement_requested")));
    expect(event).toMatchObject({ toStatus: "accepted", actorRole: "citizen", data: { pausedWorkingDays: 4, dueOn: "2026-12-03", legalDueOn: "2026-12-28" } });
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, s.applicationId), eq(auditLog.action, "application.resubmit")))).toHaveLength(1);
    const notices = await h.db.select().from(notifications).where(and(eq(notifications.applicationId, s.applicationId), eq(notifications.messageKey, "applicationResubmitted")));
    expect(notices[0]?.params).toMatchObject({ dueOn: "2026-12-03" });
    expect(await getMySupplementRequest(h.db, s.actor, s.applicationId)).toBeNull();

    // A double click: the same answer again returns the first result and writes nothing.
    const again = await answerSupplement(h.db, s.actor, { applicationId: s.applicationId, version: s.version, uploads: { [s.birth.id]: u1.id, [s.spouseId.id]: u2.id } }, at("2026-12-01"));
    expect(again).toMatchObject({ replayed: true, version: s.version + 1 });
    expect(await h.db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, s.applicationId), eq(applicationEvents.fromStatus, "supplement_requested")))).toHaveLength(1);
  });

  it("before acceptance: the answer is a fresh receipt with a new completeness deadline", async () => {
    const s = await withSupplement({ acceptFirst: false });
    const [u1, u2] = [await storeUpload(h.db, s.actor, pdf("b")), await storeUpload(h.db, s.actor, pdf("i"))];
    const result = await answerSupplement(h.db, s.actor, { applicationId: s.applicationId, version: s.version, uploads: { [s.birth.id]: u1.id, [s.spouseId.id]: u2.id } }, at("2026-12-01"));
    expect(result.status).toBe("submitted");
    const row = (await h.db.select().from(applications).where(eq(applications.id, s.applicationId)))[0]!;
    expect(row.receivedAt?.toISOString()).toBe(at("2026-12-01").toISOString());
    expect(row).toMatchObject({ acceptDueOn: "2026-12-08", dueOn: "2026-12-04", pausedWorkingDays: 0 });
  });

  it("answers from the library alone when it holds a valid licence for every named material", async () => {
    const s = await withSupplement({ acceptFirst: true });
    const result = await answerSupplement(h.db, s.actor, { applicationId: s.applicationId, version: s.version, uploads: {} }, at("2026-11-26"));
    expect(result.status).toBe("accepted");
    const mats = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, s.applicationId));
    expect(mats.find((m) => m.id === s.birth.id)).toMatchObject({ source: "library", supplementRequested: false, verifiedAt: null });
  });

  it("takes a named material from the library when it now holds a new valid licence", async () => {
    const s = await withSupplement({ acceptFirst: true });
    const renewed = await createLicence(h.db, { holderPersonId: s.father.id, typeKey: "resident_id_card", issuedOn: "2026-11-26", validUntil: "2046-11-26" });
    const request = await getMySupplementRequest(h.db, s.actor, s.applicationId, at("2026-11-27"));
    expect(request?.materials.find((m) => m.id === s.spouseId.id)?.library).not.toBeNull();
    const u1 = await storeUpload(h.db, s.actor, pdf("birth2"));
    await answerSupplement(h.db, s.actor, { applicationId: s.applicationId, version: s.version, uploads: { [s.birth.id]: u1.id } }, at("2026-11-27"));
    const [spouse] = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.id, s.spouseId.id));
    expect(spouse).toMatchObject({ source: "library", licenceId: renewed.id, uploadId: null });
    expect((await h.db.select().from(licences).where(eq(licences.id, renewed.id)))[0]?.status).toBe("valid");
  });

  it("refuses a material the clerk did not name, and an answer that leaves out one the library cannot supply", async () => {
    const s = await withSupplement({ acceptFirst: true });
    // The father's ID card is no longer valid in the library: only a file can answer for it now.
    await h.db.update(licences).set({ status: "revoked", statusReason: "挂失" }).where(eq(licences.holderPersonId, s.father.id));
    const [u1, u2] = [await storeUpload(h.db, s.actor, pdf("x")), await storeUpload(h.db, s.actor, pdf("y"))];
    await expect(
      answerSupplement(h.db, s.actor, { applicationId: s.applicationId, version: s.version, uploads: { [s.birth.id]: u1.id, [s.marriage.id]: u2.id } }, at("2026-11-27")),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "errors.process.supplementUnexpected" });
    await expect(
      answerSupplement(h.db, s.actor, { applicationId: s.applicationId, version: s.version, uploads: { [s.birth.id]: u1.id } }, at("2026-11-27")),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "errors.process.supplementIncomplete", fieldErrors: { [`uploads.${s.spouseId.id}`]: "validation.required" } });
    // Nothing changed: still waiting, the files still unclaimed.
    expect((await h.db.select().from(applications).where(eq(applications.id, s.applicationId)))[0]?.status).toBe("supplement_requested");
  });

  it("another resident gets NOT_FOUND; an answer to an application not awaiting one is a CONFLICT", async () => {
    const s = await withSupplement({ acceptFirst: true });
    const other = await createNewbornFamily(h.db);
    await expect(answerSupplement(h.db, other.actor, { applicationId: s.applicationId, version: s.version, uploads: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await processApplication(h.db, psbApprover, { action: "refuse", applicationId: s.applicationId, version: s.version, reason: "逾期未补正" }, at("2026-12-10"));
    await expect(answerSupplement(h.db, s.actor, { applicationId: s.applicationId, version: s.version + 1, uploads: {} })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.process.notAwaitingSupplement",
    });
  });
});
