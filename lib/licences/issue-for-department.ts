import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { licences, licenceTypes, persons } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { isIsoDay, toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { toLicenceMetadata, type LicenceMetadata } from "./core-metadata";
import { issueLicence } from "./issue-licence";
import { holderIdNumberSchema, licenceTypeKeySchema, metadataColumns } from "./search-licences";
import type { SystemActor } from "./system-actor";

const isoDay = z
  .string()
  .refine((v) => isIsoDay(v), { message: "errors.api.dateFormat" })
  .meta({ format: "date", description: "YYYY-MM-DD (China date)" });

export const issueLicenceSchema = z
  .object({
    typeKey: licenceTypeKeySchema,
    holderIdNumber: holderIdNumberSchema,
    fields: z
      .record(z.string().min(1).max(40), z.string().max(500))
      .refine((f) => Object.keys(f).length <= 50, { message: "errors.api.fieldsInvalid" })
      .default({})
      .meta({ description: "The certificate's own fields as printed on it", examples: [{ 居住地址: "深圳市宝安区新安街道 1 号" }] }),
    licenceNumber: z.string().trim().min(1).max(60).optional().meta({ description: "Number printed on the certificate; defaults to the serial" }),
    validFrom: isoDay.optional().meta({ description: "First day in force; default today" }),
    validUntil: isoDay.nullable().optional().meta({ description: "Last day in force; default from the type's validity; null = no end" }),
  })
  .strict()
  .refine((v) => !v.validFrom || !v.validUntil || v.validUntil >= v.validFrom, {
    message: "errors.api.validUntilBeforeFrom",
    path: ["validUntil"],
  });
export type IssueLicenceApiInput = z.output<typeof issueLicenceSchema>;

/**
 * A department's system issues a licence to a resident named by ID number: only a type the
 * department itself issues (FORBIDDEN otherwise). `issueLicence` does the signing, serial and
 * superseding; this adds the look-ups and the audit row, in one transaction.
 */
export async function issueLicenceForDepartment(
  db: Executor,
  system: SystemActor,
  input: IssueLicenceApiInput,
  { requestId, now = new Date() }: { requestId?: string; now?: Date } = {},
): Promise<LicenceMetadata> {
  return db.transaction(async (tx) => {
    const [type] = await tx
      .select({ departmentId: licenceTypes.issuingDepartmentId })
      .from(licenceTypes)
      .where(eq(licenceTypes.key, input.typeKey));
    if (!type) throw new AppError("NOT_FOUND", "errors.api.typeNotFound", { fieldErrors: { "/typeKey": "errors.api.typeNotFound" } });
    if (type.departmentId !== system.departmentId) {
      throw new AppError("FORBIDDEN", "errors.api.forbidden", { internal: `issue ${input.typeKey} by another department` });
    }
    const [holder] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.idNumber, input.holderIdNumber.toUpperCase()));
    if (!holder) {
      throw new AppError("NOT_FOUND", "errors.api.holderNotFound", { fieldErrors: { "/holderIdNumber": "errors.api.holderNotFound" } });
    }
    const issued = await issueLicence(
      tx,
      {
        typeKey: input.typeKey,
        holderPersonId: holder.id,
        fields: input.fields,
        licenceNumber: input.licenceNumber,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        issuerDepartmentId: system.departmentId,
      },
      now,
    );
    await recordAudit(tx, {
      actorUserId: null,
      actorRole: null,
      action: "licence.issue",
      entityType: "licence",
      entityId: issued.identifier,
      personId: holder.id,
      requestId,
      detail: { typeKey: input.typeKey, departmentId: system.departmentId, apiKey: system.keyPrefix },
    });
    const [row] = await tx
      .select(metadataColumns(toChinaDate(now)))
      .from(licences)
      .innerJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
      .where(eq(licences.id, issued.id));
    if (!row) throw new Error("issued licence not found");
    return toLicenceMetadata(row, system.departmentId);
  });
}
