import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { licences, licenceTypes, notifications } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { isValidLicenceIdentifier } from "@/lib/id-number";
import { flagApplicationsRelyingOn, type FlaggedApplication } from "./flag-open-applications";
import type { SystemActor } from "./system-actor";

export const licenceIdentifierSchema = z
  .string()
  .trim()
  .max(120)
  .refine((v) => isValidLicenceIdentifier(v), { message: "errors.api.identifierInvalid" });

export const revokeLicenceSchema = z
  .object({
    reason: z
      .string({ message: "errors.api.reasonRequired" })
      .trim()
      .min(2, { message: "errors.api.reasonRequired" })
      .max(200, { message: "errors.api.reasonRequired" })
      .meta({ description: "Reason for revocation (注销原因); the holder is told.", examples: ["持证人已迁出本市"] }),
  })
  .strict();
export type RevokeLicenceInput = z.output<typeof revokeLicenceSchema>;

export type RevokedLicence = {
  identifier: string;
  status: "revoked";
  statusReason: string;
  statusChangedAt: string;
  flaggedApplications: number;
};

/**
 * An issuing department revokes one of its licences (注销). In one transaction: the status, the
 * reason and the time; every open application relying on it flagged for its clerk; the holder
 * told, and each affected applicant told what to renew; the audit row. A licence of another
 * department's type is FORBIDDEN (the licence itself is public through verification, so saying
 * it exists leaks nothing); one already revoked or superseded is a CONFLICT.
 */
export async function revokeLicence(
  db: Executor,
  system: SystemActor,
  identifier: string,
  input: RevokeLicenceInput,
  { requestId, now = new Date() }: { requestId?: string; now?: Date } = {},
): Promise<RevokedLicence> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        id: licences.id,
        status: licences.status,
        holderPersonId: licences.holderPersonId,
        typeDepartmentId: licenceTypes.issuingDepartmentId,
        typeKey: licenceTypes.key,
        typeNameZh: licenceTypes.nameZh,
        typeNameEn: licenceTypes.nameEn,
      })
      .from(licences)
      .innerJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
      .where(eq(licences.identifier, identifier))
      .for("update", { of: licences });
    if (!found) throw new AppError("NOT_FOUND", "errors.api.notFound", { internal: "revoke: no such licence" });
    if (found.typeDepartmentId !== system.departmentId) {
      throw new AppError("FORBIDDEN", "errors.api.forbidden", { internal: `revoke ${found.typeKey} by another department` });
    }
    if (found.status !== "valid") throw new AppError("CONFLICT", "errors.api.alreadyRevoked", { internal: `revoke a ${found.status} licence` });

    await tx
      .update(licences)
      .set({ status: "revoked", statusReason: input.reason, statusChangedAt: now })
      .where(and(eq(licences.id, found.id), eq(licences.status, "valid")));

    const flagged: FlaggedApplication[] = await flagApplicationsRelyingOn(tx, {
      licenceCondition: sql`${licences.id} = ${found.id}::uuid`,
      reason: sql`${`证照已注销：${found.typeNameZh}（${input.reason}）`}::text`,
      messageKey: "library.notifications.applicationLicenceRevoked",
      kind: "licence_revoked",
      dedupePrefix: "licence-revoked",
      now,
    });

    await tx
      .insert(notifications)
      .values({
        personId: found.holderPersonId,
        kind: "licence_revoked",
        messageKey: "library.notifications.licenceRevoked",
        params: { typeZh: found.typeNameZh, typeEn: found.typeNameEn, reason: input.reason },
        dedupeKey: `licence-revoked:${found.id}`,
        createdAt: now,
      })
      .onConflictDoNothing();

    await recordAudit(tx, {
      actorUserId: null,
      actorRole: null,
      action: "licence.revoke",
      entityType: "licence",
      entityId: identifier,
      personId: found.holderPersonId,
      requestId,
      detail: {
        reason: input.reason,
        departmentId: system.departmentId,
        apiKey: system.keyPrefix,
        flaggedApplications: flagged.map((f) => f.number),
      },
    });
    return {
      identifier,
      status: "revoked",
      statusReason: input.reason,
      statusChangedAt: now.toISOString(),
      flaggedApplications: flagged.length,
    };
  });
}
