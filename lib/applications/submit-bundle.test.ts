import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applicationEvents, applicationMaterials, applications, auditLog, familyRelations, notifications, services, uploads } from "@/db/schema";
import { bundleId, seedCatalogue } from "@/db/seed/catalogue";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createApplicationInStatus, createCitizenUser, createLicence, createPerson } from "@/lib/testing/factories";
import { createJobseeker, JOB_LOSS_ANSWERS, JOB_LOSS_SERVICES, NEWBORN_BUNDLE_ANSWERS } from "@/lib/testing/processing-factories";
import { storeUpload } from "@/lib/uploads/store-upload";
import { prepareBundle } from "./prepare-bundle";
import { getMyBundleGroupOrThrow, submitBundle } from "./submit-bundle";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedCatalogue(h.db);
});
afterAll(async () => {
  await h.close();
});

const NOW = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in China

/** As in submit-application.test.ts: the mother applies; the father's ID card has expired; the baby holds its birth certificate. */
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

const answers = NEWBORN_BUNDLE_ANSWERS;

const FILED = ["vaccination_certificate", "newborn_hukou", "newborn_medical_insurance", "newborn_social_security_card", "maternity_allowance"];

async function uploadsFor(actor: Actor, keys: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of keys) out[key] = (await storeUpload(h.db, actor, { fileName: `${key.slice(-6)}.pdf`, bytes: Buffer.from(`%PDF-1.4 ${key}`) })).id;
  return out;
}

