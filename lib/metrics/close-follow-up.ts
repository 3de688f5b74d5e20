import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ratingFollowUps } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { closeFollowUpSchema, type CloseFollowUpInput } from "./follow-up-schemas";
import { inSupervisorScope } from "./supervisor-scope";

/**
 * Closes a follow-up with what was done. Optimistic: the version the supervisor saw must still
 * be current, so of two supervisors closing at once exactly one wins; the other gets CONFLICT.
 * Outside the supervisor's jurisdiction the follow-up does not exist (NOT_FOUND).
 */
export async function closeFollowUp(db: Executor, actor: Actor, input: CloseFollowUpInput, now = new Date()) {
  requirePermission(actor, "metrics:read");
  if (actor.role !== "supervisor") throw new AppError("FORBIDDEN", "errors.forbidden", { internal: "only supervisors close follow-ups" });
  const parsed = closeFollowUpSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), `followUps.${i.message}`]));
    throw new AppError("VALIDATION", "errors.validation", { fieldErrors });
  }
  const { id, version, actionTaken } = parsed.data;
  return db.transaction(async (tx) => {
    const visible = and(eq(ratingFollowUps.id, id), inSupervisorScope(ratingFollowUps.serviceId, actor));
    const [current] = await tx
      .select({ status: ratingFollowUps.status, version: ratingFollowUps.version, applicationId: ratingFollowUps.applicationId, personId: ratingFollowUps.personId })
      .from(ratingFollowUps)
      .where(visible)
      .for("update");
    if (!current) throw new AppError("NOT_FOUND", "errors.notFound");
    if (current.status === "closed") throw new AppError("CONFLICT", "errors.metrics.followUpClosed");
    if (current.version !== version) throw new AppError("CONFLICT", "errors.metrics.followUpStale", { internal: `saw ${version}, now ${current.version}` });
    const [closed] = await tx
      .update(ratingFollowUps)
      .set({ status: "closed", actionTaken, closedAt: now, closedByUserId: actor.id, version: version + 1 })
      .where(and(eq(ratingFollowUps.id, id), eq(ratingFollowUps.version, version)))
      .returning({ id: ratingFollowUps.id, version: ratingFollowUps.version, dueOn: ratingFollowUps.dueOn });
    if (!closed) throw new AppError("CONFLICT", "errors.metrics.followUpStale");
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "rating.follow_up.close",
      entityType: "rating_follow_up",
      entityId: id,
      personId: current.personId,
      detail: { applicationId: current.applicationId, length: actionTaken.length },
    });
    return closed;
  });
}
