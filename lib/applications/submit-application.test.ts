import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applicationEvents, applicationMaterials, applications, auditLog, familyRelations, licenceAccessLog, notifications, uploads, users } from "@/db/schema";
import { centreId, seedCatalogue } from "@/db/seed/catalogue";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createCitizenUser, createLicence, createPerson } from "@/lib/testing/factories";
import { createClerkActor } from "@/lib/testing/processing-factories";
import { storeUpload } from "@/lib/uploads/store-upload";
import { getMyApplicationOrThrow } from "./get-my-application";
import { prepareApplication } from "./prepare-application";
import { submitApplication } from "./submit-application";
import { withdrawApplication } from "./withdraw-application";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedCatalogue(h.db);
});
afterAll(async () => {
  await h.close();
});

const NOW = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in China

/** A Shenzhen family with a newborn: the mother applies; the father's ID card has expired. */
async function newbornFamily() {
  const { person: mother, user } = await createCitizenUser(h.db, "Secret2026", { sex: "female", maritalStatus: "married" });
  const father = await createPerson(h.db, { sex: "male", maritalStatus: "married" });
  const baby = await createPerson(h.db, { birthDate: "2026-11-01", hukouDivisionCode: null, hukouAddress: null, employmentStatus: "child", insuranceStatus: "none", insuranceMonths: 0 });
  await h.db.insert(familyRelations).values([
    { personId: mother.id, relativeId: father.id, relation: "spouse" },
    { personId: father.id, relativeId: mother.id, relation: "spouse" },
    { personId: mother.id, relativeId: baby.id, relation: "child" },
    { personId: baby.id, relativeId: mother.id, relation: "parent" },
  ]);
  for (const typeKey of ["resident_id_card", "household_register", "marriage_certificate"]) {
    await createLicence(h.db, { holderPersonId: mother.id, typeKey, validUntil: "2035-01-01" });
  }
  await createLicence(h.db, { holderPersonId: father.id, typeKey: "resident_id_card", validUntil: "2026-11-01" });
  await createLicence(h.db, { holderPersonId: baby.id, typeKey: "birth_medical_certificate", validUntil: null });
  const actor: Actor = { id: user.id, role: "citizen", displayName: mother.name, personId: mother.id, departmentId: null, centreId: null };
  return { mother, father, baby, actor };
}

const answers = { applicantPhone: "13912345678", ethnicity: "汉族", relationToHead: "daughter" };

