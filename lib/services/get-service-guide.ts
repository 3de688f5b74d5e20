import "server-only";
import { workflowOf } from "@/lib/applications/lifecycle/transitions";
import type { Workflow } from "@/lib/workflows/workflow-schema";
import { and, asc, eq, isNotNull, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { centreServices, departments, licenceTypes, serviceCentres, serviceMaterials, services } from "@/db/schema";
import type { MaterialSubject } from "@/db/schema/enums";
import { loadApplicantContext } from "@/lib/applications/applicant-context";
import { defaultSubjectId, findActiveServiceOrThrow, serviceConcernsChild } from "@/lib/applications/prepare-application";
import { resolveMaterials, type MaterialCheck } from "@/lib/applications/resolve-materials";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { addWorkingDays, toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import type { ServiceTheme } from "./search-services";

export type GuideMaterial = {
  id: string;
  position: number;
  nameZh: string;
  nameEn: string;
  kind: "licence" | "upload" | "form";
  subject: MaterialSubject;
  required: boolean;
  notesZh: string | null;
  notesEn: string | null;
  /** The licence type the library can supply it from, when it is a licence. */
  licenceTypeZh: string | null;
  licenceTypeEn: string | null;
};

export type GuideCentre = {
  code: string;
  nameZh: string;
  nameEn: string;
  addressZh: string;
  addressEn: string;
  hoursZh: string;
  hoursEn: string;
  phone: string;
};

/** The public service guide (办事指南): everything a visitor needs before applying. */
export type ServiceGuide = {
  code: string;
  nameZh: string;
  nameEn: string;
  theme: ServiceTheme;
  descriptionZh: string;
  descriptionEn: string;
  whoMayApplyZh: string;
  whoMayApplyEn: string;
  departmentCode: string;
  departmentZh: string;
  departmentEn: string;
  legalLimitDays: number;
  promisedLimitDays: number;
  onTheSpot: boolean;
  requiresVisit: boolean;
  feeYuan: number;
  /** Set while the service is suspended (暂停办理): why, and it takes no applications. */
  suspendedNotice: { zh: string; en: string } | null;
  /** True when a material is about the applicant's child (the resident must say which child). */
  concernsChild: boolean;
  materials: GuideMaterial[];
  centres: GuideCentre[];
  /** 办理流程: the steps an application follows (the service's workflow, or the default one). */
  workflow: Workflow;
};

const CODE = /^[a-z][a-z0-9_]{0,63}$/;

/** The guide of an active service by its catalogue code; NOT_FOUND for unknown or inactive codes. */
export async function getServiceGuideOrThrow(db: Executor, code: string): Promise<ServiceGuide> {
  if (!CODE.test(code)) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "malformed service code" });
  const [row] = await db
    .select({ service: services, departmentCode: departments.code, departmentZh: departments.nameZh, departmentEn: departments.nameEn })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(and(eq(services.code, code), or(eq(services.active, true), isNotNull(services.suspendedNoticeZh))));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const s = row.service;

  const [materials, centres] = await Promise.all([
    db
      .select({
        id: serviceMaterials.id,
        position: serviceMaterials.position,
        nameZh: serviceMaterials.nameZh,
        nameEn: serviceMaterials.nameEn,
        kind: serviceMaterials.kind,
        subject: serviceMaterials.subject,
        required: serviceMaterials.required,
        notesZh: serviceMaterials.notesZh,
        notesEn: serviceMaterials.notesEn,
        licenceTypeZh: licenceTypes.nameZh,
        licenceTypeEn: licenceTypes.nameEn,
      })
      .from(serviceMaterials)
      .leftJoin(licenceTypes, eq(licenceTypes.id, serviceMaterials.licenceTypeId))
      .where(and(eq(serviceMaterials.serviceId, s.id), eq(serviceMaterials.version, s.version)))
      .orderBy(asc(serviceMaterials.position)),
    db
      .select({
        code: serviceCentres.code,
        nameZh: serviceCentres.nameZh,
        nameEn: serviceCentres.nameEn,
        addressZh: serviceCentres.addressZh,
        addressEn: serviceCentres.addressEn,
        hoursZh: serviceCentres.hoursZh,
        hoursEn: serviceCentres.hoursEn,
        phone: serviceCentres.phone,
      })
      .from(centreServices)
      .innerJoin(serviceCentres, eq(serviceCentres.id, centreServices.centreId))
      .where(eq(centreServices.serviceId, s.id))
      .orderBy(asc(serviceCentres.code)),
  ]);

  return {
    code: s.code,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    theme: s.theme as ServiceTheme,
    descriptionZh: s.descriptionZh,
    descriptionEn: s.descriptionEn,
    whoMayApplyZh: s.whoMayApplyZh,
    whoMayApplyEn: s.whoMayApplyEn,
    departmentCode: row.departmentCode,
    departmentZh: row.departmentZh,
    departmentEn: row.departmentEn,
    legalLimitDays: s.legalLimitDays,
    promisedLimitDays: s.promisedLimitDays,
    onTheSpot: s.onTheSpot,
    requiresVisit: s.requiresVisit,
    feeYuan: s.feeYuan,
    suspendedNotice: !s.active && s.suspendedNoticeZh ? { zh: s.suspendedNoticeZh, en: s.suspendedNoticeEn ?? s.suspendedNoticeZh } : null,
    concernsChild:
      materials.some((m) => m.subject === "child") || s.formFields.some((f) => f.prefill?.startsWith("child.") ?? false),
    materials,
    centres,
    workflow: workflowOf(s),
  };
}

/**
 * The guide's materials checked against the licence library for a signed-in resident's family.
 *  ready       — checked; for a child service, against their only child (`childName`);
 *  chooseChild — the service concerns a child and the resident has several: chosen on the apply page;
 *  noChild     — the service concerns a child and the register links none to the resident.
 */
export type ResidentMaterialCheck =
  | { status: "ready"; childName: string | null; materials: MaterialCheck[]; completeBy: string }
  | { status: "chooseChild"; childCount: number }
  | { status: "noChild" };

export async function checkMaterialsForResident(
  db: Executor,
  actor: Actor,
  { serviceCode, now = new Date() }: { serviceCode: string; now?: Date },
): Promise<ResidentMaterialCheck> {
  requirePermission(actor, "portal:citizen");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden", { internal: "citizen without a person" });
  const { service } = await findActiveServiceOrThrow(db, serviceCode);
  const family = await loadApplicantContext(db, actor.personId);

  const concernsChild = await serviceConcernsChild(db, service);

  let ctx = family;
  if (concernsChild) {
    const subjectId = defaultSubjectId(concernsChild, family, null);
    if (!subjectId) {
      return family.children.length === 0 ? { status: "noChild" } : { status: "chooseChild", childCount: family.children.length };
    }
    ctx = await loadApplicantContext(db, actor.personId, subjectId);
  }

  const today = toChinaDate(now);
  const completeBy = addWorkingDays(today, service.promisedLimitDays);
  const materials = await resolveMaterials(db, service.id, ctx, { today, completeBy });
  return { status: "ready", childName: concernsChild ? (ctx.subject?.name ?? null) : null, materials, completeBy };
}
