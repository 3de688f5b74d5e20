import "server-only";
import { displayLicenceNumber } from "@/lib/licences/list-my-licences";
import { loadDefinitionVersion } from "@/lib/catalogue/definition-rows";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applicationEvents, applicationMaterials, applications, licenceTypes, licences, serviceMaterials, services, uploads } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

export type MyApplicationDetail = {
  id: string;
  number: string;
  serviceCode: string;
  serviceNameZh: string;
  serviceNameEn: string;
  status: ApplicationStatus;
  submittedAt: Date | null;
  dueOn: string | null;
  promisedLimitDays: number;
  materials: {
    nameZh: string;
    nameEn: string;
    source: "library" | "upload" | "counter" | "form" | "awaiting";
    licenceTypeZh: string | null;
    licenceTypeEn: string | null;
    licenceNumber: string | null;
    /** The resident's own file for this material, previewable at /api/uploads/<id>. */
    upload: { id: string; fileName: string } | null;
    /** Where it comes from when not plain (awaited from another application, taken at the counter): a system note. */
    note: string | null;
  }[];
  timeline: { status: ApplicationStatus; at: Date; note: string | null; byStaff: boolean; step: ResidentStepNote | null }[];
};

/**
 * A workflow step as the resident reads it on the timeline: a review done (not its internal
 * opinion), how the result was delivered, a step raised for being overdue.
 */
export type ResidentStepNote =
  | { kind: "review"; level: 1 | 2 }
  | { kind: "deliver"; method: string; trackingNo: string | null }
  | { kind: "escalated" }
  | { kind: "refused" };

function residentStepNote(status: ApplicationStatus, data: Record<string, unknown> | null): ResidentStepNote | null {
  if (!data) return null;
  if (typeof data.escalated === "string") return { kind: "escalated" };
  if (data.step === "decide" && status === "rejected") return { kind: "refused" };
  if (data.step === "review" && typeof data.opinion === "string") return { kind: "review", level: data.level === 2 ? 2 : 1 };
  if (data.step === "deliver" && typeof data.method === "string") {
    return { kind: "deliver", method: data.method, trackingNo: typeof data.trackingNo === "string" ? data.trackingNo : null };
  }
  return null;
}

/**
 * One of the resident's own applications with its materials and timeline. Another person's
 * id answers NOT_FOUND, exactly like an id that does not exist.
 */
export async function getMyApplicationOrThrow(db: Executor, actor: Actor, applicationId: string): Promise<MyApplicationDetail> {
  requirePermission(actor, "application:read-own");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const owned = and(eq(applications.id, applicationId), eq(applications.applicantPersonId, actor.personId));
  const [app] = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      submittedAt: applications.submittedAt,
      dueOn: applications.dueOn,
      serviceCode: services.code,
      serviceNameZh: services.nameZh,
      serviceNameEn: services.nameEn,
      promisedLimitDays: services.promisedLimitDays,
      serviceId: applications.serviceId,
      serviceVersion: applications.serviceVersion,
      currentVersion: services.version,
    })
    .from(applications)
    .innerJoin(services, eq(services.id, applications.serviceId))
    .where(owned);
  if (!app) throw new AppError("NOT_FOUND", "errors.notFound");
  // Filed under an earlier version of the service: the limit it was promised then.
  if (app.serviceVersion !== app.currentVersion) {
    const filed = await loadDefinitionVersion(db, app.serviceId, app.serviceVersion);
    if (filed) app.promisedLimitDays = filed.promisedLimitDays;
  }

  const [materials, events] = await Promise.all([
    db
      .select({
        nameZh: serviceMaterials.nameZh,
        nameEn: serviceMaterials.nameEn,
        source: applicationMaterials.source,
        licenceTypeZh: licenceTypes.nameZh,
        licenceTypeEn: licenceTypes.nameEn,
        licenceNumber: licences.licenceNumber,
        holderCode: licences.holderCode,
        holderCodeType: licences.holderCodeType,
        uploadId: uploads.id,
        uploadFileName: uploads.fileName,
        note: applicationMaterials.note,
      })
      .from(applicationMaterials)
      .innerJoin(serviceMaterials, eq(serviceMaterials.id, applicationMaterials.serviceMaterialId))
      .leftJoin(licences, eq(licences.id, applicationMaterials.licenceId))
      .leftJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
      .leftJoin(uploads, and(eq(uploads.id, applicationMaterials.uploadId), eq(uploads.ownerPersonId, actor.personId)))
      .where(and(eq(applicationMaterials.applicationId, app.id), eq(applicationMaterials.personId, actor.personId)))
      .orderBy(asc(serviceMaterials.position)),
    db
      .select({
        status: applicationEvents.toStatus,
        at: applicationEvents.occurredAt,
        note: applicationEvents.note,
        role: applicationEvents.actorRole,
        data: applicationEvents.data,
      })
      .from(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.personId, actor.personId)))
      .orderBy(asc(applicationEvents.occurredAt), asc(applicationEvents.id)),
  ]);
  return {
    ...app,
    materials: materials.map(({ uploadId, uploadFileName, holderCode, holderCodeType, ...m }) => ({
      ...m,
      // As the wallet shows it: a number that is an ID number (the ID card's) is masked.
      licenceNumber: m.licenceNumber && holderCode && holderCodeType ? displayLicenceNumber(m.licenceNumber, holderCode, holderCodeType) : m.licenceNumber,
      upload: uploadId && uploadFileName ? { id: uploadId, fileName: uploadFileName } : null,
    })),
    timeline: events.map((e) => ({
      status: e.status,
      at: e.at,
      note: e.note,
      byStaff: e.role !== null && e.role !== "citizen",
      step: residentStepNote(e.status, e.data),
    })),
  };
}