describe("filing an application online", () => {
  it("checks each material against the library: valid ones attached, an expired one never", async () => {
    const { actor } = await newbornFamily();
    const page = await prepareApplication(h.db, actor, { serviceCode: "newborn_hukou", now: NOW });
    expect(page.subjectId).not.toBeNull();
    expect(page.materials.map((m) => [m.subject, m.outcome])).toEqual([
      ["child", "library"],
      ["applicant", "library"],
      ["spouse", "unusable"],
      ["applicant", "library"],
      ["applicant", "library"],
      ["applicant", "form"],
    ]);
    expect(page.materials[2]?.unusableReason).toBe("expired");
    // Register values are shown masked and locked; the phone stays editable.
    const id = page.prefilled.find((p) => p.name === "applicantIdNumber");
    expect(id?.display).toMatch(/^\d{6}\*{10}[\dX]{2}$/);
    expect(id?.locked).toBe(true);
    expect(page.prefilled.find((p) => p.name === "applicantPhone")?.locked).toBe(false);
  });

  it("files once per idempotency key, takes register values from the register, and records everything", async () => {
    const { actor, mother, baby } = await newbornFamily();
    const input = { serviceCode: "newborn_hukou", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true as const };
    const [first, second] = [await submitApplication(h.db, actor, input, NOW), await submitApplication(h.db, actor, input, NOW)];
    expect(second).toMatchObject({ id: first.id, number: first.number, replayed: true });
    expect(first).toMatchObject({ replayed: false, materialsTotal: 6, materialsFromLibrary: 4, completeBy: "2026-11-26" });
    expect(first.number).toMatch(/^SZ20261123\d{8}$/);

    const rows = await h.db.select().from(applications).where(eq(applications.applicantPersonId, mother.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "submitted", channel: "online", subjectPersonId: baby.id });
    expect(rows[0]?.formData).toMatchObject({ applicantIdNumber: mother.idNumber, childName: baby.name, ethnicity: "汉族" });
    const materials = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, first.id));
    expect(materials.filter((m) => m.source === "library").every((m) => m.licenceId !== null)).toBe(true);
    expect(await h.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, first.id))).toHaveLength(1);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.entityId, first.id))).toHaveLength(1);
    expect(await h.db.select().from(notifications).where(eq(notifications.applicationId, first.id))).toHaveLength(1);
  });

  it("files one application when the same request arrives twice at once", async () => {
    const { actor, mother } = await newbornFamily();
    const input = { serviceCode: "newborn_hukou", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true as const };
    const results = await Promise.all([submitApplication(h.db, actor, input, NOW), submitApplication(h.db, actor, input, NOW)]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await h.db.select().from(applications).where(eq(applications.applicantPersonId, mother.id))).toHaveLength(1);
  });

  it("refuses a missing answer, and a register field sent from the browser, naming the field", async () => {
    const { actor } = await newbornFamily();
    const base = { serviceCode: "newborn_hukou", subjectPersonId: null, consent: true as const };
    const missing = await submitApplication(h.db, actor, { ...base, idempotencyKey: crypto.randomUUID(), answers: { ...answers, ethnicity: "" } }, NOW).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AppError);
    expect((missing as AppError).fieldErrors).toEqual({ "answers.ethnicity": "validation.answers.required" });
    const forged = await submitApplication(h.db, actor, { ...base, idempotencyKey: crypto.randomUUID(), answers: { ...answers, applicantName: "别人" } }, NOW).catch((e: unknown) => e);
    expect((forged as AppError).code).toBe("VALIDATION");
  });

  it("refuses a subject who is not the applicant's child, and hides one resident's application from another", async () => {
    const { actor } = await newbornFamily();
    const other = await newbornFamily();
    await expect(prepareApplication(h.db, actor, { serviceCode: "newborn_hukou", subjectPersonId: other.baby.id, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const filed = await submitApplication(h.db, other.actor, { serviceCode: "newborn_hukou", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true }, NOW);
    await expect(getMyApplicationOrThrow(h.db, actor, filed.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getMyApplicationOrThrow(h.db, other.actor, filed.id)).timeline.map((e) => e.status)).toEqual(["submitted"]);
  });

  it("attaches an upload for the father's expired ID card, and ignores one for a library material", async () => {
    const { actor } = await newbornFamily();
    const page = await prepareApplication(h.db, actor, { serviceCode: "newborn_hukou", now: NOW });
    const fatherId = page.materials[2];
    const libraryMaterial = page.materials[0];
    if (!fatherId || !libraryMaterial) throw new Error("materials missing");
    const scan = await storeUpload(h.db, actor, { fileName: "父亲身份证.pdf", bytes: Buffer.from("%PDF-1.4 scan") });
    const spare = await storeUpload(h.db, actor, { fileName: "spare.pdf", bytes: Buffer.from("%PDF-1.4 spare") });
    const filed = await submitApplication(
      h.db,
      actor,
      { serviceCode: "newborn_hukou", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true, uploads: { [fatherId.materialId]: scan.id, [libraryMaterial.materialId]: spare.id } },
      NOW,
    );
    expect(filed).toMatchObject({ materialsTotal: 6, materialsFromLibrary: 4, materialsUploaded: 1 });
    const materials = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, filed.id));
    expect(materials.find((m) => m.serviceMaterialId === fatherId.materialId)).toMatchObject({ source: "upload", uploadId: scan.id });
    expect(materials.find((m) => m.serviceMaterialId === libraryMaterial.materialId)).toMatchObject({ source: "library", uploadId: null });
    const [claimed] = await h.db.select().from(uploads).where(eq(uploads.id, scan.id));
    expect(claimed?.applicationId).toBe(filed.id);
    const [unclaimed] = await h.db.select().from(uploads).where(eq(uploads.id, spare.id));
    expect(unclaimed?.applicationId).toBeNull();
    const detail = await getMyApplicationOrThrow(h.db, actor, filed.id);
    expect(detail.materials.filter((m) => m.source === "upload").map((m) => m.upload)).toEqual([{ id: scan.id, fileName: "父亲身份证.pdf" }]);

    // Attached once, it cannot be attached to a second application, even after the first is withdrawn.
    await withdrawApplication(h.db, actor, { applicationId: filed.id, reason: "重新申请" }, NOW);
    const again = { serviceCode: "newborn_hukou", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true as const, uploads: { [fatherId.materialId]: scan.id } };
    await expect(submitApplication(h.db, actor, again, NOW)).rejects.toMatchObject({ code: "VALIDATION", messageKey: "errors.uploads.notYours" });
  });

  it("refuses someone else's upload and files nothing", async () => {
    const { actor, mother } = await newbornFamily();
    const other = await newbornFamily();
    const page = await prepareApplication(h.db, actor, { serviceCode: "newborn_hukou", now: NOW });
    const fatherId = page.materials[2];
    if (!fatherId) throw new Error("materials missing");
    const theirs = await storeUpload(h.db, other.actor, { fileName: "theirs.pdf", bytes: Buffer.from("%PDF-1.4 theirs") });
    const input = { serviceCode: "newborn_hukou", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true as const, uploads: { [fatherId.materialId]: theirs.id } };
    await expect(submitApplication(h.db, actor, input, NOW)).rejects.toMatchObject({ code: "VALIDATION", messageKey: "errors.uploads.notYours" });
    expect(await h.db.select().from(applications).where(eq(applications.applicantPersonId, mother.id))).toHaveLength(0);
    const [row] = await h.db.select().from(uploads).where(eq(uploads.id, theirs.id));
    expect(row?.applicationId).toBeNull();
  });
});

