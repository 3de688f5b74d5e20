import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applicationEvents, applicationMaterials, applications, auditLog, licences, licenceTypes, notifications, serviceMaterials, services, users } from "@/db/schema";
import { seedCatalogue } from "@/db/seed/catalogue";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createCitizenUser, createLicence } from "@/lib/testing/factories";
import { createBackOfficeActor, createClerkActor, createNewbornFamily, NEWBORN_HUKOU_ANSWERS } from "@/lib/testing/processing-factories";
import { storeUpload } from "@/lib/uploads/store-upload";
import { answerSupplement } from "../answer-supplement";
import { getMyApplicationOrThrow } from "../get-my-application";
import { listClerkQueue } from "../list-clerk-queue";
import { processApplication } from "../process-application";
import type { ProcessApplicationInput } from "../process-schemas";
import { submitApplication } from "../submit-application";
import { withdrawApplication } from "../withdraw-application";
import { escalateOverdueSteps } from "./apply-transition";
import { getDashboard } from "@/lib/metrics/get-dashboard";
import { listDashboardApplications } from "@/lib/metrics/list-dashboard-applications";
import { createAdminActor } from "@/lib/testing/library-factories";

let h: DbHandle;
let window: Actor;
let reviewer: Actor;
let approver: Actor;

const FILED = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in Shenzhen
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour - 8).padStart(2, "0")}:00:00Z`);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedCatalogue(h.db);
  window = await createClerkActor(h.db, { department: "psb" }, "公安窗口");
  reviewer = await createBackOfficeActor(h.db, "reviewer", "psb", "公安审查");
  approver = await createBackOfficeActor(h.db, "approver", "psb", "公安审批");
  // A forced failure after the status update: the audit row of a listed application cannot be written.
  await h.db.execute(sql`CREATE TABLE lifecycle_fail_ids (id text PRIMARY KEY)`);
  await h.db.execute(sql`
    CREATE FUNCTION lifecycle_fail() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM lifecycle_fail_ids WHERE id = NEW.entity_id) THEN RAISE EXCEPTION 'forced failure'; END IF;
      RETURN NEW;
    END $$`);
  await h.db.execute(sql`CREATE TRIGGER lifecycle_fail BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION lifecycle_fail()`);
});
afterAll(async () => {
  await h.close();
});

/** 居民身份证换领: accept → 初审 → 决定 → 送达 (collect or post). */
async function fileIdRenewal(filedAt = FILED) {
  const { person, user } = await createCitizenUser(h.db, "Secret2026", { birthDate: "1988-02-20" });
  await createLicence(h.db, { holderPersonId: person.id, typeKey: "resident_id_card", validUntil: "2026-12-01" });
  const citizen: Actor = { id: user.id, role: "citizen", displayName: person.name, personId: person.id, departmentId: null, centreId: null };
  const filed = await submitApplication(
    h.db,
    citizen,
    { serviceCode: "id_card_renewal", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers: { applicantPhone: "13900000001", reason: "expired", collection: "counter" }, consent: true },
    filedAt,
  );
  return { citizen, person, applicationId: filed.id, number: filed.number };
}

const rowOf = async (id: string) => (await h.db.select().from(applications).where(eq(applications.id, id)))[0]!;
const eventsOf = (id: string) => h.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id)).orderBy(asc(applicationEvents.id));
const counts = async (id: string) => {
  const [row] = await h.db
    .select({
      events: sql<number>`(SELECT count(*)::int FROM application_events WHERE application_id = ${id})`,
      audit: sql<number>`(SELECT count(*)::int FROM audit_log WHERE entity_type = 'application' AND entity_id = ${id})`,
      notices: sql<number>`(SELECT count(*)::int FROM notifications WHERE application_id = ${id})`,
      licences: sql<number>`(SELECT count(*)::int FROM licences WHERE source_application_id = ${id})`,
    })
    .from(sql`(SELECT 1) AS one`);
  return row!;
};
async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
const act = (actor: Actor, input: ProcessApplicationInput, now: Date) => processApplication(h.db, actor, input, now);

describe("one application through the window, the back office and delivery", () => {
  it("three different people accept, review and decide; the window delivers; every step is on the timeline with its actor", async () => {
    const { applicationId } = await fileIdRenewal();
    expect(await rowOf(applicationId)).toMatchObject({ stepIndex: 0, stepKind: "accept", stepDueOn: "2026-11-24" });
    expect((await rowOf(applicationId)).workflow?.steps.map((s) => s.kind)).toEqual(["accept", "review", "decide", "deliver"]);

    // The back office cannot act before the window, nor the window for the back office.
    expect(await errorOf(act(reviewer, { action: "accept", applicationId, version: 1 }, at("2026-11-24")))).toMatchObject({ code: "FORBIDDEN" });
    await act(window, { action: "accept", applicationId, version: 1 }, at("2026-11-24"));
    expect(await rowOf(applicationId)).toMatchObject({ status: "accepted", stepKind: "review", stepDueOn: "2026-11-30" });
    expect(await errorOf(act(approver, { action: "approve", applicationId, version: 2 }, at("2026-11-24", 11)))).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.process.invalidTransition",
    });
    await act(reviewer, { action: "review", applicationId, version: 2, opinion: "agree", note: "原证到期，照片合格" }, at("2026-11-25"));
    expect(await rowOf(applicationId)).toMatchObject({ status: "accepted", stepKind: "decide" });
    const decided = await act(approver, { action: "approve", applicationId, version: 3 }, at("2026-11-26"));
    expect(decided.status).toBe("approved");
    expect(decided.issuedLicence).not.toBeNull();

    // Delivery by post needs the tracking number; the schema says so before anything is written.
    expect((await errorOf(act(window, { action: "deliver", applicationId, version: 4, method: "post" }, at("2026-11-27")))).code).toBe("VALIDATION");
    expect((await errorOf(act(window, { action: "deliver", applicationId, version: 4, method: "electronic" }, at("2026-11-27")))).messageKey).toBe(
      "errors.process.deliveryMethod",
    );
    await act(window, { action: "deliver", applicationId, version: 4, method: "post", trackingNo: "SF1234567890" }, at("2026-11-27"));

    const events = await eventsOf(applicationId);
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorUserId, (e.data as { step?: string } | null)?.step ?? null])).toEqual([
      [null, "submitted", expect.any(String), null],
      ["submitted", "accepted", window.id, "accept"],
      ["accepted", "accepted", reviewer.id, "review"],
      ["accepted", "approved", approver.id, "decide"],
      ["approved", "completed", window.id, "deliver"],
    ]);
    expect(events.at(-1)?.data).toMatchObject({ method: "post", trackingNo: "SF1234567890" });
    const audit = await h.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, applicationId)).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(["application.submit", "application.accept", "application.review", "application.approve", "application.deliver"]);
    const notices = await h.db.select({ key: notifications.messageKey }).from(notifications).where(eq(notifications.applicationId, applicationId));
    expect(notices.map((n) => n.key)).toEqual(["applicationSubmitted", "applicationAccepted", "applicationApproved", "applicationDelivered"]);
    expect(await rowOf(applicationId)).toMatchObject({ status: "completed", stepKind: null, stepDueOn: null });
  });

  it("the approver refuses with the workflow's legal basis; the resident is told the reason and the basis", async () => {
    const { applicationId } = await fileIdRenewal();
    await act(window, { action: "accept", applicationId, version: 1 }, at("2026-11-24"));
    await act(reviewer, { action: "review", applicationId, version: 2, opinion: "disagree", note: "照片不符合制证要求" }, at("2026-11-25"));
    await act(approver, { action: "refuse", applicationId, version: 3, reason: "照片不符合居民身份证制证要求" }, at("2026-11-26"));
    expect(await rowOf(applicationId)).toMatchObject({ status: "rejected", stepKind: null });
    const [notice] = await h.db.select().from(notifications).where(and(eq(notifications.applicationId, applicationId), eq(notifications.messageKey, "applicationRefused")));
    expect(notice?.params).toMatchObject({ reason: "照片不符合居民身份证制证要求", basisZh: "《中华人民共和国居民身份证法》第十一条" });
  });
});

describe("separation of duties", () => {
  it("whoever accepted or reviewed an application cannot decide it, even after moving to an approver's post", async () => {
    const { applicationId } = await fileIdRenewal();
    const movingClerk = await createClerkActor(h.db, { department: "psb" }, "轮岗窗口");
    const movingReviewer = await createBackOfficeActor(h.db, "reviewer", "psb", "轮岗审查");
    await act(movingClerk, { action: "accept", applicationId, version: 1 }, at("2026-11-24"));
    await act(movingReviewer, { action: "review", applicationId, version: 2, opinion: "agree", note: "符合条件" }, at("2026-11-25"));

    for (const moved of [movingClerk, movingReviewer]) {
      await h.db.update(users).set({ role: "approver", departmentId: moved.departmentId, centreId: null }).where(eq(users.id, moved.id));
      const asApprover: Actor = { ...moved, role: "approver", centreId: null };
      const e = await errorOf(act(asApprover, { action: "approve", applicationId, version: 3 }, at("2026-11-26")));
      expect(e).toMatchObject({ code: "FORBIDDEN", messageKey: "errors.process.separationOfDuties" });
    }
    expect(await rowOf(applicationId)).toMatchObject({ status: "accepted", version: 3 });
    // Someone else decides it.
    expect((await act(approver, { action: "approve", applicationId, version: 3 }, at("2026-11-26"))).status).toBe("approved");
  });

  it("the second review (复审) is by someone other than the first", async () => {
    const family = await createNewbornFamily(h.db);
    const filed = await submitApplication(
      h.db,
      family.actor,
      { serviceCode: "newborn_hukou", subjectPersonId: family.baby.id, idempotencyKey: crypto.randomUUID(), answers: NEWBORN_HUKOU_ANSWERS, consent: true },
      FILED,
    );
    // 新生儿入户 has no review step: the reviewer has nothing to do on it.
    await act(window, { action: "accept", applicationId: filed.id, version: 1 }, at("2026-11-24"));
    expect(await errorOf(act(reviewer, { action: "review", applicationId: filed.id, version: 2, opinion: "agree", note: "同意" }, at("2026-11-24")))).toMatchObject({
      code: "CONFLICT",
    });

    // 户口迁入 reviews twice: 初审 then 复审 by another reviewer.
    await h.db.execute(sql`UPDATE applications SET workflow = (SELECT workflow FROM services WHERE code = 'hukou_transfer_in'), step_index = 1, step_kind = 'review' WHERE id = ${filed.id}`);
    await act(reviewer, { action: "review", applicationId: filed.id, version: 2, opinion: "agree", note: "初审同意" }, at("2026-11-25"));
    expect(await rowOf(filed.id)).toMatchObject({ stepIndex: 2, stepKind: "review" });
    expect(await errorOf(act(reviewer, { action: "review", applicationId: filed.id, version: 3, opinion: "agree", note: "复审同意" }, at("2026-11-25")))).toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.process.secondReviewer",
    });
    const second = await createBackOfficeActor(h.db, "reviewer", "psb", "公安复审");
    await act(second, { action: "review", applicationId: filed.id, version: 3, opinion: "agree", note: "复审同意" }, at("2026-11-25"));
    expect(await rowOf(filed.id)).toMatchObject({ stepKind: "decide" });
  });
});

describe("every transition commits whole or not at all", () => {
  /** Runs `step` with the audit insert forced to fail, and checks that nothing of it stayed. */
  async function failsWhole(applicationId: string, step: () => Promise<unknown>) {
    const before = { row: await rowOf(applicationId), counts: await counts(applicationId) };
    await h.db.execute(sql`INSERT INTO lifecycle_fail_ids VALUES (${applicationId})`);
    await expect(step()).rejects.toThrow();
    await h.db.execute(sql`DELETE FROM lifecycle_fail_ids WHERE id = ${applicationId}`);
    const after = await rowOf(applicationId);
    expect({ status: after.status, version: after.version, stepKind: after.stepKind, completedAt: after.completedAt }).toEqual({
      status: before.row.status,
      version: before.row.version,
      stepKind: before.row.stepKind,
      completedAt: before.row.completedAt,
    });
    expect(await counts(applicationId)).toEqual(before.counts);
    // Then the same step goes through, writing the event, audit row (and notice) together.
    await step();
    const done = await counts(applicationId);
    expect(done.events).toBeGreaterThan(before.counts.events);
    expect(done.audit).toBe(before.counts.audit + 1);
  }

  it("accept, review, approve, deliver", async () => {
    const { applicationId } = await fileIdRenewal();
    await failsWhole(applicationId, () => act(window, { action: "accept", applicationId, version: 1 }, at("2026-11-24")));
    await failsWhole(applicationId, () => act(reviewer, { action: "review", applicationId, version: 2, opinion: "agree", note: "同意" }, at("2026-11-25")));
    await failsWhole(applicationId, () => act(approver, { action: "approve", applicationId, version: 3 }, at("2026-11-26")));
    await failsWhole(applicationId, () => act(window, { action: "deliver", applicationId, version: 4, method: "collect", idChecked: true }, at("2026-11-27")));
    expect((await rowOf(applicationId)).status).toBe("completed");
    // The licence was issued once, by the decision that committed.
    expect(await h.db.select({ id: licences.id }).from(licences).where(eq(licences.sourceApplicationId, applicationId))).toHaveLength(1);
  });

  it("requestSupplement, answerSupplement, refuse", async () => {
    const { applicationId, citizen } = await fileIdRenewal();
    await act(window, { action: "accept", applicationId, version: 1 }, at("2026-11-24"));
    const [material] = await h.db
      .select({ id: applicationMaterials.id })
      .from(applicationMaterials)
      .innerJoin(serviceMaterials, eq(serviceMaterials.id, applicationMaterials.serviceMaterialId))
      .innerJoin(licenceTypes, eq(licenceTypes.id, serviceMaterials.licenceTypeId))
      .where(and(eq(applicationMaterials.applicationId, applicationId), eq(licenceTypes.key, "resident_id_card")));
    await failsWhole(applicationId, () =>
      act(reviewer, { action: "requestSupplement", applicationId, version: 2, materialIds: [material!.id], reason: "请补充照片回执" }, at("2026-11-25")),
    );
    const upload = await storeUpload(h.db, citizen, { fileName: "回执.pdf", bytes: Buffer.from(`%PDF-1.4 receipt ${crypto.randomUUID()}`) });
    // The resident reads a supplement asked at the review step as one, not as a review done.
    const asked = await getMyApplicationOrThrow(h.db, citizen, applicationId);
    expect(asked.timeline.at(-1)).toMatchObject({ status: "supplement_requested", step: null });
    await failsWhole(applicationId, () => answerSupplement(h.db, citizen, { applicationId, version: 3, uploads: { [material!.id]: upload.id } }, at("2026-11-26")));
    expect((await rowOf(applicationId)).status).toBe("accepted");
    await failsWhole(applicationId, () => act(reviewer, { action: "review", applicationId, version: 4, opinion: "disagree", note: "不符合" }, at("2026-11-26")));
    await failsWhole(applicationId, () => act(approver, { action: "refuse", applicationId, version: 5, reason: "不符合换领条件" }, at("2026-11-27")));
    expect((await rowOf(applicationId)).status).toBe("rejected");
    const timeline = (await getMyApplicationOrThrow(h.db, citizen, applicationId)).timeline;
    expect(timeline.map((e) => e.step?.kind ?? e.status)).toEqual(["submitted", "accepted", "supplement_requested", "accepted", "review", "refused"]);
  });

  it("reject at the window, withdraw by the resident", async () => {
    const a = await fileIdRenewal();
    await failsWhole(a.applicationId, () => act(window, { action: "reject", applicationId: a.applicationId, version: 1, reason: "非本人申请" }, at("2026-11-24")));
    const b = await fileIdRenewal();
    await failsWhole(b.applicationId, () => withdrawApplication(h.db, b.citizen, { applicationId: b.applicationId, reason: null }, at("2026-11-24")));
    expect((await rowOf(b.applicationId)).status).toBe("withdrawn");
  });
});

describe("step deadlines and escalation", () => {
  it("an overdue step is raised once, with an event on the timeline; the next step starts unraised", async () => {
    const { applicationId } = await fileIdRenewal();
    await act(window, { action: "accept", applicationId, version: 1 }, at("2026-11-24"));
    // The review share is 4 working days: due 2026-11-30; on 12-01 it is overdue.
    await h.db.transaction((tx) => escalateOverdueSteps(tx, "2026-11-30", at("2026-11-30", 9)));
    expect((await rowOf(applicationId)).stepEscalatedAt).toBeNull();
    const raised = await h.db.transaction((tx) => escalateOverdueSteps(tx, "2026-12-01", at("2026-12-01", 9)));
    expect(raised).toBeGreaterThanOrEqual(1);
    expect((await rowOf(applicationId)).stepEscalatedAt?.toISOString()).toBe(at("2026-12-01", 9).toISOString());
    await h.db.transaction((tx) => escalateOverdueSteps(tx, "2026-12-01", at("2026-12-01", 11)));
    const escalations = (await eventsOf(applicationId)).filter((e) => (e.data as { escalated?: string } | null)?.escalated);
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ fromStatus: "accepted", toStatus: "accepted", actorUserId: null, data: { escalated: "review", stepDueOn: "2026-11-30" } });
    // The supervisor's list of escalated work has it; the reviewer's queue badges it.
    const admin = await createAdminActor(h.db);
    const drill = await listDashboardApplications(h.db, admin, { metric: "escalated" }, at("2026-12-01", 11));
    expect(drill.rows.map((r) => r.id)).toContain(applicationId);
    const queued = (await listClerkQueue(h.db, reviewer, {}, at("2026-12-01", 11))).rows.find((r) => r.id === applicationId);
    expect(queued?.escalatedAt).not.toBeNull();
    // The department's decision maker oversees it too (超期督办), though it is not at their step.
    const overseen = (await listClerkQueue(h.db, approver, { status: "accepted" }, at("2026-12-01", 11))).rows.find((r) => r.id === applicationId);
    expect(overseen).toMatchObject({ stepKind: "review" });
    // Escalation does not move the version: the reviewer's page stays valid.
    await act(reviewer, { action: "review", applicationId, version: 2, opinion: "agree", note: "同意" }, at("2026-12-01"));
    expect(await rowOf(applicationId)).toMatchObject({ stepKind: "decide", stepEscalatedAt: null });
  });
});

describe("time per step on the dashboard", () => {
  it("the daily step rollup gives each step's working days, exactly, in the same transaction as the event", async () => {
    const admin = await createAdminActor(h.db);
    const [service] = await h.db.select({ id: services.id }).from(services).where(eq(services.code, "id_card_renewal"));
    // Monday 4 Jan 2027: accepted Tue 5th; reviewed Thu 7th (2 working days); decided Fri 8th (1); delivered Tue 12th (2).
    const days = async () => {
      const d = await getDashboard(h.db, admin, { from: "2027-01-04", to: "2027-01-15", service: service!.id }, at("2027-01-15"));
      return Object.fromEntries(d.steps.map((s) => [s.step, [s.n, s.median]]));
    };
    for (let i = 0; i < 2; i++) {
      const { applicationId } = await fileIdRenewal(at("2027-01-04"));
      await act(window, { action: "accept", applicationId, version: 1 }, at("2027-01-05"));
      await act(reviewer, { action: "review", applicationId, version: 2, opinion: "agree", note: "同意" }, at("2027-01-07"));
      await act(approver, { action: "approve", applicationId, version: 3 }, at("2027-01-08"));
      if (i === 0) await act(window, { action: "deliver", applicationId, version: 4, method: "collect", idChecked: true }, at("2027-01-12"));
    }
    expect(await days()).toEqual({ review: [2, 2], decide: [2, 1], deliver: [1, 2] });
  });
});

describe("queues by step", () => {
  it("the window sees what to accept and deliver, reviewers what to review, approvers what to decide", async () => {
    const { applicationId } = await fileIdRenewal();
    const inQueue = async (actor: Actor) => (await listClerkQueue(h.db, actor, {}, at("2026-11-24", 12))).rows.some((r) => r.id === applicationId);
    expect([await inQueue(window), await inQueue(reviewer), await inQueue(approver)]).toEqual([true, false, false]);
    await act(window, { action: "accept", applicationId, version: 1 }, at("2026-11-24"));
    expect([await inQueue(window), await inQueue(reviewer), await inQueue(approver)]).toEqual([false, true, false]);
    await act(reviewer, { action: "review", applicationId, version: 2, opinion: "agree", note: "同意" }, at("2026-11-24", 11));
    expect([await inQueue(window), await inQueue(reviewer), await inQueue(approver)]).toEqual([false, false, true]);
    await act(approver, { action: "approve", applicationId, version: 3 }, at("2026-11-24", 11));
    expect([await inQueue(window), await inQueue(reviewer), await inQueue(approver)]).toEqual([true, false, false]);
    const row = (await listClerkQueue(h.db, window, {}, at("2026-11-24", 12))).rows.find((r) => r.id === applicationId);
    expect(row).toMatchObject({ status: "approved", stepKind: "deliver" });
  });
});
