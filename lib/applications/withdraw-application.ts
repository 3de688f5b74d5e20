import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applicationEvents, applications, services } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { notifyStatusChange } from "@/lib/notifications/notify-status-change";
import { canWithdraw, parseTrackInput, WITHDRAWABLE_STATUSES, withdrawApplicationSchema, type WithdrawApplicationInput } from "./track-schemas";

export type WithdrawnApplication = { id: string; number: string };

/**
 * The resident withdraws their own application before it is accepted (or while a supplement
 * request is outstanding). Status, version, event, audit row and the notice commit together.
 * The UPDATE repeats the status and version it read, so of two simultaneous withdrawals (or a
 * withdrawal racing the clerk's acceptance) exactly one wins; the other gets CONFLICT.
 */
export async function withdrawApplication(
  db: Executor,
  actor: Actor,
  input: WithdrawApplicationInput,
  now = new Date(),
): Promise<WithdrawnApplication> {
  requirePermission(actor, "application:file");
  const personId = actor.personId;
  if (!personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const { applicationId, reason } = parseTrackInput(withdrawApplicationSchema, input);

  return db.transaction(async (tx) => {
    const owned = and(eq(applications.id, applicationId), eq(applications.applicantPersonId, personId));
    const [app] = await tx
      .select({
        id: applications.id,
        number: applications.number,
        status: applications.status,
        version: applications.version,
        serviceZh: services.nameZh,
        serviceEn: services.nameEn,
        serviceCode: services.code,
      })
      .from(applications)
      .innerJoin(services, eq(services.id, applications.serviceId))
      .where(owned);
    if (!app) throw new AppError("NOT_FOUND", "errors.notFound");
    if (app.status === "withdrawn") throw new AppError("CONFLICT", "track.errors.alreadyWithdrawn");
    if (!canWithdraw(app.status)) {
      throw new AppError("CONFLICT", "track.errors.notWithdrawable", { internal: `withdraw from ${app.status}` });
    }

    const [changed] = await tx
      .update(applications)
      .set({ status: "withdrawn", clockPausedAt: null, version: sql`${applications.version} + 1`, updatedAt: now })
      .where(and(owned, inArray(applications.status, [...WITHDRAWABLE_STATUSES]), eq(applications.version, app.version)))
      .returning({ id: applications.id });
    if (!changed) throw new AppError("CONFLICT", "track.errors.changedMeanwhile", { internal: "version moved during withdrawal" });

    await tx.insert(applicationEvents).values({
      applicationId: app.id,
      personId,
      fromStatus: app.status,
      toStatus: "withdrawn",
      actorUserId: actor.id,
      actorRole: actor.role,
      note: reason,
      occurredAt: now,
    });
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "application.withdraw",
      entityType: "application",
      entityId: app.id,
      personId,
      detail: { service: app.serviceCode, from: app.status, withReason: reason !== null },
    });
    await notifyStatusChange(tx, {
      personId,
      applicationId: app.id,
      messageKey: "applicationWithdrawn",
      params: { number: app.number, serviceZh: app.serviceZh, serviceEn: app.serviceEn },
      now,
    });
    return { id: app.id, number: app.number };
  });
}
