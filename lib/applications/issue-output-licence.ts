import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, licences, licenceTypes, persons } from "@/db/schema";
import { toChinaDate } from "@/lib/calendar/working-days";
import { issueLicence } from "@/lib/licences/issue-licence";
import { outputLicenceFields, type OutputLicenceContext } from "@/lib/licences/output-licence-fields";
import { loadApplicantContext } from "./applicant-context";

export type IssuedOutput = {
  id: string;
  identifier: string;
  typeKey: string;
  typeNameZh: string;
  typeNameEn: string;
  holderPersonId: string;
  hukouRegistered: boolean;
};

/**
 * Issues the certificate an approved application produces into the library, in the approving
 * transaction: fields from the register and the form, the holder the application's subject
 * (the newborn) or else the applicant, the holder's previous licence of the type superseded.
 * A household registration also writes the new hukou into the population register, which the
 * public security bureau owns and which this approval is the authority for.
 */
export async function issueOutputLicence(
  tx: Executor,
  app: { id: string; number: string; applicantPersonId: string; subjectPersonId: string | null; formData: Record<string, unknown> },
  licenceTypeId: string,
  now: Date,
): Promise<IssuedOutput> {
  const [type] = await tx
    .select({ key: licenceTypes.key, nameZh: licenceTypes.nameZh, nameEn: licenceTypes.nameEn, issuerName: departments.nameZh })
    .from(licenceTypes)
    .innerJoin(departments, eq(departments.id, licenceTypes.issuingDepartmentId))
    .where(eq(licenceTypes.id, licenceTypeId));
  if (!type) throw new Error(`licence type ${licenceTypeId} not found`);

  const family = await loadApplicantContext(tx, app.applicantPersonId);
  const holderId = app.subjectPersonId ?? app.applicantPersonId;
  const holder =
    holderId === family.person.id
      ? family.person
      : (family.children.find((c) => c.id === holderId) ??
        (await tx.select().from(persons).where(eq(persons.id, holderId)))[0]);
  if (!holder) throw new Error("licence holder not in the register");

  const [household] = await tx
    .select({ licenceNumber: licences.licenceNumber, jurisdictionCode: licences.jurisdictionCode, fields: licences.fields })
    .from(licences)
    .innerJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
    .where(and(eq(licences.holderPersonId, family.person.id), eq(licenceTypes.key, "household_register"), eq(licences.status, "valid")))
    .orderBy(desc(licences.issuedOn))
    .limit(1);

  const today = toChinaDate(now);
  const ctx: OutputLicenceContext = {
    typeKey: type.key,
    today,
    applicationNumber: app.number,
    issuerName: type.issuerName,
    holder,
    applicant: family.person,
    spouse: family.spouse,
    applicantHousehold: household ?? null,
    form: app.formData,
  };
  const output = outputLicenceFields(ctx);
  const issued = await issueLicence(
    tx,
    {
      typeKey: type.key,
      holderPersonId: holder.id,
      fields: output.fields,
      ...(output.licenceNumber ? { licenceNumber: output.licenceNumber } : {}),
      ...(output.jurisdictionCode ? { jurisdictionCode: output.jurisdictionCode } : {}),
      sourceApplicationId: app.id,
    },
    now,
  );

  let hukouRegistered = false;
  if (type.key === "household_register" && output.jurisdictionCode && output.fields.address) {
    await tx
      .update(persons)
      .set({ hukouDivisionCode: output.jurisdictionCode, hukouAddress: output.fields.address, hukouUpdatedAt: now })
      .where(eq(persons.id, holder.id));
    hukouRegistered = true;
  }
  return {
    id: issued.id,
    identifier: issued.identifier,
    typeKey: type.key,
    typeNameZh: type.nameZh,
    typeNameEn: type.nameEn,
    holderPersonId: holder.id,
    hukouRegistered,
  };
}
