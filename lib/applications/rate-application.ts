import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, ratingFollowUps, ratings, services } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { addWorkingDays, toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { parseTrackInput, rateApplicationSchema, type RateApplicationInput } from "./track-schemas";

export type MyRating = { score: number; comment: string | null; createdAt: Date };

/**
 * 好差评: the resident rates their own completed application, once. "Once" is the unique
 * constraint on ratings.application_id (INSERT … ON CONFLICT DO NOTHING), not a read before
 * the write, so two simultaneous ratings still leave one row. A score of 2 or less needs a comment
 * and opens a follow-up (好差评整改) for the supervisors, due in 15 working days, in the same
 * transaction.
 */
export async function rateApplication(
  db: Executor,
  actor: Actor,
  input: RateApplicationInput,
  now = new Date(),
): Promise<MyRating> {
  requirePermission(actor, "application:read-own");
  const personId = actor.personId;
  if (!personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const { applicationId, score, comment } = parseTrackInput(rateApplicationSchema, input);

  return db.transaction(async (tx) => {
    const [app] = await tx
      .select({
        id: applications.id,
        status: applications.status,
        serviceId: applications.serviceId,
        centreId: applications.centreId,
        serviceCode: services.code,
      })
      .from(applications)
      .innerJoin(services, eq(services.id, applications.serviceId))
      .where(and(eq(applications.id, applicationId), eq(applications.applicantPersonId, personId)));
    if (!app) throw new AppError("NOT_FOUND", "errors.notFound");
    // Completed is a final state, so this read cannot go stale before the insert.
    if (app.status !== "completed") {
      throw new AppError("CONFLICT", "track.errors.notRatable", { internal: `rate in ${app.status}` });
    }
    const [created] = await tx
      .insert(ratings)
      .values({ applicationId: app.id, personId, score, comment, createdAt: now })
      .onConflictDoNothing({ target: ratings.applicationId })
      .returning({ id: ratings.id, score: ratings.score, comment: ratings.comment, createdAt: ratings.createdAt });
    if (!created) throw new AppError("CONFLICT", "track.errors.alreadyRated");
    if (score <= 2) {
      await tx.insert(ratingFollowUps).values({
        ratingId: created.id,
        applicationId: app.id,
        personId,
        serviceId: app.serviceId,
        centreId: app.centreId,
        score,
        dueOn: addWorkingDays(toChinaDate(now), 15),
        createdAt: now,
      });
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "application.rate",
      entityType: "application",
      entityId: app.id,
      personId,
      detail: { service: app.serviceCode, score, withComment: comment !== null },
    });
    return { score: created.score, comment: created.comment, createdAt: created.createdAt };
  });
}

/** The rating the resident gave one of their own applications, if any. */
export async function getMyRating(db: Executor, actor: Actor, applicationId: string): Promise<MyRating | null> {
  requirePermission(actor, "application:read-own");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const [row] = await db
    .select({ score: ratings.score, comment: ratings.comment, createdAt: ratings.createdAt })
    .from(ratings)
    .where(and(eq(ratings.applicationId, applicationId), eq(ratings.personId, actor.personId)));
  return row ?? null;
}