describe("filing the newborn bundle", () => {
  it("leaves out the certificate the child holds, asks each field once, and counts each material once", async () => {
    const { actor } = await newbornFamily();
    const page = await prepareBundle(h.db, actor, { bundleCode: "newborn", now: NOW });
    expect(page.included.map((s) => s.code)).toEqual(FILED);
    expect(page.skipped).toEqual([expect.objectContaining({ code: "birth_medical_certificate", reason: "held" })]);
    const names = page.fields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["applicantPhone", "childName", "ethnicity", "bankAccount"]));
    // The child's ID number is read from the register when it has one; otherwise the hukou
    // registration in the same bundle issues it, and it is not required.
    const childId = page.fields.find((f) => f.name === "childIdNumber");
    expect(page.prefilled.some((p) => p.name === "childIdNumber" && p.locked) || childId?.required === false).toBe(true);
    expect(page.prefilled.find((p) => p.name === "childName")?.locked).toBe(true);
    // 25 materials over five services become 13: 4 from the library, 2 issued inside the bundle,
    // 4 required uploads (father's expired ID card, the baby's photo, the mother's insurance record,
    // the discharge summary), 2 optional uploads and the one online form.
    // (This family has none of the maternity facility's records, as after a birth outside Shenzhen.)
    expect(page.counts).toEqual({ perService: 25, certificatesPerService: 20, total: 13, library: 4, fromBundle: 2, toUpload: 4 });
    const birthCertificate = page.materials.find((m) => m.outcome === "library" && m.subject === "child");
    expect(birthCertificate?.services.map((s) => s.code)).toEqual(["vaccination_certificate", "newborn_hukou", "newborn_medical_insurance", "maternity_allowance"]);
    expect(page.materials.filter((m) => m.outcome === "bundle").map((m) => m.issuedBy?.code).sort()).toEqual(["newborn_hukou", "newborn_medical_insurance"]);
  });

  it("takes the facility's delivery record, the baby's photo and the birth doses from the registers: nothing left to upload but what is really missing", async () => {
    const { actor, mother, baby } = await newbornFamily();
    await createLicence(h.db, { holderPersonId: mother.id, typeKey: "delivery_record", validUntil: null });
    await createLicence(h.db, { holderPersonId: baby.id, typeKey: "newborn_photo", validUntil: null });
    await createLicence(h.db, { holderPersonId: baby.id, typeKey: "birth_vaccination_record", validUntil: null });
    const page = await prepareBundle(h.db, actor, { bundleCode: "newborn", now: NOW });
    // Left to provide: the father's expired ID card (he must renew it) and the mother's insurance
    // record, which this test family lacks (李晓梅 of the demo holds it).
    expect(page.counts).toMatchObject({ total: 13, library: 7, fromBundle: 2, toUpload: 2 });
    expect(page.materials.filter((m) => m.outcome === "library").map((m) => m.nameZh)).toEqual(
      expect.arrayContaining(["新生儿出生时疫苗接种记录", "新生儿白底彩色数码相片", "住院分娩记录及出院小结"]),
    );
  });

  it("files one application per service in one group, links a shared upload everywhere, and replays on retry", async () => {
    const { actor, mother, baby } = await newbornFamily();
    const page = await prepareBundle(h.db, actor, { bundleCode: "newborn", now: NOW });
    const needed = page.materials.filter((m) => m.required && ["missing", "upload", "unusable", "expiring"].includes(m.outcome)).map((m) => m.key);
    expect(needed).toHaveLength(4);
    const files = await uploadsFor(actor, needed);
    const input = { bundleCode: "newborn", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true as const, uploads: files };
    const first = await submitBundle(h.db, actor, input, NOW);
    const second = await submitBundle(h.db, actor, input, NOW);
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ groupId: first.groupId, replayed: true });

    const rows = await h.db.select().from(applications).where(eq(applications.applicantPersonId, mother.id));
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.bundleGroupId))).toEqual(new Set([first.groupId]));
    expect(rows.every((r) => r.bundleId === bundleId("newborn") && r.subjectPersonId === baby.id)).toBe(true);
    // The two services needing certificates issued inside the bundle wait for them (prerequisites.test.ts).
    expect(rows.map((r) => r.status).sort()).toEqual(["awaiting", "awaiting", "submitted", "submitted", "submitted"]);
    expect(new Set(rows.map((r) => r.number)).size).toBe(5);
    const hukou = rows.find((r) => r.formData.relationToHead === "daughter" && "hukouAddress" in r.formData);
    expect(hukou?.formData).toMatchObject({ applicantIdNumber: mother.idNumber, childName: baby.name, ethnicity: "汉族" });
    expect(hukou?.formData).not.toHaveProperty("bankAccount");

    const group = await getMyBundleGroupOrThrow(h.db, actor, first.groupId);
    expect(group.applications.map((a) => a.serviceCode).sort()).toEqual([...FILED].sort());
    expect(group.applications.map((a) => [a.serviceCode, a.materials, a.fromLibrary, a.uploaded]).sort()).toEqual(
      [
        ["maternity_allowance", 5, 2, 2],
        ["newborn_hukou", 6, 4, 1],
        ["newborn_medical_insurance", 5, 2, 0],
        ["newborn_social_security_card", 5, 1, 1],
        ["vaccination_certificate", 4, 2, 0],
      ].sort(),
    );
    expect(group.applications.every((a) => /^\d{4}-\d{2}-\d{2}$/.test(a.dueOn))).toBe(true);
    // Each application's legal clock starts at receipt: 5 working days to accept, its own limits.
    const received = rows.filter((r) => r.status === "submitted");
    expect(received.every((r) => r.receivedAt?.getTime() === NOW.getTime() && r.acceptDueOn === "2026-11-30" && r.legalDueOn !== null)).toBe(true);
    expect(rows.filter((r) => r.status === "awaiting").every((r) => r.receivedAt === null && r.acceptDueOn === null)).toBe(true);
    expect(Object.fromEntries(rows.map((r) => [r.formData.relationToHead === "daughter" && "hukouAddress" in r.formData ? "hukou" : r.id, r.dueOn])).hukou).toBe("2026-11-26");
    expect(group).toMatchObject({ materialsTotal: 13, materialsFromLibrary: 4, materialsUploaded: 4 });

    for (const r of rows) {
      expect(await h.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, r.id))).toHaveLength(1);
      expect(await h.db.select().from(auditLog).where(eq(auditLog.entityId, r.id))).toHaveLength(1);
    }
    expect(await h.db.select().from(notifications).where(eq(notifications.personId, mother.id))).toHaveLength(1);
    // Each file is claimed once, by one application of the group.
    const claimed = await h.db.select().from(uploads).where(eq(uploads.ownerPersonId, mother.id));
    expect(claimed.every((u) => rows.some((r) => r.id === u.applicationId))).toBe(true);
    // The child's household register comes from the hukou registration filed alongside.
    const ssc = rows.find((r) => "collection" in r.formData);
    const sscMaterials = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, ssc?.id ?? ""));
    expect(sscMaterials.filter((m) => m.note?.includes("新生儿入户"))).toHaveLength(1);

    // Filed once, the bundle has nothing left but the services not yet served.
    const after = await prepareBundle(h.db, actor, { bundleCode: "newborn", now: NOW });
    expect(after.included).toEqual([]);
    expect(after.skipped.filter((s) => s.reason === "applied").map((s) => s.code)).toEqual(FILED);
    await expect(submitBundle(h.db, actor, { ...input, idempotencyKey: crypto.randomUUID(), uploads: {} }, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("files one group when the same request arrives twice at once", async () => {
    const { actor, mother } = await newbornFamily();
    const input = { bundleCode: "newborn", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true as const };
    const results = await Promise.all([submitBundle(h.db, actor, input, NOW), submitBundle(h.db, actor, input, NOW)]);
    expect(new Set(results.map((r) => r.groupId)).size).toBe(1);
    expect(await h.db.select().from(applications).where(eq(applications.applicantPersonId, mother.id))).toHaveLength(5);
  });

  it("refuses a missing answer naming the field, and files nothing", async () => {
    const { actor, mother } = await newbornFamily();
    const error = await submitBundle(h.db, actor, { bundleCode: "newborn", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers: { ...answers, bankAccount: "" }, consent: true }, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual({ "answers.bankAccount": "validation.answers.required" });
    expect(await h.db.select().from(applications).where(eq(applications.applicantPersonId, mother.id))).toHaveLength(0);
  });

  it("files nothing when the services the resident saw are no longer the ones to file", async () => {
    const { actor, mother } = await newbornFamily();
    const saw = ["newborn_hukou", ...FILED];
    await expect(
      submitBundle(h.db, actor, { bundleCode: "newborn", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true, services: saw }, NOW),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.apply.bundleChanged" });
    expect(await h.db.select().from(applications).where(eq(applications.applicantPersonId, mother.id))).toHaveLength(0);
    const ok = await submitBundle(h.db, actor, { bundleCode: "newborn", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true, services: FILED }, NOW);
    expect(ok.replayed).toBe(false);
  });

  it("refuses another resident's child, and hides a group from another resident", async () => {
    const mine = await newbornFamily();
    const other = await newbornFamily();
    await expect(prepareBundle(h.db, mine.actor, { bundleCode: "newborn", subjectPersonId: other.baby.id, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      submitBundle(h.db, mine.actor, { bundleCode: "newborn", subjectPersonId: other.baby.id, idempotencyKey: crypto.randomUUID(), answers, consent: true }, NOW),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await h.db.select().from(applications).where(eq(applications.applicantPersonId, mine.mother.id))).toHaveLength(0);
    const filed = await submitBundle(h.db, other.actor, { bundleCode: "newborn", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true }, NOW);
    await expect(getMyBundleGroupOrThrow(h.db, mine.actor, filed.groupId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getMyBundleGroupOrThrow(h.db, other.actor, filed.groupId)).applications).toHaveLength(5);
  });
});

describe("filing 就业一件事 for oneself", () => {
  const JOB_LOSS = JOB_LOSS_SERVICES;
  const jobAnswers = JOB_LOSS_ANSWERS;
  const jobseeker = (o: { terminationFiled?: boolean } = {}) => createJobseeker(h.db, o);

  it("is about the resident, not a child: the employer's filing comes from the register, the unemployment certificate from the bundle's own registration", async () => {
    const { actor } = await jobseeker();
    const page = await prepareBundle(h.db, actor, { bundleCode: "job_loss", now: NOW });
    expect(page.forChild).toBe(false);
    expect(page.subjectId).toBeNull();
    expect(page.subjectOptions).toEqual([]);
    expect(page.included.map((s) => s.code)).toEqual(JOB_LOSS);
    expect(page.skipped).toEqual([]);
    expect(page.counts).toMatchObject({ toUpload: 0, fromBundle: 1 });
    expect(page.materials.find((m) => m.nameZh === "解除或终止劳动合同证明")?.outcome).toBe("library");
    const certificate = page.materials.find((m) => m.outcome === "bundle");
    expect(certificate?.issuedBy?.code).toBe("unemployment_registration");
    expect(certificate?.services.map((s) => s.code)).toEqual(["unemployment_insurance_benefit", "unemployed_skills_training"]);
  });

  it("asks for an upload where the employer has filed nothing", async () => {
    const { actor } = await jobseeker({ terminationFiled: false });
    const page = await prepareBundle(h.db, actor, { bundleCode: "job_loss", now: NOW });
    expect(page.materials.find((m) => m.nameZh === "解除或终止劳动合同证明")?.outcome).toBe("missing");
    expect(page.counts.toUpload).toBe(1);
  });

  it("files the registration to start and the benefit and the training waiting for its certificate, with no subject", async () => {
    const { actor, person } = await jobseeker();
    // The register fills the name, ID number, phone and address (locked): the resident answers the rest.
    const page = await prepareBundle(h.db, actor, { bundleCode: "job_loss", now: NOW });
    const locked = new Set(page.prefilled.filter((p) => p.locked).map((p) => p.name));
    const answers = Object.fromEntries(Object.entries(jobAnswers).filter(([k]) => !locked.has(k)));
    const filed = await submitBundle(h.db, actor, { bundleCode: "job_loss", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true, services: JOB_LOSS }, NOW);
    const rows = await h.db.select().from(applications).where(eq(applications.bundleGroupId, filed.groupId));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.applicantPersonId === person.id && r.subjectPersonId === null && r.bundleId === bundleId("job_loss"))).toBe(true);
    const registration = rows.find((r) => r.status === "submitted");
    expect(registration?.formData).toMatchObject({ separationReason: "contract_ended" });
    const waiting = rows.filter((r) => r.status === "awaiting");
    expect(waiting).toHaveLength(2);
    const awaited = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.source, "awaiting"));
    for (const w of waiting) {
      expect(awaited.filter((m) => m.applicationId === w.id).map((m) => m.awaitingApplicationId)).toEqual([registration?.id]);
    }
    // Filed, the event has nothing left for this resident; the registration is in progress.
    const again = await prepareBundle(h.db, actor, { bundleCode: "job_loss", now: NOW });
    expect(again.included).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(["applied", "applied", "applied"]);
  });
});

