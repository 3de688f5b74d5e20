import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { applicationMaterials, departments, persons, services } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { addWorkingDays, toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { maskResidentId } from "@/lib/id-number";
import { recordLicenceAccess } from "@/lib/licences/record-licence-access";
import { loadApplicantContext } from "./applicant-context";
import { inClerkScope } from "./clerk-scope";
import { applyPageOf, defaultSubjectId, serviceConcernsChild, type ApplyPage } from "./prepare-application";
import type { fileCounterApplicationSchema, prepareCounterApplicationSchema } from "./prepare-counter-application-schema";
import { findOpenApplication } from "./open-application-guard";
import { resolveMaterials } from "./resolve-materials";
import { submitApplication } from "./submit-application";

export {
  fileCounterApplicationSchema,
  prepareCounterApplicationSchema,
  type FileCounterApplicationInput,
  type PrepareCounterApplicationInput,
} from "./prepare-counter-application-schema";

export type CounterApplyPage = Omit<ApplyPage, "subjectOptions"> & {
  applicant: { personId: string; name: string; maskedIdNumber: string };
  subjectOptions: { id: string; name: string; birthDate: string }[];
};

/** Purpose recorded in the holder's "who used my data" list for the library check at intake. */
export const INTAKE_LICENCE_PURPOSE = "窗口收件材料核对";

export type IntakeService = { code: string; nameZh: string; nameEn: string };

/** The services the clerk's department or window covers, for the intake picker. */
export async function listIntakeServices(db: Executor, actor: Actor): Promise<IntakeService[]> {
  requirePermission(actor, "application:process");
  return db
    .select({ code: services.code, nameZh: services.nameZh, nameEn: services.nameEn })
    .from(services)
    .where(and(eq(services.active, true), inClerkScope(services.id, actor)))
    .orderBy(asc(services.code));
}

/**
 * Counter intake (窗口收件): the same pre-fill and library check the resident sees online,
 * for the walk-in resident whose ID number the clerk typed or scanned, for a service in the
 * clerk's scope (another service is NOT_FOUND). The library licences shown are logged as read
 * by this clerk, in the reading transaction, so the resident sees the read. No full ID number
 * is in the answer: the applicant's is masked here, and licence numbers that contain one (the ID
 * card's) come masked from resolveMaterials.
 */
export async function prepareCounterApplication(
  db: Executor,
  actor: Actor,
  input: z.output<typeof prepareCounterApplicationSchema>,
  now = new Date(),
): Promise<CounterApplyPage> {
  requirePermission(actor, "application:process");
  requirePermission(actor, "application:file");
  const [row] = await db
    .select({ service: services, departmentZh: departments.nameZh, departmentEn: departments.nameEn })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(and(eq(services.code, input.serviceCode), eq(services.active, true), inClerkScope(services.id, actor)));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const [person] = await db.select({ id: persons.id }).from(persons).where(eq(persons.idNumber, input.idNumber));
  if (!person) throw new AppError("NOT_FOUND", "errors.intake.personNotFound", { fieldErrors: { idNumber: "errors.intake.personNotFound" } });

  const { service } = row;
  return db.transaction(async (tx) => {
    const family = await loadApplicantContext(tx, person.id);
    const needsSubject = await serviceConcernsChild(tx, service);
    const subjectId = defaultSubjectId(needsSubject, family, input.subjectPersonId ?? null);
    const ctx = subjectId ? await loadApplicantContext(tx, person.id, subjectId) : family;
    const today = toChinaDate(now);
    const completeBy = addWorkingDays(today, service.promisedLimitDays);
    const materials = await resolveMaterials(tx, service.id, ctx, { today, completeBy });
    const openApplication = needsSubject && !subjectId ? null : await findOpenApplication(tx, { serviceId: service.id, applicantId: person.id, subjectId });
    const read = materials.flatMap((m) => (m.licence ? [m.licence.id] : []));
    await recordLicenceAccess(tx, { licenceIds: read, actor, purpose: INTAKE_LICENCE_PURPOSE });
    return {
      applicant: { personId: family.person.id, name: family.person.name, maskedIdNumber: maskResidentId(family.person.idNumber) },
      ...applyPageOf(row, family, ctx, { needsSubject, subjectId, materials, completeBy, openApplication }),
    };
  });
}


export type FiledAtCounter = {
  id: string;
  number: string;
  completeBy: string;
  materialsTotal: number;
  materialsFromLibrary: number;
  /** Materials the library lacks, whose paper originals the clerk took at the counter. */
  materialsAtCounter: number;
  replayed: boolean;
};

/**
 * Files for the walk-in resident through the one filing path (submitApplication with the clerk
 * as actor, channel counter), then counts where the materials came from for the confirmation.
 */
export async function fileCounterApplication(
  db: Executor,
  actor: Actor,
  input: z.output<typeof fileCounterApplicationSchema>,
  now = new Date(),
): Promise<FiledAtCounter> {
  requirePermission(actor, "application:process");
  const filed = await submitApplication(db, actor, { ...input, uploads: {} }, now);
  const bySource = await db
    .select({ source: applicationMaterials.source, n: count() })
    .from(applicationMaterials)
    .where(and(eq(applicationMaterials.applicationId, filed.id), eq(applicationMaterials.personId, input.applicantPersonId)))
    .groupBy(applicationMaterials.source);
  const n = (s: string) => bySource.find((r) => r.source === s)?.n ?? 0;
  return {
    id: filed.id,
    number: filed.number,
    completeBy: filed.completeBy,
    materialsTotal: filed.materialsTotal,
    materialsFromLibrary: n("library"),
    materialsAtCounter: n("counter"),
    replayed: filed.replayed,
  };
}