/** A signed-in account for a person the register already holds (the newborn's father). */
async function citizenActorFor(person: { id: string; name: string }): Promise<Actor> {
  const [user] = await h.db.insert(users).values({ role: "citizen", personId: person.id, displayName: person.name, passwordHash: "unused" }).returning();
  if (!user) throw new Error("user not created");
  return { id: user.id, role: "citizen", displayName: person.name, personId: person.id, departmentId: null, centreId: null };
}

describe("one application in progress per service and person", () => {
  const file = (actor: Actor, extra: Partial<Parameters<typeof submitApplication>[2]> = {}) =>
    submitApplication(h.db, actor, { serviceCode: "newborn_hukou", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true, ...extra }, NOW);

  it("refuses a second filing for the same child, by the same parent or the other, shows it on the apply page, and allows it again once withdrawn", async () => {
    const { actor, mother, father, baby } = await newbornFamily();
    const first = await file(actor);
    // A retry of the first submit still replays.
    expect(await file(actor, { idempotencyKey: (await h.db.select().from(applications).where(eq(applications.id, first.id)))[0]?.idempotencyKey ?? "" })).toMatchObject({
      id: first.id,
      replayed: true,
    });
    await expect(file(actor)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.apply.alreadyOpenMine", params: { number: first.number } });
    const page = await prepareApplication(h.db, actor, { serviceCode: "newborn_hukou", now: NOW });
    expect(page.openApplication).toMatchObject({ id: first.id, number: first.number, mine: true });

    // The father, filing for the same baby, is told his wife has.
    const fatherActor = await citizenActorFor(father);
    await h.db.insert(familyRelations).values([
      { personId: father.id, relativeId: baby.id, relation: "child" },
      { personId: baby.id, relativeId: father.id, relation: "parent" },
    ]);
    await expect(file(fatherActor)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.apply.alreadyOpenFamily", params: { number: first.number, name: mother.name } });
    expect((await prepareApplication(h.db, fatherActor, { serviceCode: "newborn_hukou", now: NOW })).openApplication).toMatchObject({ number: first.number, mine: false });
    // A counter clerk filing for the walk-in father is refused the same way.
    const clerk = await createClerkActor(h.db, { department: "psb", centreId: centreId("futian") });
    await expect(submitApplication(h.db, clerk, { serviceCode: "newborn_hukou", subjectPersonId: baby.id, applicantPersonId: father.id, idempotencyKey: crypto.randomUUID(), answers, consent: true }, NOW)).rejects.toMatchObject({
      code: "CONFLICT",
    });

    await withdrawApplication(h.db, actor, { applicationId: first.id, reason: "填错了" }, NOW);
    expect((await prepareApplication(h.db, fatherActor, { serviceCode: "newborn_hukou", now: NOW })).openApplication).toBeNull();
    const again = await file(fatherActor);
    expect(again.replayed).toBe(false);
    const open = await h.db.select().from(applications).where(eq(applications.subjectPersonId, baby.id));
    expect(open.map((a) => a.status).sort()).toEqual(["submitted", "withdrawn"]);
  });

  it("lets exactly one of two parents' filings at the same moment win", async () => {
    const { actor, father, baby } = await newbornFamily();
    const fatherActor = await citizenActorFor(father);
    await h.db.insert(familyRelations).values([
      { personId: father.id, relativeId: baby.id, relation: "child" },
      { personId: baby.id, relativeId: father.id, relation: "parent" },
    ]);
    const results = await Promise.allSettled([file(actor), file(fatherActor)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" ? refused.reason : null).toMatchObject({ code: "CONFLICT" });
    expect(await h.db.select().from(applications).where(eq(applications.subjectPersonId, baby.id))).toHaveLength(1);
  });
});

describe("filing at the counter for a walk-in resident", () => {
  it("files on the resident's behalf: channel counter, the clerk's centre, paper for what the library lacks, every library read logged", async () => {
    const { mother, baby } = await newbornFamily();
    const clerk = await createClerkActor(h.db, { department: "psb", centreId: centreId("futian") }, "福田公安窗口");
    const filed = await submitApplication(
      h.db,
      clerk,
      { serviceCode: "newborn_hukou", subjectPersonId: baby.id, applicantPersonId: mother.id, idempotencyKey: crypto.randomUUID(), answers, consent: true },
      NOW,
    );
    expect(filed).toMatchObject({ materialsTotal: 6, materialsFromLibrary: 4, materialsUploaded: 0, completeBy: "2026-11-26" });
    const [row] = await h.db.select().from(applications).where(eq(applications.id, filed.id));
    expect(row).toMatchObject({ channel: "counter", centreId: centreId("futian"), applicantPersonId: mother.id, createdByUserId: clerk.id, acceptDueOn: "2026-11-30" });
    const materials = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, filed.id));
    const paper = materials.filter((m) => m.source === "counter");
    expect(paper).toHaveLength(1);
    expect(paper[0]?.verifiedAt?.getTime()).toBe(NOW.getTime());
    const reads = await h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.applicationId, filed.id));
    expect(reads).toHaveLength(4);
    expect(reads.every((r) => r.purpose === "窗口收件" && r.actorUserId === clerk.id)).toBe(true);
    const [event] = await h.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, filed.id));
    expect(event).toMatchObject({ toStatus: "submitted", actorRole: "clerk", data: { acceptDueOn: "2026-11-30", dueOn: "2026-11-26" } });
    const [notice] = await h.db.select().from(notifications).where(eq(notifications.applicationId, filed.id));
    expect(notice?.messageKey).toBe("applicationFiledAtCounter");
  });

  it("needs the applicant, refuses a service outside the clerk's scope, and a resident may not file for someone else", async () => {
    const { mother, baby, actor } = await newbornFamily();
    const base = { serviceCode: "newborn_hukou", subjectPersonId: baby.id, answers, consent: true as const };
    const psb = await createClerkActor(h.db, { department: "psb" });
    await expect(submitApplication(h.db, psb, { ...base, idempotencyKey: crypto.randomUUID() }, NOW)).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.process.applicantRequired",
    });
    const edu = await createClerkActor(h.db, { department: "edu" });
    await expect(submitApplication(h.db, edu, { ...base, applicantPersonId: mother.id, idempotencyKey: crypto.randomUUID() }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stranger = await createPerson(h.db);
    await expect(submitApplication(h.db, actor, { ...base, applicantPersonId: stranger.id, idempotencyKey: crypto.randomUUID() }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await h.db.select().from(applications).where(eq(applications.applicantPersonId, mother.id))).toHaveLength(0);
  });
});
