import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  applicationEvents,
  applicationMaterials,
  applications,
  auditLog,
  licences,
  notificationDeliveries,
  notifications,
  persons,
} from "@/db/schema";
import { seedCatalogue } from "@/db/seed/catalogue";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createBackOfficeActor, createClerkActor, createNewbornFamily, NEWBORN_HUKOU_ANSWERS } from "@/lib/testing/processing-factories";
import { createCitizenUser, createLicence, createPerson, relate } from "@/lib/testing/factories";
import { prepareApplication } from "./prepare-application";
import { processApplication } from "./process-application";
import { submitApplication } from "./submit-application";

let h: DbHandle;
let psb: Actor;
let psbReviewer: Actor;
let psbApprover: Actor;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedCatalogue(h.db);
  psb = await createClerkActor(h.db, { department: "psb" }, "公安窗口甲");
  psbReviewer = await createBackOfficeActor(h.db, "reviewer", "psb", "公安审查甲");
  psbApprover = await createBackOfficeActor(h.db, "approver", "psb", "公安审批甲");
});
afterAll(async () => {
  await h.close();
});

const FILED = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in Shenzhen
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour - 8).padStart(2, "0")}:00:00Z`);

async function fileNewbornHukou() {
  const family = await createNewbornFamily(h.db);
  const filed = await submitApplication(
    h.db,
    family.actor,
    { serviceCode: "newborn_hukou", subjectPersonId: family.baby.id, idempotencyKey: crypto.randomUUID(), answers: NEWBORN_HUKOU_ANSWERS, consent: true },
    FILED,
  );
  return { ...family, applicationId: filed.id, number: filed.number };
}

/** A resident of the given birth date and hukou files 老年人优待证 (on the spot) online. */
async function fileElderlyCard(overrides: Parameters<typeof createCitizenUser>[2]) {
  const { person, user } = await createCitizenUser(h.db, "Secret2026", overrides);
  const citizen: Actor = { id: user.id, role: "citizen", displayName: person.name, personId: person.id, departmentId: null, centreId: null };
  const filed = await submitApplication(
    h.db,
    citizen,
    { serviceCode: "elderly_card", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers: { applicantPhone: "13900000000", emergencyContact: "李四", emergencyPhone: "13911111111" }, consent: true },
    FILED,
  );
  return { person, filed };
}

const eventsOf = (applicationId: string) =>
  h.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId)).orderBy(asc(applicationEvents.id));
const rowOf = async (applicationId: string) => (await h.db.select().from(applications).where(eq(applications.id, applicationId)))[0]!;

async function conflictOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("filing starts the clock", () => {
  it("sets the receipt, the 5-day completeness deadline and provisional due dates", async () => {
    const { applicationId } = await fileNewbornHukou();
    const row = await rowOf(applicationId);
    expect(row.receivedAt?.toISOString()).toBe(FILED.toISOString());
    expect(row).toMatchObject({ acceptDueOn: "2026-11-30", dueOn: "2026-11-26", legalDueOn: "2026-12-21" });
  });
});

describe("accept", () => {
  it("within 5 working days: the clock starts that day; event data, audit row, notice and SMS outbox commit together", async () => {
    const { applicationId, mother } = await fileNewbornHukou();
    const result = await processApplication(h.db, psb, { action: "accept", applicationId, version: 1 }, at("2026-11-24"));
    expect(result).toMatchObject({ status: "accepted", version: 2, issuedLicence: null });
    const row = await rowOf(applicationId);
    expect(row).toMatchObject({ status: "accepted", dueOn: "2026-11-27", legalDueOn: "2026-12-22", deemedAccepted: false, assignedClerkId: psb.id });
    const events = await eventsOf(applicationId);
    expect(events.at(-1)).toMatchObject({
      fromStatus: "submitted",
      toStatus: "accepted",
      actorUserId: psb.id,
      actorRole: "clerk",
      data: { deemed: false, clockStartOn: "2026-11-24", dueOn: "2026-11-27", legalDueOn: "2026-12-22" },
    });
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, applicationId), eq(auditLog.action, "application.accept")));
    expect(audit).toHaveLength(1);
    const notices = await h.db.select().from(notifications).where(eq(notifications.applicationId, applicationId)).orderBy(asc(notifications.createdAt));
    expect(notices.map((n) => n.messageKey)).toEqual(["applicationSubmitted", "applicationAccepted"]);
    expect(notices[1]?.params).toMatchObject({ dueOn: "2026-11-27" });
    const sms = await h.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, notices[1]!.id));
    expect(sms).toMatchObject([{ channel: "sms", address: mother.phone, status: "pending" }]);
  });

  it("after 5 working days it is deemed accepted on the receipt day (行政许可法第32条)", async () => {
    const { applicationId } = await fileNewbornHukou();
    await processApplication(h.db, psb, { action: "accept", applicationId, version: 1 }, at("2026-12-01"));
    const row = await rowOf(applicationId);
    expect(row).toMatchObject({ deemedAccepted: true, dueOn: "2026-11-26", legalDueOn: "2026-12-21" });
    expect((await eventsOf(applicationId)).at(-1)?.data).toMatchObject({ deemed: true, clockStartOn: "2026-11-23" });
  });
});

describe("requestSupplement", () => {
  it("after acceptance the back office at its step names the materials, pauses the clock and tells the resident once", async () => {
    const { applicationId } = await fileNewbornHukou();
    await processApplication(h.db, psb, { action: "accept", applicationId, version: 1 }, at("2026-11-24"));
    const materials = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, applicationId));
    const named = materials.slice(0, 2).map((m) => m.id);
    const reason = "出生医学证明照片不清晰，配偶身份证需补充";
    // Accepted, it is at the decision step: the window no longer asks, the approver does.
    const window = await conflictOf(processApplication(h.db, psb, { action: "requestSupplement", applicationId, version: 2, materialIds: named, reason }, at("2026-11-25", 11)));
    expect(window).toMatchObject({ code: "FORBIDDEN", messageKey: "errors.process.notYourStep" });
    const result = await processApplication(h.db, psbApprover, { action: "requestSupplement", applicationId, version: 2, materialIds: named, reason }, at("2026-11-25", 11));
    expect(result.status).toBe("supplement_requested");
    const row = await rowOf(applicationId);
    expect(row.clockPausedAt?.toISOString()).toBe(at("2026-11-25", 11).toISOString());
    const flagged = await h.db.select({ id: applicationMaterials.id, flag: applicationMaterials.supplementRequested }).from(applicationMaterials).where(eq(applicationMaterials.applicationId, applicationId));
    expect(flagged.filter((m) => m.flag).map((m) => m.id).sort()).toEqual([...named].sort());
    expect((await eventsOf(applicationId)).at(-1)).toMatchObject({ toStatus: "supplement_requested", note: reason, data: { materialIds: named, reason, paused: true, step: "decide" } });
  });

  it("before acceptance sends it back without pausing; after the completeness deadline it is deemed accepted first", async () => {
    const early = await fileNewbornHukou();
    const [m1] = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, early.applicationId));
    await processApplication(h.db, psb, { action: "requestSupplement", applicationId: early.applicationId, version: 1, materialIds: [m1!.id], reason: "请补正" }, at("2026-11-24"));
    expect((await rowOf(early.applicationId)).clockPausedAt).toBeNull();
    expect((await eventsOf(early.applicationId)).at(-1)?.data).toMatchObject({ paused: false });

    const late = await fileNewbornHukou();
    const [m2] = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, late.applicationId));
    await processApplication(h.db, psb, { action: "requestSupplement", applicationId: late.applicationId, version: 1, materialIds: [m2!.id], reason: "请补正" }, at("2026-12-02"));
    const events = await eventsOf(late.applicationId);
    expect(events.slice(-2).map((e) => [e.fromStatus, e.toStatus])).toEqual([
      ["submitted", "accepted"],
      ["accepted", "supplement_requested"],
    ]);
    expect(events.at(-1)?.data).toMatchObject({ paused: true });
    expect(await rowOf(late.applicationId)).toMatchObject({ deemedAccepted: true, status: "supplement_requested" });
  });

  it("refuses a material of another application", async () => {
    const a = await fileNewbornHukou();
    const b = await fileNewbornHukou();
    const [other] = await h.db.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, b.applicationId));
    const e = await conflictOf(processApplication(h.db, psb, { action: "requestSupplement", applicationId: a.applicationId, version: 1, materialIds: [other!.id], reason: "请补正" }, at("2026-11-24")));
    expect(e.code).toBe("VALIDATION");
    expect((await rowOf(a.applicationId)).version).toBe(1);
  });
});

describe("reject", () => {
  it("records the reason for the resident", async () => {
    const { applicationId } = await fileNewbornHukou();
    await processApplication(h.db, psb, { action: "reject", applicationId, version: 1, reason: "落户地不是父母户籍所在地" }, at("2026-11-24"));
    expect((await eventsOf(applicationId)).at(-1)).toMatchObject({ toStatus: "rejected", data: { reason: "落户地不是父母户籍所在地" } });
    const [notice] = await h.db.select().from(notifications).where(and(eq(notifications.applicationId, applicationId), eq(notifications.messageKey, "applicationRejected")));
    expect(notice?.params).toMatchObject({ reason: "落户地不是父母户籍所在地" });
  });
});

describe("approve", () => {
  it("the approver's decision issues the baby's household register; the window delivers and closes it; the next service takes it from the library", async () => {
    const { applicationId, baby, actor, mother } = await fileNewbornHukou();
    await processApplication(h.db, psb, { action: "accept", applicationId, version: 1 }, at("2026-11-24"));
    const done = await processApplication(h.db, psbApprover, { action: "approve", applicationId, version: 2, note: "核验无误" }, at("2026-11-25"));
    // 新生儿入户 delivers after the decision: approved, its licence already in the library.
    expect(done).toMatchObject({ status: "approved", version: 3 });
    expect(done.issuedLicence?.identifier).toMatch(/^1\.2\.156\.3005\.2\./);
    expect(await rowOf(applicationId)).toMatchObject({ stepKind: "deliver", completedAt: null });
    const [approvedNotice] = await h.db.select().from(notifications).where(and(eq(notifications.applicationId, applicationId), eq(notifications.messageKey, "applicationApproved")));
    expect(approvedNotice).toBeDefined();

    const delivered = await processApplication(h.db, psb, { action: "deliver", applicationId, version: 3, method: "electronic" }, at("2026-11-25", 15));
    expect(delivered).toMatchObject({ status: "completed", version: 4, issuedLicence: null });
    expect(await rowOf(applicationId)).toMatchObject({ stepKind: null, completedAt: at("2026-11-25", 15) });
    const events = await eventsOf(applicationId);
    expect(events.slice(-2).map((e) => [e.fromStatus, e.toStatus, e.note, e.actorUserId])).toEqual([
      ["accepted", "approved", "核验无误", psbApprover.id],
      ["approved", "completed", null, psb.id],
    ]);
    expect(events.at(-2)?.data).toEqual({ step: "decide", licenceId: done.issuedLicence?.id });
    expect(events.at(-1)?.data).toMatchObject({ step: "deliver", method: "electronic", trackingNo: null });

    const [licence] = await h.db.select().from(licences).where(eq(licences.id, done.issuedLicence!.id));
    expect(licence).toMatchObject({ holderPersonId: baby.id, status: "valid", sourceApplicationId: applicationId });
    expect(licence?.fields).toMatchObject({ relationToHead: "女", registeredOn: "2026-11-25", householdType: "家庭户" });
    // The register now knows the baby's hukou.
    const [registered] = await h.db.select().from(persons).where(eq(persons.id, baby.id));
    expect(registered?.hukouDivisionCode).not.toBeNull();
    expect(registered?.hukouAddress).toBe(licence?.fields.address);

    const next = await prepareApplication(h.db, actor, { serviceCode: "newborn_social_security_card", subjectPersonId: baby.id, now: at("2026-11-26") });
    const hukou = next.materials.find((m) => m.subject === "child" && m.nameZh.includes("户口簿"));
    expect(hukou).toMatchObject({ outcome: "library", licence: { id: licence!.id } });
    expect(mother.id).toBeTruthy();
  });

  it("an on-the-spot service completes straight from submitted in three events", async () => {
    const { person, filed } = await fileElderlyCard({ birthDate: "1960-01-05" });
    const civil = await createClerkActor(h.db, { department: "civil" });
    // 即办件: the window's acceptance is the decision.
    const done = await processApplication(h.db, civil, { action: "accept", applicationId: filed.id, version: 1 }, at("2026-11-23", 11));
    expect(done.status).toBe("completed");
    const events = await eventsOf(filed.id);
    expect(events.map((e) => e.toStatus)).toEqual(["submitted", "accepted", "approved", "completed"]);
    expect(events.at(-1)?.data).toMatchObject({ onTheSpot: true });
    const [card] = await h.db.select().from(licences).where(eq(licences.id, done.issuedLicence!.id));
    expect(card?.fields).toMatchObject({ name: person.name, birthDate: "1960-01-05" });
  });

  it("granting against the service's rule needs the decider's reason: an elderly card for a 59-year-old", async () => {
    const { filed } = await fileElderlyCard({ birthDate: "1967-06-01", hukouDivisionCode: "440303" });
    const civil = await createClerkActor(h.db, { department: "civil" });
    const refused = await conflictOf(processApplication(h.db, civil, { action: "accept", applicationId: filed.id, version: 1 }, at("2026-11-23", 11)));
    expect(refused).toMatchObject({ code: "VALIDATION", messageKey: "errors.process.ruleNotMet", fieldErrors: { note: "errors.process.ruleNotMet" } });
    expect((await rowOf(filed.id)).status).toBe("submitted");
    expect(await eventsOf(filed.id)).toHaveLength(1);

    const done = await processApplication(h.db, civil, { action: "accept", applicationId: filed.id, version: 1, note: "持市民政局特批函，提前办理" }, at("2026-11-23", 11));
    expect(done.status).toBe("completed");
    const decision = (await eventsOf(filed.id)).find((e) => e.toStatus === "approved");
    expect(decision?.note).toBe("持市民政局特批函，提前办理");
  });

  it("a parent's own licence goes to the parent: an ID card renewal is not about their only child", async () => {
    const { person, user } = await createCitizenUser(h.db, "Secret2026", { birthDate: "1988-02-20" });
    const child = await createPerson(h.db, { birthDate: "2021-03-15", employmentStatus: "child" });
    await relate(h.db, person.id, child.id);
    await createLicence(h.db, { holderPersonId: person.id, typeKey: "resident_id_card", validUntil: "2026-12-01" });
    const citizen: Actor = { id: user.id, role: "citizen", displayName: person.name, personId: person.id, departmentId: null, centreId: null };
    const filed = await submitApplication(
      h.db,
      citizen,
      { serviceCode: "id_card_renewal", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers: { applicantPhone: "13900000001", reason: "expired", collection: "counter" }, consent: true },
      FILED,
    );
    expect((await rowOf(filed.id)).subjectPersonId).toBeNull();
    await processApplication(h.db, psb, { action: "accept", applicationId: filed.id, version: 1 }, at("2026-11-24"));
    await processApplication(h.db, psbReviewer, { action: "review", applicationId: filed.id, version: 2, opinion: "agree", note: "证件到期，符合换领条件" }, at("2026-11-24", 14));
    const done = await processApplication(h.db, psbApprover, { action: "approve", applicationId: filed.id, version: 3 }, at("2026-11-25"));
    const [card] = await h.db.select().from(licences).where(eq(licences.id, done.issuedLicence!.id));
    expect(card).toMatchObject({ holderPersonId: person.id, licenceNumber: person.idNumber });
    const old = await h.db.select().from(licences).where(and(eq(licences.holderPersonId, person.id), eq(licences.status, "superseded")));
    expect(old).toHaveLength(1);
  });

  it("a service that is not on the spot cannot be approved before acceptance", async () => {
    const { applicationId } = await fileNewbornHukou();
    const e = await conflictOf(processApplication(h.db, psbApprover, { action: "approve", applicationId, version: 1 }, at("2026-11-24")));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "errors.process.invalidTransition", params: { status: "submitted" } });
    // And the window may not decide at all.
    expect(await conflictOf(processApplication(h.db, psb, { action: "approve", applicationId, version: 1 }, at("2026-11-24")))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("who may act, and when", () => {
  it("another department's clerk gets NOT_FOUND; a citizen is FORBIDDEN", async () => {
    const { applicationId, actor } = await fileNewbornHukou();
    const edu = await createClerkActor(h.db, { department: "edu" });
    expect((await conflictOf(processApplication(h.db, edu, { action: "accept", applicationId, version: 1 }))).code).toBe("NOT_FOUND");
    expect((await conflictOf(processApplication(h.db, actor, { action: "accept", applicationId, version: 1 }))).code).toBe("FORBIDDEN");
  });

  it("a stale version says who changed it, when, and to what", async () => {
    const { applicationId } = await fileNewbornHukou();
    await processApplication(h.db, psb, { action: "accept", applicationId, version: 1 }, at("2026-11-24"));
    const other = await createClerkActor(h.db, { department: "psb" }, "公安窗口乙");
    const e = await conflictOf(processApplication(h.db, other, { action: "reject", applicationId, version: 1, reason: "不符合条件" }, at("2026-11-24", 11)));
    expect(e).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.process.changed",
      params: { by: "公安窗口甲", at: at("2026-11-24").toISOString(), status: "accepted" },
    });
  });

  it("two clerks acting at once: exactly one wins and one event is written", async () => {
    const { applicationId } = await fileNewbornHukou();
    const other = await createClerkActor(h.db, { department: "psb" }, "公安窗口丙");
    const results = await Promise.allSettled([
      processApplication(h.db, psb, { action: "accept", applicationId, version: 1 }, at("2026-11-24")),
      processApplication(h.db, other, { action: "reject", applicationId, version: 1, reason: "不符合条件" }, at("2026-11-24")),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected");
    expect(loser?.reason).toMatchObject({ code: "CONFLICT", messageKey: "errors.process.changed" });
    const events = await eventsOf(applicationId);
    expect(events.map((e) => e.toStatus)).toHaveLength(2);
    expect((await rowOf(applicationId)).version).toBe(2);
  });

  it("refuses malformed input", async () => {
    const e = await conflictOf(processApplication(h.db, psb, { action: "reject", applicationId: crypto.randomUUID(), version: 1, reason: "x" }));
    expect(e.code).toBe("VALIDATION");
  });
});
