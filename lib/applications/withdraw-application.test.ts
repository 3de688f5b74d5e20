import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applicationEvents, applications, auditLog, notifications } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { AppError } from "@/lib/errors";
import {
  citizenActor,
  createApplication,
  createApplicationInStatus,
  createCitizenUser,
  createDepartment,
  createService,
} from "@/lib/testing/factories";
import { withdrawApplication } from "./withdraw-application";

let h: DbHandle;
let serviceId: string;
beforeAll(async () => {
  h = await createTestDatabase();
  serviceId = (await createService(h.db, (await createDepartment(h.db)).id)).id;
});
afterAll(async () => {
  await h.close();
});

const NOW = new Date("2026-11-23T02:00:00Z");

async function resident() {
  const made = await createCitizenUser(h.db, "Secret2026");
  return { ...made, actor: citizenActor(made) };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const withdrawnEvents = (applicationId: string) =>
  h.db
    .select()
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, applicationId), eq(applicationEvents.toStatus, "withdrawn")));

describe("withdrawing an application", () => {
  it("withdraws a submitted application: status, version, event with the reason, audit row and a notice", async () => {
    const { person, user, actor } = await resident();
    const app = await createApplication(h.db, person.id, serviceId);

    const result = await withdrawApplication(h.db, actor, { applicationId: app.id, reason: "  已在线下办理  " }, NOW);
    expect(result).toEqual({ id: app.id, number: app.number });

    const [row] = await h.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row).toMatchObject({ status: "withdrawn", version: app.version + 1 });
    const events = await withdrawnEvents(app.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStatus: "submitted", actorUserId: user.id, actorRole: "citizen", note: "已在线下办理" });
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, app.id), eq(auditLog.action, "application.withdraw")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: user.id, personId: person.id });
    const notices = await h.db.select().from(notifications).where(eq(notifications.applicationId, app.id));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ personId: person.id, messageKey: "applicationWithdrawn", readAt: null });
    expect(notices[0]?.params).toMatchObject({ number: app.number });
  });

  it("withdraws while a supplement is outstanding, and the reason is optional", async () => {
    const { person, actor } = await resident();
    const app = await createApplicationInStatus(h.db, person.id, serviceId, "supplement_requested");
    await withdrawApplication(h.db, actor, { applicationId: app.id }, NOW);
    const events = await withdrawnEvents(app.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStatus: "supplement_requested", note: null });
  });

  it("answers NOT_FOUND for another resident's application, exactly as for a missing one, and changes nothing", async () => {
    const owner = await resident();
    const other = await resident();
    const app = await createApplication(h.db, owner.person.id, serviceId);

    expect((await refusal(withdrawApplication(h.db, other.actor, { applicationId: app.id }, NOW))).code).toBe("NOT_FOUND");
    expect((await refusal(withdrawApplication(h.db, other.actor, { applicationId: crypto.randomUUID() }, NOW))).code).toBe("NOT_FOUND");
    const [row] = await h.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row?.status).toBe("submitted");
    expect(await withdrawnEvents(app.id)).toHaveLength(0);
  });

  it.each(["accepted", "approved", "completed", "rejected", "withdrawn"] as const)("refuses from %s with CONFLICT", async (status) => {
    const { person, actor } = await resident();
    const app = await createApplicationInStatus(h.db, person.id, serviceId, status);
    const e = await refusal(withdrawApplication(h.db, actor, { applicationId: app.id }, NOW));
    expect(e.code).toBe("CONFLICT");
    expect(e.messageKey).toBe(status === "withdrawn" ? "track.errors.alreadyWithdrawn" : "track.errors.notWithdrawable");
    const [row] = await h.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row).toMatchObject({ status, version: app.version });
  });

  it("lets exactly one of two simultaneous withdrawals win", async () => {
    const { person, actor } = await resident();
    const app = await createApplication(h.db, person.id, serviceId);
    const results = await Promise.allSettled([
      withdrawApplication(h.db, actor, { applicationId: app.id, reason: "一" }, NOW),
      withdrawApplication(h.db, actor, { applicationId: app.id, reason: "二" }, NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason instanceof AppError && rejected.reason.code).toBe("CONFLICT");
    expect(await withdrawnEvents(app.id)).toHaveLength(1);
    expect(await h.db.select().from(notifications).where(eq(notifications.applicationId, app.id))).toHaveLength(1);
    const [row] = await h.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row?.version).toBe(app.version + 1);
  });

  it("refuses once the clerk has accepted it in the meantime", async () => {
    const { person, actor } = await resident();
    const app = await createApplication(h.db, person.id, serviceId);
    // The clerk accepts (and bumps the version) while the resident's request is on its way.
    await h.db.update(applications).set({ status: "accepted", version: app.version + 1 }).where(eq(applications.id, app.id));
    const e = await refusal(withdrawApplication(h.db, actor, { applicationId: app.id }, NOW));
    expect(e.code).toBe("CONFLICT");
    expect(await withdrawnEvents(app.id)).toHaveLength(0);
  });

  it("refuses a reason over 200 characters with VALIDATION on the reason field", async () => {
    const { person, actor } = await resident();
    const app = await createApplication(h.db, person.id, serviceId);
    const e = await refusal(withdrawApplication(h.db, actor, { applicationId: app.id, reason: "因".repeat(201) }, NOW));
    expect(e.code).toBe("VALIDATION");
    expect(e.fieldErrors).toEqual({ reason: "validation.track.reasonTooLong" });
  });

  it("refuses staff, who have no applications of their own", async () => {
    const { person } = await resident();
    const app = await createApplication(h.db, person.id, serviceId);
    const clerk = { id: crypto.randomUUID(), role: "clerk" as const, displayName: "窗口", personId: null, departmentId: null, centreId: null };
    expect((await refusal(withdrawApplication(h.db, clerk, { applicationId: app.id }, NOW))).code).toBe("FORBIDDEN");
  });
});