describe("filing 入学一件事 for a child, with the parent's own services", () => {
  const SCHOOL_ENTRY = ["social_insurance_record_print", "residence_permit", "primary_school_enrolment"];

  /** Registered in Changsha, renting here since 2019; the son turns six before next autumn; an insurance print from last spring. */
  async function migrantFamily() {
    const away = { hukouDivisionCode: "430102", hukouAddress: "湖南省长沙市芙蓉区韶山北路139号", residenceDivisionCode: "440309", residenceSince: "2019-03-01" };
    const { person: father, user } = await createCitizenUser(h.db, "Secret2026", { ...away, sex: "male", birthDate: "1989-09-14", maritalStatus: "married" });
    const son = await createPerson(h.db, { ...away, birthDate: "2020-11-08", employmentStatus: "child", insuranceStatus: "resident" });
    await h.db.insert(familyRelations).values([
      { personId: father.id, relativeId: son.id, relation: "child" },
      { personId: son.id, relativeId: father.id, relation: "parent" },
    ]);
    for (const typeKey of ["resident_id_card", "rental_registration"]) await createLicence(h.db, { holderPersonId: father.id, typeKey, validUntil: "2027-06-01" });
    await createLicence(h.db, { holderPersonId: father.id, typeKey: "social_insurance_record", validUntil: "2026-08-01" });
    for (const typeKey of ["household_register", "birth_medical_certificate", "vaccination_certificate"]) await createLicence(h.db, { holderPersonId: son.id, typeKey, validUntil: null });
    const actor: Actor = { id: user.id, role: "citizen", displayName: father.name, personId: father.id, departmentId: null, centreId: null };
    const [print] = await h.db.select({ id: services.id }).from(services).where(eq(services.code, "social_insurance_record_print"));
    if (!print) throw new Error("no print service");
    await createApplicationInStatus(h.db, father.id, print.id, "completed");
    return { father, son, actor };
  }

  it("files the parent's record and permit about the parent and the school place about the child, waiting for both", async () => {
    const { actor, father, son } = await migrantFamily();
    const page = await prepareBundle(h.db, actor, { bundleCode: "school_entry", now: NOW });
    expect(page.forChild).toBe(true);
    expect(page.subjectId).toBe(son.id);
    // Last spring's print does not keep this winter's out: its record has expired.
    expect(page.included.map((s) => s.code)).toEqual(SCHOOL_ENTRY);
    expect(page.counts.toUpload).toBe(0);
    expect(page.materials.filter((m) => m.outcome === "bundle").map((m) => m.issuedBy?.code).sort()).toEqual(["residence_permit", "social_insurance_record_print"]);

    const locked = new Set(page.prefilled.filter((p) => p.locked).map((p) => p.name));
    const typed = { applicantPhone: "13723456790", periodFrom: "2024-01-01", periodTo: "2026-11-30", purpose: "school", residentSince: "2019-03-01", basis: "employment", relationToChild: "father", housingType: "rented" };
    const answers = Object.fromEntries(Object.entries(typed).filter(([k]) => !locked.has(k)));
    const filed = await submitBundle(h.db, actor, { bundleCode: "school_entry", subjectPersonId: son.id, idempotencyKey: crypto.randomUUID(), answers, consent: true, services: SCHOOL_ENTRY }, NOW);
    const rows = await h.db.select().from(applications).where(eq(applications.bundleGroupId, filed.groupId));
    const byService = new Map(rows.map((r) => [r.serviceId, r]));
    const [permit, school] = await Promise.all(
      ["residence_permit", "primary_school_enrolment"].map(async (code) => (await h.db.select({ id: services.id }).from(services).where(eq(services.code, code)))[0]?.id ?? ""),
    );
    // The permit is the father's (issued to him), the school place the son's.
    expect(byService.get(permit ?? "")).toMatchObject({ applicantPersonId: father.id, subjectPersonId: null, status: "awaiting" });
    expect(byService.get(school ?? "")).toMatchObject({ applicantPersonId: father.id, subjectPersonId: son.id, status: "awaiting" });
    expect(rows.filter((r) => r.status === "submitted")).toHaveLength(1);
  });
});
