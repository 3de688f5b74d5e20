import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { licences, licenceTypes, persons } from "@/db/schema";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { parseResidentId } from "@/lib/id-number";
import { toLicenceMetadata, type LicenceMetadata, type LicenceMetadataRow } from "./core-metadata";
import { effectiveStatusSql } from "./effective-status";
import { recordSystemLicenceAccess, type SystemActor } from "./system-actor";

/** A resident ID number in a request body; the message says which part is wrong. */
export const holderIdNumberSchema = z
  .string({ message: "validation.idNumber.empty" })
  .trim()
  .superRefine((value, ctx) => {
    const parsed = parseResidentId(value);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: `validation.idNumber.${parsed.error}` });
  })
  .meta({ description: "Holder's resident ID number (GB 11643, 18 characters). Sent in the body, never in a URL.", examples: ["440304199405121287"] });

export const licenceTypeKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, { message: "errors.api.typeKeyFormat" })
  .meta({ description: "licence_types key, e.g. residence_permit", examples: ["residence_permit"] });

export const searchLicencesSchema = z
  .object({
    holderIdNumber: holderIdNumberSchema,
    types: z.array(licenceTypeKeySchema).min(1, { message: "errors.api.typesRequired" }).max(20),
    purpose: z
      .string({ message: "errors.api.purposeRequired" })
      .trim()
      .min(2, { message: "errors.api.purposeRequired" })
      .max(200, { message: "errors.api.purposeRequired" })
      .meta({ description: "Reason for use (申请事由); shown to the holder in “who used my data”.", examples: ["居住证签注核验"] }),
  })
  .strict();
export type SearchLicencesInput = z.output<typeof searchLicencesSchema>;

/** The metadata columns every API read selects (with the effective status for `today`). */
export const metadataColumns = (today: string) => ({
  id: licences.id,
  identifier: licences.identifier,
  typeKey: licenceTypes.key,
  typeNameZh: licenceTypes.nameZh,
  typeNameEn: licenceTypes.nameEn,
  typeCode: licenceTypes.code,
  typeDepartmentId: licenceTypes.issuingDepartmentId,
  licenceNumber: licences.licenceNumber,
  issuerName: licences.issuerName,
  issuerCode: licences.issuerCode,
  issuedOn: licences.issuedOn,
  jurisdictionCode: licences.jurisdictionCode,
  holderName: licences.holderName,
  holderCode: licences.holderCode,
  holderCodeType: licences.holderCodeType,
  validFrom: licences.validFrom,
  validUntil: licences.validUntil,
  version: licences.version,
  status: effectiveStatusSql(today),
  statusReason: licences.statusReason,
});

/**
 * A department's system reads a resident's licences of the given types. The purpose is
 * mandatory and every licence returned is logged (in this transaction) in the holder's
 * "who used my data". One query on licences_holder_type_idx after the person look-up.
 */
export async function searchLicences(
  db: Executor,
  system: SystemActor,
  input: SearchLicencesInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ licences: LicenceMetadata[] }> {
  const today = toChinaDate(now);
  return db.transaction(async (tx) => {
    const [holder] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.idNumber, input.holderIdNumber.toUpperCase()));
    if (!holder) throw new AppError("NOT_FOUND", "errors.api.holderNotFound");
    const rows = await tx
      .select(metadataColumns(today))
      .from(licences)
      .innerJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
      .where(and(eq(licences.holderPersonId, holder.id), inArray(licenceTypes.key, [...new Set(input.types)])))
      .orderBy(asc(licenceTypes.key), desc(licences.validFrom), asc(licences.id));
    await recordSystemLicenceAccess(tx, { licenceIds: rows.map((r) => r.id), system, purpose: input.purpose });
    return { licences: rows.map((r) => toLicenceMetadata(r as LicenceMetadataRow, system.departmentId)) };
  });
}
