import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, ratingFollowUps, ratings } from "@/db/schema";
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
import { getMyRating, rateApplication } from "./rate-application";

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

async function completedFor() {
  const made = await createCitizenUser(h.db, "Secret2026");
  const app = await createApplicationInStatus(h.db, made.person.id, serviceId, "completed");
  return { ...made, actor: citizenActor(made), app };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const ratingsOf = (applicationId: string) => h.db.select().from(ratings).where(eq(ratings.applicationId, applicationId));

describe("rating a completed application (好差评)", () => {
  it("records the score and comment with an audit row, and shows it back", async () => {
    const { person, user, actor, app } = await completedFor();
    const given = await rateApplication(h.db, actor, { applicationId: app.id, score: "5", comment: " 很快，不用跑腿 " }, NOW);
    expect(given).toMatchObject({ score: 5, comment: "很快，不用跑腿" });
    expect(await ratingsOf(app.id)).toHaveLength(1);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, app.id), eq(auditLog.action, "application.rate")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: user.id, personId: person.id, detail: { score: 5, withComment: true } });
    expect(await getMyRating(h.db, actor, app.id)).toMatchObject({ score: 5, comment: "很快，不用跑腿" });
  });

  it.each([1, 2])("opens a follow-up for a poor score of %i, due 15 working days later", async (score) => {
    const { person, app } = await completedFor().then(async (c) => {
      await rateApplication(h.db, c.actor, { applicationId: c.app.id, score, comment: "等了很久没人回复" }, NOW);
      return c;
    });
    const rows = await h.db.select().from(ratingFollowUps).where(eq(ratingFollowUps.applicationId, app.id));
    // Mon 23 Nov 2026 + 15 working days (no holidays in between) = Mon 14 Dec.
    expect(rows).toEqual([
      expect.objectContaining({ personId: person.id, serviceId, score, dueOn: "2026-12-14", status: "open", closedAt: null, version: 1 }),
    ]);
  });

  it.each([3, 4, 5])("opens no follow-up for a score of %i", async (score) => {
    const { actor, app } = await completedFor();
    await rateApplication(h.db, actor, { applicationId: app.id, score, comment: "还行" }, NOW);
    expect(await h.db.select().from(ratingFollowUps).where(eq(ratingFollowUps.applicationId, app.id))).toEqual([]);
  });

  it("accepts a good score without a comment", async () => {
    const { actor, app } = await completedFor();
    expect(await rateApplication(h.db, actor, { applicationId: app.id, score: 4, comment: "" }, NOW)).toMatchObject({ score: 4, comment: null });
  });

  it("refuses a second rating with CONFLICT and keeps the first", async () => {
    const { actor, app } = await completedFor();
    await rateApplication(h.db, actor, { applicationId: app.id, score: 4 }, NOW);
    const e = await refusal(rateApplication(h.db, actor, { applicationId: app.id, score: 1, comment: "改主意了" }, NOW));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "track.errors.alreadyRated" });
    const rows = await ratingsOf(app.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.score).toBe(4);
  });

  it("leaves one row when two ratings arrive at once", async () => {
    const { actor, app } = await completedFor();
    const results = await Promise.allSettled([
      rateApplication(h.db, actor, { applicationId: app.id, score: 5 }, NOW),
      rateApplication(h.db, actor, { applicationId: app.id, score: 3 }, NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason instanceof AppError && rejected.reason.code).toBe("CONFLICT");
    expect(await ratingsOf(app.id)).toHaveLength(1);
  });

  it.each([1, 2])("refuses a poor score of %i without a comment, naming the comment field", async (score) => {
    const { actor, app } = await completedFor();
    for (const comment of [undefined, "", "   "]) {
      const e = await refusal(rateApplication(h.db, actor, { applicationId: app.id, score, comment }, NOW));
      expect(e.code).toBe("VALIDATION");
      expect(e.fieldErrors).toEqual({ comment: "validation.track.commentRequired" });
    }
    expect(await ratingsOf(app.id)).toHaveLength(0);
    expect(await rateApplication(h.db, actor, { applicationId: app.id, score, comment: "等了很久没人回复" }, NOW)).toMatchObject({ score });
  });

  it.each([0, 6, 2.5, "x"])("refuses a score of %s", async (score) => {
    const { actor, app } = await completedFor();
    const e = await refusal(rateApplication(h.db, actor, { applicationId: app.id, score, comment: "理由" }, NOW));
    expect(e.fieldErrors).toEqual({ score: "validation.track.scoreRequired" });
  });

  it("refuses a comment over 500 characters", async () => {
    const { actor, app } = await completedFor();
    const e = await refusal(rateApplication(h.db, actor, { applicationId: app.id, score: 5, comment: "好".repeat(501) }, NOW));
    expect(e.fieldErrors).toEqual({ comment: "validation.track.commentTooLong" });
    expect(await rateApplication(h.db, actor, { applicationId: app.id, score: 5, comment: "好".repeat(500) }, NOW)).toMatchObject({ score: 5 });
  });

  it.each(["submitted", "accepted", "rejected", "withdrawn"] as const)("refuses to rate an application that is %s", async (status) => {
    const made = await createCitizenUser(h.db, "Secret2026");
    const app = await createApplicationInStatus(h.db, made.person.id, serviceId, status);
    const e = await refusal(rateApplication(h.db, citizenActor(made), { applicationId: app.id, score: 5 }, NOW));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "track.errors.notRatable" });
    expect(await ratingsOf(app.id)).toHaveLength(0);
  });

  it("answers NOT_FOUND for another resident's application and never shows their rating", async () => {
    const owner = await completedFor();
    await rateApplication(h.db, owner.actor, { applicationId: owner.app.id, score: 5 }, NOW);
    const other = await createCitizenUser(h.db, "Secret2026");
    const otherActor = citizenActor(other);
    const e = await refusal(rateApplication(h.db, otherActor, { applicationId: owner.app.id, score: 1, comment: "差" }, NOW));
    expect(e.code).toBe("NOT_FOUND");
    expect(await getMyRating(h.db, otherActor, owner.app.id)).toBeNull();
    const submitted = await createApplication(h.db, owner.person.id, serviceId);
    expect(await getMyRating(h.db, owner.actor, submitted.id)).toBeNull();
  });
});
