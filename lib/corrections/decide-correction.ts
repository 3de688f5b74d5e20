import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { correctionRequests, notifications, persons } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { attributeLabels, correctedValueSchema, isCorrectable, type decideCorrectionSchema } from "./schemas";

/** Notification message keys, rendered from the "corrections" namespace (corrections.json). */
export const CORRECTION_NOTICE_KEYS = {
  corrected: "corrections.notice.corrected",
  declined: "corrections.notice.declined",
} as const;

/** The persons column of each correctable attribute, and the register timestamp it bumps. */
const columns = {
  name: persons.name,
  hukouAddress: persons.hukouAddress,
  residenceAddress: persons.residenceAddress,
  phone: persons.phone,
} as const;
const stamps = {
  hukou: "hukouUpdatedAt",
  residence: "residenceUpdatedAt",
  marital: "maritalUpdatedAt",
} as const;

export type DecidedCorrection = { id: string; status: "corrected" | "declined"; version: number };

/**
 * A clerk of the department that keeps the register decides a correction request: *correct*
 * writes the value into the base register (only the attribute the request names, and only an
 * attribute that may be corrected from the queue) and bumps that register's timestamp;
 * *decline* keeps the register and tells the resident why. The request's version is the lock:
 * two clerks deciding at once leave one decision. Request, register, audit row (before/after)
 * and the resident's notice commit together.
 */
export async function decideCorrection(
  db: Executor,
  actor: Actor,
  input: z.output<typeof decideCorrectionSchema>,
  now = new Date(),
): Promise<DecidedCorrection> {
  requirePermission(actor, "application:process");
  const departmentId = actor.departmentId;
  if (!departmentId) throw new AppError("NOT_FOUND", "errors.notFound");

  return db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(correctionRequests)
      .where(and(eq(correctionRequests.id, input.id), eq(correctionRequests.departmentId, departmentId)));
    if (!request) throw new AppError("NOT_FOUND", "errors.notFound");
    if (request.status !== "open") throw new AppError("CONFLICT", "errors.corrections.alreadyDecided");
    if (request.version !== input.version) throw new AppError("CONFLICT", "errors.corrections.changed");

    let detail: Record<string, unknown> = { register: request.register, field: request.field, note: input.note || null };
    let value = "";
    if (input.decision === "correct") {
      const field = request.field as keyof typeof columns;
      const register = request.register as keyof typeof stamps;
      if (!isCorrectable(request.register, request.field) || !(field in columns) || !(register in stamps)) {
        throw new AppError("VALIDATION", "errors.corrections.notCorrectable");
      }
      const parsed = correctedValueSchema(field).safeParse(input.value || request.proposedValue || "");
      if (!parsed.success) {
        throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { value: `validation.${parsed.error.issues[0]?.message ?? "invalid"}` } });
      }
      value = parsed.data;
      const [before] = await tx
        .select({ value: columns[field] })
        .from(persons)
        .where(eq(persons.id, request.personId))
        .for("update");
      if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
      await tx
        .update(persons)
        .set({ [field]: value, [stamps[register]]: now })
        .where(eq(persons.id, request.personId));
      detail = { ...detail, before: before.value, after: value };
    }

    const status = input.decision === "correct" ? ("corrected" as const) : ("declined" as const);
    const [updated] = await tx
      .update(correctionRequests)
      .set({
        status,
        decidedByUserId: actor.id,
        decidedAt: now,
        decisionNote: input.note || null,
        version: sql`${correctionRequests.version} + 1`,
      })
      .where(and(eq(correctionRequests.id, request.id), eq(correctionRequests.version, input.version), eq(correctionRequests.status, "open")))
      .returning({ version: correctionRequests.version });
    if (!updated) throw new AppError("CONFLICT", "errors.corrections.changed");

    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: `correction.${input.decision}`,
      entityType: "correction_request",
      entityId: request.id,
      personId: request.personId,
      detail,
    });
    await tx
      .insert(notifications)
      .values({
        personId: request.requestedByPersonId,
        kind: "correction",
        messageKey: CORRECTION_NOTICE_KEYS[status],
        params: {
          fieldZh: attributeLabels[request.field]?.zh ?? request.field,
          fieldEn: attributeLabels[request.field]?.en ?? request.field,
          value,
          note: input.note,
        },
        dedupeKey: `correction:${request.id}`,
        createdAt: now,
      })
      .onConflictDoNothing();
    return { id: request.id, status, version: updated.version };
  });
}
