import "server-only";
import { ofCurrentVersion } from "@/lib/catalogue/current-version";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, serviceMaterials, services, type Service, type ServiceFormField } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { addWorkingDays, toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { loadApplicantContext, type ApplicantContext } from "./applicant-context";
import { findOpenApplication, type OpenApplication } from "./open-application-guard";
import { prefillFields, type PrefilledField } from "./prefill";
import { resolveMaterials, type MaterialCheck } from "./resolve-materials";

export type ApplyPage = {
  service: {
    code: string;
    nameZh: string;
    nameEn: string;
    descriptionZh: string;
    descriptionEn: string;
    whoMayApplyZh: string;
    whoMayApplyEn: string;
    departmentZh: string;
    departmentEn: string;
    promisedLimitDays: number;
    legalLimitDays: number;
    onTheSpot: boolean;
  };
  fields: ServiceFormField[];
  prefilled: PrefilledField[];
  needsSubject: boolean;
  subjectOptions: { id: string; name: string; birthDate: string }[];
  subjectId: string | null;
  materials: MaterialCheck[];
  /** If accepted today, the promised completion date in working days. */
  completeBy: string;
  /** An application for this service and person already in progress: filing again is refused. */
  openApplication: OpenApplication | null;
};

/**
 * Whether the service is about a child (a child's field or material): only then does an
 * application have a child as its subject. An ID card renewal by a parent of one child is the
 * parent's, and its output licence must not go to the child.
 */
export async function serviceConcernsChild(db: Executor, service: Pick<Service, "id" | "formFields">): Promise<boolean> {
  if (service.formFields.some((f) => f.prefill?.startsWith("child."))) return true;
  const [material] = await db
    .select({ id: serviceMaterials.id })
    .from(serviceMaterials)
    .where(and(eq(serviceMaterials.serviceId, service.id), eq(serviceMaterials.subject, "child"), ofCurrentVersion))
    .limit(1);
  return material !== undefined;
}

export async function findActiveServiceOrThrow(db: Executor, code: string) {
  const [row] = await db
    .select({ service: services, departmentZh: departments.nameZh, departmentEn: departments.nameEn })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(and(eq(services.code, code), eq(services.active, true)));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return row;
}

/** The subject a child-related application is about: the one chosen, or an only child. */
export function defaultSubjectId(concernsChild: boolean, ctx: ApplicantContext, chosen: string | null): string | null {
  if (!concernsChild) return null;
  if (chosen) return chosen;
  return ctx.children.length === 1 ? (ctx.children[0]?.id ?? null) : null;
}

/**
 * Everything the apply page shows: the form pre-filled from the registers (with source and
 * age), and each material checked against the library for this resident's family.
 */
export async function prepareApplication(
  db: Executor,
  actor: Actor,
  { serviceCode, subjectPersonId = null, now = new Date() }: { serviceCode: string; subjectPersonId?: string | null; now?: Date },
): Promise<ApplyPage> {
  requirePermission(actor, "application:file");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const { service, departmentZh, departmentEn } = await findActiveServiceOrThrow(db, serviceCode);
  const family = await loadApplicantContext(db, actor.personId);
  const needsSubject = await serviceConcernsChild(db, service);
  const subjectId = defaultSubjectId(needsSubject, family, subjectPersonId);
  const ctx = subjectId ? await loadApplicantContext(db, actor.personId, subjectId) : family;

  const today = toChinaDate(now);
  const completeBy = addWorkingDays(today, service.promisedLimitDays);
  const [materials, openApplication] = await Promise.all([
    resolveMaterials(db, service.id, ctx, { today, completeBy }),
    needsSubject && !subjectId ? null : findOpenApplication(db, { serviceId: service.id, applicantId: actor.personId, subjectId }),
  ]);
  return applyPageOf({ service, departmentZh, departmentEn }, family, ctx, { needsSubject, subjectId, materials, completeBy, openApplication });
}

/** The apply page's data, online or at the counter: the same pre-fill and the same material check. */
export function applyPageOf(
  { service, departmentZh, departmentEn }: { service: Service; departmentZh: string; departmentEn: string },
  family: ApplicantContext,
  ctx: ApplicantContext,
  rest: Pick<ApplyPage, "needsSubject" | "subjectId" | "materials" | "completeBy" | "openApplication">,
): ApplyPage {
  return {
    service: {
      code: service.code,
      nameZh: service.nameZh,
      nameEn: service.nameEn,
      descriptionZh: service.descriptionZh,
      descriptionEn: service.descriptionEn,
      whoMayApplyZh: service.whoMayApplyZh,
      whoMayApplyEn: service.whoMayApplyEn,
      departmentZh,
      departmentEn,
      promisedLimitDays: service.promisedLimitDays,
      legalLimitDays: service.legalLimitDays,
      onTheSpot: service.onTheSpot,
    },
    fields: service.formFields,
    prefilled: prefillFields(service.formFields, ctx),
    subjectOptions: family.children.map((c) => ({ id: c.id, name: c.name, birthDate: c.birthDate })),
    ...rest,
  };
}
