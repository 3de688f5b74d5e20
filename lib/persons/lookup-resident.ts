import "server-only";
import { and, asc, count, desc, eq, not } from "drizzle-orm";
import { inTurn, type Executor } from "@/db/client";
import { applications, licenceTypes, licences, persons, services } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import { inClerkScope } from "@/lib/applications/clerk-scope";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { maskResidentId, parseResidentId } from "@/lib/id-number";
import { effectiveStatusSql, type LicenceStatus } from "@/lib/licences/effective-status";
import { displayLicenceNumber } from "@/lib/licences/list-my-licences";
import { recordLicenceAccess } from "@/lib/licences/record-licence-access";
import { maskPhone } from "./mask-phone";

/** The reason for use the resident reads in "who used my data". */
export const LOOKUP_PURPOSE = "窗口刷证查询";
const APPLICATIONS_SHOWN = 20;

export type ResidentLookup = {
  personId: string;
  name: string;
  idMasked: string;
  sex: "male" | "female";
  age: number;
  hukouAddress: string | null;
  residenceAddress: string;
  phoneMasked: string | null;
  applications: {
    id: string;
    number: string;
    serviceNameZh: string;
    serviceNameEn: string;
    status: ApplicationStatus;
    submittedAt: Date | null;
    dueOn: string | null;
  }[];
  /** The resident's applications the clerk's scope does not cover: counted, never shown. */
  otherApplications: number;
  licences: {
    id: string;
    typeZh: string;
    typeEn: string;
    licenceNumber: string;
    issuerName: string;
    issuedOn: string;
    validUntil: string | null;
    status: LicenceStatus;
  }[];
};

function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * 刷身份证: a resident's summary, their applications in the clerk's scope and their library
 * licences. Every licence shown is written to the access log, and the look-up itself to the
 * audit log, in the transaction that reads — a read that cannot be logged does not happen.
 * An unknown number is NOT_FOUND; a malformed one says which part is wrong.
 */
export async function lookupResident(db: Executor, actor: Actor, idNumber: string, now = new Date()): Promise<ResidentLookup> {
  requirePermission(actor, "person:lookup");
  const parsed = parseResidentId(idNumber, now);
  if (!parsed.ok) {
    const key = `validation.idNumber.${parsed.error}`;
    throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { idNumber: key } });
  }
  const today = toChinaDate(now);
  const scope = inClerkScope(applications.serviceId, actor);

  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({
        id: persons.id,
        name: persons.name,
        idNumber: persons.idNumber,
        sex: persons.sex,
        birthDate: persons.birthDate,
        hukouAddress: persons.hukouAddress,
        residenceAddress: persons.residenceAddress,
        phone: persons.phone,
      })
      .from(persons)
      .where(eq(persons.idNumber, parsed.value.id));
    if (!person) throw new AppError("NOT_FOUND", "errors.counter.residentNotFound");

    const mine = eq(applications.applicantPersonId, person.id);
    const [apps, [others], held] = await inTurn([
      tx
        .select({
          id: applications.id,
          number: applications.number,
          serviceNameZh: services.nameZh,
          serviceNameEn: services.nameEn,
          status: applications.status,
          submittedAt: applications.submittedAt,
          dueOn: applications.dueOn,
        })
        .from(applications)
        .innerJoin(services, eq(services.id, applications.serviceId))
        .where(and(mine, scope, not(eq(applications.status, "draft"))))
        .orderBy(desc(applications.createdAt))
        .limit(APPLICATIONS_SHOWN),
      tx
        .select({ n: count() })
        .from(applications)
        .where(and(mine, not(scope), not(eq(applications.status, "draft")))),
      tx
        .select({
          id: licences.id,
          typeZh: licenceTypes.nameZh,
          typeEn: licenceTypes.nameEn,
          licenceNumber: licences.licenceNumber,
          holderCode: licences.holderCode,
          holderCodeType: licences.holderCodeType,
          issuerName: licences.issuerName,
          issuedOn: licences.issuedOn,
          validUntil: licences.validUntil,
          status: effectiveStatusSql(today),
        })
        .from(licences)
        .innerJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
        .where(eq(licences.holderPersonId, person.id))
        .orderBy(desc(licences.issuedOn), asc(licences.licenceNumber)),
    ]);

    await recordLicenceAccess(tx, { licenceIds: held.map((l) => l.id), actor, purpose: LOOKUP_PURPOSE });
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "person.lookup",
      entityType: "person",
      entityId: person.id,
      personId: person.id,
      detail: { licencesShown: held.length, applicationsShown: apps.length, otherApplications: others?.n ?? 0 },
    });

    return {
      personId: person.id,
      name: person.name,
      idMasked: maskResidentId(person.idNumber),
      sex: person.sex,
      age: ageOn(person.birthDate, today),
      hukouAddress: person.hukouAddress,
      residenceAddress: person.residenceAddress,
      phoneMasked: maskPhone(person.phone),
      applications: apps,
      otherApplications: others?.n ?? 0,
      licences: held.map(({ holderCode, holderCodeType, ...l }) => ({
        ...l,
        licenceNumber: displayLicenceNumber(l.licenceNumber, holderCode, holderCodeType),
      })),
    };
  });
}
