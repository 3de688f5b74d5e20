import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { licences, licenceTypes, licenceVerifications } from "@/db/schema";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { checkLicence, type LicenceCheckResult } from "./check-licence";
import { licenceKeys } from "./signing-key";
import { maskPersonName } from "@/lib/persons/mask-name";
import { systemActorLabel, type SystemActor } from "./system-actor";

export const verificationResultSchema = z
  .object({
    identifier: z.string(),
    result: z.enum(["valid", "expired", "revoked", "superseded", "bad_signature"]).meta({
      description: "valid; expired / revoked / superseded (effective status); bad_signature = the record does not match the library's signature",
    }),
    valid: z.boolean(),
    typeName: z.string(),
    typeCode: z.string(),
    issuer: z.string(),
    issuerCode: z.string(),
    holder: z.string().meta({ description: "Holder's name, masked (李*梅)" }),
    validFrom: z.iso.date(),
    validUntil: z.iso.date().nullable(),
    version: z.number().int(),
    checkedOn: z.iso.date(),
  });
export type VerificationResult = z.infer<typeof verificationResultSchema>;

/**
 * Verifies a licence by identifier for a department's system: the signature over the canonical
 * fields, then the effective status (`checkLicence`), and a `licence_verifications` row
 * (method "api"). Minimal metadata only: the holder's name masked, no ID number, no fields —
 * the caller already holds the certificate and only asks whether it stands.
 */
export async function verifyLicenceByIdentifier(
  db: Executor,
  system: SystemActor,
  identifier: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<VerificationResult> {
  const today = toChinaDate(now);
  const [found] = await db
    .select({ licence: licences, typeCode: licenceTypes.code, typeNameZh: licenceTypes.nameZh })
    .from(licences)
    .innerJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
    .where(eq(licences.identifier, identifier));
  if (!found) throw new AppError("NOT_FOUND", "errors.api.notFound", { internal: "verify: no such licence" });
  const { licence } = found;
  const result: LicenceCheckResult = checkLicence(licence, found.typeCode, today, licenceKeys().publicKey);
  await db.insert(licenceVerifications).values({
    licenceId: licence.id,
    holderPersonId: licence.holderPersonId,
    verifiedByUserId: null,
    verifierLabel: systemActorLabel(system),
    method: "api",
    result,
    detail: `api key ${system.keyPrefix}`,
    verifiedAt: now,
  });
  return {
    identifier: licence.identifier,
    result,
    valid: result === "valid",
    typeName: found.typeNameZh,
    typeCode: found.typeCode,
    issuer: licence.issuerName,
    issuerCode: licence.issuerCode,
    holder: maskPersonName(licence.holderName),
    validFrom: licence.validFrom,
    validUntil: licence.validUntil,
    version: licence.version,
    checkedOn: today,
  };
}
