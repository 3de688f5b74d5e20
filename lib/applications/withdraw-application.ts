import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, services } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { applyTransition } from "./lifecycle/apply-transition";
import { settleDependents } from "./prerequisites";
import { canWithdraw, parseTrackInput, withdrawApplicationSchema, type WithdrawApplicationInput } from "./track-schemas";

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

    await applyTransition(tx, {
      action: "withdraw",
      actor,
      app: { id: app.id, personId, status: app.status, version: app.version },
      events: [{ from: app.status, to: "withdrawn", note: reason }],
      set: { clockPausedAt: null, stepKind: null, stepDueOn: null },
      audit: { service: app.serviceCode, withReason: reason !== null },
      notice: { key: "applicationWithdrawn", params: { number: app.number, serviceZh: app.serviceZh, serviceEn: app.serviceEn } },
      now,
      stale: () => new AppError("CONFLICT", "track.errors.changedMeanwhile", { internal: "version moved during withdrawal" }),
    });
    // Whatever waited for this application's certificate is released to the resident to provide.
    await settleDependents(tx, { id: app.id, number: app.number, serviceZh: app.serviceZh, serviceEn: app.serviceEn }, { approved: false }, now);
    return { id: app.id, number: app.number };
  });
}
