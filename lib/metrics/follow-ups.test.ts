import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, ratingFollowUps } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { rateApplication } from "@/lib/applications/rate-application";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { citizenActor, createApplicationInStatus, createCitizenUser, createDepartment, createService, createStaffUser } from "@/lib/testing/factories";
import { createCentre, seedCalendar } from "@/lib/testing/metrics-factories";
import { closeFollowUp } from "./close-follow-up";
import { getDashboard } from "./get-dashboard";
import { listFollowUps } from "./list-follow-ups";

let h: DbHandle;
let serviceId: string;
let supervisor: Actor;
let otherCentreSupervisor: Actor;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedCalendar(h.db);
  serviceId = (await createService(h.db, (await createDepartment(h.db)).id)).id;
  const user = await createStaffUser(h.db, "Secret2026", { role: "supervisor" });
  supervisor = { id: user.id, role: "supervisor", displayName: user.displayName, personId: null, departmentId: null, centreId: null };
  const otherCentre = await createCentre(h.db, []);
  otherCentreSupervisor = { ...supervisor, centreId: otherCentre.id };
});
afterAll(async () => {
  await h.close();
});

async function poorRating(at: Date, score = 1) {
  const made = await createCitizenUser(h.db, "Secret2026");
  const app = await createApplicationInStatus(h.db, made.person.id, serviceId, "completed");
  await rateApplication(h.db, citizenActor(made), { applicationId: app.id, score, comment: "窗口排队太久" }, at);
  const [f] = await h.db.select().from(ratingFollowUps).where(eq(ratingFollowUps.applicationId, app.id));
  if (!f) throw new Error("no follow-up");
  return f;
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("好差评整改: follow-ups of poor ratings", () => {
  it("lists open ones first, overdue before due, and closes one with an audit row", async () => {
    const NOW = new Date("2026-11-20T04:00:00Z");
    const old = await poorRating(new Date("2026-10-09T02:00:00Z")); // 15 working days (make-up Sat 10 Oct counts): 29 Oct — overdue
    const recent = await poorRating(new Date("2026-11-18T02:00:00Z"), 2);
    const list = await listFollowUps(h.db, supervisor, { status: "open" }, NOW);
    const order = list.rows.map((r) => r.id);
    expect(order.indexOf(old.id)).toBeLessThan(order.indexOf(recent.id));
    expect(list.rows.find((r) => r.id === old.id)).toMatchObject({ dueOn: "2026-10-29", overdue: true, comment: "窗口排队太久" });
    expect(list.counts.overdue).toBeGreaterThanOrEqual(1);

    const closed = await closeFollowUp(h.db, supervisor, { id: recent.id, version: 1, actionTaken: "已致电申请人致歉并说明原因" }, NOW);
    expect(closed.version).toBe(2);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, recent.id), eq(auditLog.action, "rating.follow_up.close")));
    expect(audit).toHaveLength(1);
    const after = await listFollowUps(h.db, supervisor, { status: "closed" }, NOW);
    expect(after.rows.find((r) => r.id === recent.id)).toMatchObject({ status: "closed", closedInTime: true, closedBy: supervisor.displayName });
  });

  it("refuses a stale version or a second close with CONFLICT, and another centre's supervisor with NOT_FOUND", async () => {
    const f = await poorRating(new Date("2026-11-02T02:00:00Z"));
    expect((await refusal(closeFollowUp(h.db, otherCentreSupervisor, { id: f.id, version: 1, actionTaken: "已处理完毕了" }))).code).toBe("NOT_FOUND");
    expect((await refusal(closeFollowUp(h.db, supervisor, { id: f.id, version: 2, actionTaken: "已处理完毕了" }))).code).toBe("CONFLICT");
    const results = await Promise.allSettled([
      closeFollowUp(h.db, supervisor, { id: f.id, version: 1, actionTaken: "甲：已处理完毕" }),
      closeFollowUp(h.db, supervisor, { id: f.id, version: 1, actionTaken: "乙：已处理完毕" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const e = await refusal(closeFollowUp(h.db, supervisor, { id: f.id, version: 2, actionTaken: "再关一次看看" }));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "errors.metrics.followUpClosed" });
    const v = await refusal(closeFollowUp(h.db, supervisor, { id: f.id, version: 2, actionTaken: " " }));
    expect(v.fieldErrors).toEqual({ actionTaken: "followUps.validation.actionTakenRequired" });
  });

  it("counts the share followed up in time on the dashboard", async () => {
    const NOW = new Date("2026-12-31T04:00:00Z");
    const inTime = await poorRating(new Date("2026-12-01T02:00:00Z"));
    await closeFollowUp(h.db, supervisor, { id: inTime.id, version: 1, actionTaken: "已整改并回访申请人" }, new Date("2026-12-03T02:00:00Z"));
    const late = await poorRating(new Date("2026-12-02T02:00:00Z"));
    await closeFollowUp(h.db, supervisor, { id: late.id, version: 1, actionTaken: "已整改并回访申请人" }, new Date("2026-12-30T02:00:00Z"));
    await poorRating(new Date("2026-12-04T02:00:00Z")); // open, due 25 Dec: past due
    await poorRating(new Date("2026-12-29T02:00:00Z")); // open, not yet due: not counted
    const d = await getDashboard(h.db, supervisor, { from: "2026-12-01", to: "2026-12-31" }, NOW);
    expect(d.followUps).toEqual({ due: 3, inTime: 1, share: 1 / 3 });
  });
});
