import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { departments, licences, licenceTypes, persons, type Licence } from "@/db/schema";
import { addCalendarDays, toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { makeLicenceIdentifier } from "@/lib/id-number";
import { signLicence } from "./signing";
import { licenceKeys } from "./signing-key";

export type IssueLicenceInput = {
  /** licence_types.key, e.g. "household_register". */
  typeKey: string;
  holderPersonId: string;
  /** The certificate's own fields (names and values as printed on it). */
  fields: Record<string, string>;
  /** The number printed on the certificate; defaults to the serial. */
  licenceNumber?: string;
  /** First day in force (default: today, China time). */
  validFrom?: string;
  /** Last day in force; default from the type's validity, null for open-ended types. */
  validUntil?: string | null;
  /** GB/T 2260 division the licence is valid in; default the issuing department's. */
  jurisdictionCode?: string;
  sourceApplicationId?: string | null;
  /**
   * Earlier licences of the same type for the same holder that are still valid become
   * "superseded" (a renewed residence permit replaces the old one). Default true.
   */
  supersedePrevious?: boolean;
  /** Only this department may issue: the API passes the caller's department. */
  issuerDepartmentId?: string;
};

/** Months after `day` minus one day: the last day of a validity of `months` months. */
function lastDayAfterMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const target = new Date(Date.UTC(y + Math.floor(m / 12), m % 12, 1));
  const dim = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const d = Math.min(Number(day.slice(8, 10)), dim);
  const same = `${target.getUTCFullYear()}-${String(target.getUTCMonth() + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return addCalendarDays(same, -1);
}

/**
 * Issues a licence into the library: a serial from `licence_serial_seq`, a GB/T 36904
 * identifier with its check character, the holder's name and ID number re-read from the base
 * register, and an Ed25519 signature over the canonical fields. Runs in the caller's
 * transaction so an approval and the licence it produces commit together.
 */
export async function issueLicence(tx: Executor, input: IssueLicenceInput, now = new Date()): Promise<Licence> {
  const [type] = await tx
    .select({
      id: licenceTypes.id,
      code: licenceTypes.code,
      months: licenceTypes.defaultValidityMonths,
      departmentId: departments.id,
      uscc: departments.uscc,
      issuerName: departments.nameZh,
      divisionCode: departments.divisionCode,
    })
    .from(licenceTypes)
    .innerJoin(departments, eq(departments.id, licenceTypes.issuingDepartmentId))
    .where(eq(licenceTypes.key, input.typeKey));
  if (!type) throw new AppError("NOT_FOUND", "errors.notFound", { internal: `licence type ${input.typeKey}` });
  if (input.issuerDepartmentId && input.issuerDepartmentId !== type.departmentId) {
    throw new AppError("FORBIDDEN", "errors.forbidden", { internal: `department may not issue ${input.typeKey}` });
  }
  const [holder] = await tx
    .select({ id: persons.id, name: persons.name, idNumber: persons.idNumber })
    .from(persons)
    .where(eq(persons.id, input.holderPersonId));
  if (!holder) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "licence holder not in the register" });

  const today = toChinaDate(now);
  const validFrom = input.validFrom ?? today;
  const validUntil =
    input.validUntil !== undefined ? input.validUntil : type.months === null ? null : lastDayAfterMonths(validFrom, type.months);
  if (validUntil !== null && validUntil < validFrom) {
    throw new AppError("VALIDATION", "errors.validation", { internal: "licence ends before it starts" });
  }

  const [next] = rowsOf<{ seq: string }>(await tx.execute(sql`SELECT nextval('licence_serial_seq')::text AS seq`));
  if (!next) throw new Error("licence_serial_seq returned nothing");
  const serial = `${today.slice(0, 4)}${next.seq.padStart(8, "0")}`;
  const identifier = makeLicenceIdentifier({ typeCode: type.code, issuerUscc: type.uscc, serial, version: 1 });
  const licenceNumber = input.licenceNumber ?? serial;
  const signature = signLicence(
    {
      identifier,
      licenceTypeCode: type.code,
      licenceNumber,
      holderName: holder.name,
      holderCode: holder.idNumber,
      holderCodeType: "111",
      issuerCode: type.uscc,
      issuedOn: today,
      validFrom,
      validUntil,
      version: 1,
      fields: input.fields,
    },
    licenceKeys().privateKey,
  );

  if (input.supersedePrevious ?? true) {
    await tx
      .update(licences)
      .set({ status: "superseded", statusReason: `由 ${identifier} 取代`, statusChangedAt: now })
      .where(
        and(
          eq(licences.holderPersonId, holder.id),
          eq(licences.licenceTypeId, type.id),
          inArray(licences.status, ["valid"]),
          ne(licences.identifier, identifier),
        ),
      );
  }

  const [issued] = await tx
    .insert(licences)
    .values({
      identifier,
      licenceTypeId: type.id,
      licenceNumber,
      holderPersonId: holder.id,
      holderName: holder.name,
      holderCode: holder.idNumber,
      holderCodeType: "111",
      issuerDepartmentId: type.departmentId,
      issuerName: type.issuerName,
      issuerCode: type.uscc,
      jurisdictionCode: input.jurisdictionCode ?? type.divisionCode,
      issuedOn: today,
      validFrom,
      validUntil,
      status: "valid",
      version: 1,
      fields: input.fields,
      sourceApplicationId: input.sourceApplicationId ?? null,
      signature,
      createdAt: now,
    })
    .returning();
  if (!issued) throw new Error("licence insert returned nothing");
  return issued;
}
