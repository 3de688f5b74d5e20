import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { applicationMaterials, applications, licenceTypes, licenceVerifications, licences } from "@/db/schema";
import { inClerkScope } from "@/lib/applications/clerk-scope";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { checkLicence, type LicenceCheckResult } from "./check-licence";
import { accessActorLabel, recordLicenceAccess } from "./record-licence-access";
import { licenceKeys } from "./signing-key";

export const VERIFY_PURPOSE = "办件材料核验";

/** The verify button of one library material on the clerk's application page. */
export const verifyLicenceSchema = z.object({ applicationId: z.uuid(), materialId: z.uuid() });
export type VerifyLicenceInput = z.infer<typeof verifyLicenceSchema>;

export type VerifyLicenceResult = { result: LicenceCheckResult; verifiedAt: Date; licenceId: string };

/**
 * Checks a library licence attached to an application (signature with the library's public
 * key, then effective status on today's China date) and records the verification — the
 * history row, `verified_at` on the material when it is valid, the holder's access log and
 * the audit row — in one transaction. Out of scope, or not a library material: NOT_FOUND.
 */
export async function verifyLicence(db: Executor, actor: Actor, input: VerifyLicenceInput, now = new Date()): Promise<VerifyLicenceResult> {
  requirePermission(actor, "application:work");
  requirePermission(actor, "licence:read-for-processing");
  const today = toChinaDate(now);
  const { publicKey } = licenceKeys();

  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ licence: licences, typeCode: licenceTypes.code, applicationNumber: applications.number })
      .from(applicationMaterials)
      .innerJoin(
        applications,
        and(eq(applications.id, applicationMaterials.applicationId), eq(applications.applicantPersonId, applicationMaterials.personId)),
      )
      .innerJoin(licences, eq(licences.id, applicationMaterials.licenceId))
      .innerJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
      .where(
        and(
          eq(applicationMaterials.id, input.materialId),
          eq(applicationMaterials.applicationId, input.applicationId),
          eq(applicationMaterials.source, "library"),
          inClerkScope(applications.serviceId, actor),
        ),
      );
    if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
    const { licence } = row;

    const result = checkLicence(licence, row.typeCode, today, publicKey);
    await tx.insert(licenceVerifications).values({
      licenceId: licence.id,
      holderPersonId: licence.holderPersonId,
      verifiedByUserId: actor.id,
      verifierLabel: accessActorLabel(actor),
      method: "signature",
      result,
      applicationId: input.applicationId,
      detail: `${today} ${row.applicationNumber}`,
      verifiedAt: now,
    });
    if (result === "valid") {
      await tx
        .update(applicationMaterials)
        .set({ verifiedAt: now })
        .where(and(eq(applicationMaterials.id, input.materialId), eq(applicationMaterials.applicationId, input.applicationId)));
    }
    await recordLicenceAccess(tx, { licenceIds: [licence.id], actor, purpose: VERIFY_PURPOSE, applicationId: input.applicationId });
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "licence.verify",
      entityType: "licence",
      entityId: licence.id,
      personId: licence.holderPersonId,
      detail: { applicationId: input.applicationId, materialId: input.materialId, result },
    });
    return { result, verifiedAt: now, licenceId: licence.id };
  });
}
