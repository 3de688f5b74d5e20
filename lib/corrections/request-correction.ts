import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { correctionRequests, departments } from "@/db/schema";
import { loadApplicantContext } from "@/lib/applications/applicant-context";
import { registers, resolvePrefill } from "@/lib/applications/prefill";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { requestCorrectionSchema } from "./schemas";

export type RequestedCorrection = {
  id: string;
  status: "open" | "corrected" | "declined";
  /** False when an open request for the same value already existed and is returned instead. */
  created: boolean;
};

/**
 * A resident flags a pre-filled value as wrong. Whose value it is comes from the family the
 * register links to the resident (anyone else is NOT_FOUND); the register, its owning
 * department and the current value are taken from the server, never from the browser. One
 * open request per (person, attribute): asking again returns the open one.
 */
export async function requestCorrection(
  db: Executor,
  actor: Actor,
  input: z.output<typeof requestCorrectionSchema>,
  now = new Date(),
): Promise<RequestedCorrection> {
  requirePermission(actor, "portal:citizen");
  const requesterId = actor.personId;
  if (!requesterId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const [who, attribute] = input.prefill.split(".", 2) as [string, string];
  if (who === "child" && !input.subjectPersonId) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "child value without a child" });
  const ctx = await loadApplicantContext(db, requesterId, who === "child" ? input.subjectPersonId : null);
  const target = who === "person" ? ctx.person : who === "spouse" ? ctx.spouse : ctx.subject;
  const resolved = resolvePrefill(input.prefill, ctx);
  if (!target || !resolved) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "no such value on the resident's form" });

  const [department] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.code, registers[resolved.register]));
  if (!department) throw new Error(`no department keeps the ${resolved.register} register`);

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(correctionRequests)
      .values({
        personId: target.id,
        requestedByPersonId: requesterId,
        register: resolved.register,
        field: attribute,
        departmentId: department.id,
        currentValue: resolved.value,
        proposedValue: input.proposedValue || null,
        reason: input.reason,
        serviceCode: input.serviceCode,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: correctionRequests.id });
    if (!created) {
      const [open] = await tx
        .select({ id: correctionRequests.id })
        .from(correctionRequests)
        .where(
          and(eq(correctionRequests.personId, target.id), eq(correctionRequests.field, attribute), eq(correctionRequests.status, "open")),
        );
      if (!open) throw new AppError("CONFLICT", "errors.corrections.changed");
      return { id: open.id, status: "open" as const, created: false };
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "correction.request",
      entityType: "correction_request",
      entityId: created.id,
      personId: target.id,
      detail: { register: resolved.register, field: attribute, requestedBy: requesterId, serviceCode: input.serviceCode },
    });
    return { id: created.id, status: "open" as const, created: true };
  });
}
