import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { applicationMaterials, applications, services } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { runEligibilityChecks } from "@/lib/eligibility/checks/run-eligibility-checks";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { receiptClock } from "@/lib/calendar/application-clock";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { recordLicenceAccess } from "@/lib/licences/record-licence-access";
import { notifyStatusChange } from "@/lib/notifications/notify-status-change";
import { systemNote } from "@/lib/i18n/system-notes";
import { inClerkScope } from "./clerk-scope";
import { AWAITING_COLUMNS, clockColumns, COUNTER_MATERIAL_NOTE, materialSource, nextApplicationNumber, recordSubmittedEvent, filingColumns } from "./filing-steps";
import { loadApplicantContext } from "./applicant-context";
import { claimUploads, uploadableOutcomes as uploadable } from "./claim-uploads";
import { buildAnswersSchema, type submitApplicationSchema } from "./answers-schema";
import { defaultSubjectId, findActiveServiceOrThrow, serviceConcernsChild } from "./prepare-application";
import { refuseIfOpen } from "./open-application-guard";
import { lockedValues } from "./prefill";
import { resolveMaterials } from "./resolve-materials";

export type SubmittedApplication = {
  id: string;
  number: string;
  completeBy: string;
  materialsTotal: number;
  materialsFromLibrary: number;
  materialsUploaded: number;
  /** True when this call found the application an earlier call with the same key had filed. */
  replayed: boolean;
};

export type SubmitApplicationLibInput = Omit<z.output<typeof submitApplicationSchema>, "uploads"> & {
  uploads?: Record<string, string>;
  /**
   * Counter filing (窗口收件): the walk-in resident a clerk files for, found by swiping their
   * ID card. Required when the actor is a clerk; a resident may only name themselves.
   */
  applicantPersonId?: string;
};

/** Who the application is for and how it arrived: the resident online, or a clerk at the counter. */
async function filingParty(db: Executor, actor: Actor, input: SubmitApplicationLibInput, serviceId: string) {
  if (actor.role !== "clerk") {
    if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
    if (input.applicantPersonId && input.applicantPersonId !== actor.personId) throw new AppError("NOT_FOUND", "errors.notFound");
    return { personId: actor.personId, counter: false as const };
  }
  if (!input.applicantPersonId) {
    throw new AppError("VALIDATION", "errors.process.applicantRequired", { fieldErrors: { applicantPersonId: "validation.required" } });
  }
  // A service outside the clerk's department and window is not there for them.
  const [inScope] = await db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.id, serviceId), inClerkScope(services.id, actor)));
  if (!inScope) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "service outside the clerk's scope" });
  return { personId: input.applicantPersonId, counter: true as const };
}

/**
 * Files an application online, or at the counter for a walk-in resident (a clerk acting,
 * channel `counter`). Register values are re-read here, never trusted from the browser;
 * every library material is attached (at the counter the read is logged for the resident, and
 * what the library lacks is checked on paper); the legal clock starts on the day of receipt;
 * status, event, materials, audit row and the resident's notice commit together. The
 * idempotency key makes a double click or a retried request return the first application
 * instead of filing a second.
 */
export async function submitApplication(
  db: Executor,
  actor: Actor,
  input: SubmitApplicationLibInput,
  now = new Date(),
): Promise<SubmittedApplication> {
  requirePermission(actor, "application:file");
  const { service } = await findActiveServiceOrThrow(db, input.serviceCode);
  const { personId, counter } = await filingParty(db, actor, input, service.id);
  const family = await loadApplicantContext(db, personId);
  const subjectId = defaultSubjectId(await serviceConcernsChild(db, service), family, input.subjectPersonId);
  const ctx = subjectId ? await loadApplicantContext(db, personId, subjectId) : family;

  const locked = lockedValues(service.formFields, ctx);
  const parsed = buildAnswersSchema(service.formFields, new Set(Object.keys(locked))).safeParse(input.answers);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = `answers.${issue.path.join(".")}`;
      fieldErrors[field] ??= issue.code === "unrecognized_keys" ? "validation.invalid" : `validation.${issue.message}`;
    }
    throw new AppError("VALIDATION", "errors.validation", { fieldErrors });
  }

  const today = toChinaDate(now);
  const clock = receiptClock(today, service);
  const completeBy = clock.dueOn;

  return db.transaction(async (tx) => {
    // One in progress per service and person, whoever filed it; a retry of this submit still replays.
    await refuseIfOpen(tx, { serviceId: service.id, applicantId: personId, subjectId, exceptKey: input.idempotencyKey });
    const checks = await resolveMaterials(tx, service.id, ctx, { today, completeBy });
    // A certificate another open application will issue is awaited, not asked for: no clock until it comes.
    const awaited = checks.flatMap((c) => (c.outcome === "awaiting" && c.awaiting ? [c.awaiting] : []));
    const number = await nextApplicationNumber(tx, today);
    const [created] = await tx
      .insert(applications)
      .values({
        number,
        serviceId: service.id,
        applicantPersonId: personId,
        subjectPersonId: subjectId,
        status: awaited.length > 0 ? "awaiting" : "submitted",
        channel: counter ? "counter" : "online",
        centreId: counter ? actor.centreId : null,
        formData: { ...parsed.data, ...locked },
        submittedAt: now,
        ...clockColumns(clock, now),
        ...filingColumns(service, today),
        ...(awaited.length > 0 ? AWAITING_COLUMNS : {}),
        idempotencyKey: input.idempotencyKey,
        createdByUserId: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [applications.applicantPersonId, applications.idempotencyKey] })
      .returning({ id: applications.id, number: applications.number });

    if (!created) {
      const [existing] = await tx
        .select({ id: applications.id, number: applications.number, serviceId: applications.serviceId, dueOn: applications.dueOn })
        .from(applications)
        .where(and(eq(applications.applicantPersonId, personId), eq(applications.idempotencyKey, input.idempotencyKey)));
      if (!existing || existing.serviceId !== service.id) throw new AppError("CONFLICT", "errors.apply.keyReused");
      const materials = await tx
        .select({ source: applicationMaterials.source })
        .from(applicationMaterials)
        .where(eq(applicationMaterials.applicationId, existing.id));
      return {
        id: existing.id,
        number: existing.number,
        completeBy: existing.dueOn ?? completeBy,
        materialsTotal: materials.length,
        materialsFromLibrary: materials.filter((m) => m.source === "library").length,
        materialsUploaded: materials.filter((m) => m.source === "upload").length,
        replayed: true,
      };
    }

    // The library outcome wins: an upload counts only where the library cannot supply the material.
    const uploadFor = new Map(
      checks.flatMap((c) => {
        // At the counter the clerk checks paper; uploads are the resident's own online.
        const uploadId = !counter && uploadable.has(c.outcome) ? input.uploads?.[c.materialId] : undefined;
        return uploadId ? [[c.materialId, uploadId] as const] : [];
      }),
    );
    await claimUploads(tx, personId, created.id, [...uploadFor.values()]);
    const rows = checks.map((c) => {
      const uploadId = uploadFor.get(c.materialId) ?? null;
      const source = materialSource(c.outcome, uploadId);
      const onPaper = counter && source === "counter";
      return {
        applicationId: created.id,
        personId,
        serviceMaterialId: c.materialId,
        source,
        licenceId: c.outcome === "library" ? (c.licence?.id ?? null) : null,
        uploadId,
        awaitingApplicationId: source === "awaiting" ? (c.awaiting?.applicationId ?? null) : null,
        note: onPaper
          ? COUNTER_MATERIAL_NOTE
          : source === "awaiting" && c.awaiting
            ? systemNote("notes.awaiting", { serviceZh: c.awaiting.nameZh, serviceEn: c.awaiting.nameEn, number: c.awaiting.number })
            : null,
        verifiedAt: onPaper ? now : null,
        createdAt: now,
      };
    });
    if (rows.length > 0) await tx.insert(applicationMaterials).values(rows);
    if (counter) {
      // The clerk sees the licences the library attached: the resident sees that read.
      const read = rows.flatMap((r) => (r.licenceId ? [r.licenceId] : []));
      await recordLicenceAccess(tx, { licenceIds: read, actor, purpose: "窗口收件", applicationId: created.id });
    }
    await recordSubmittedEvent(tx, actor, { id: created.id, personId }, now, clock, awaited.map((a) => a.number));
    // 自动比对: services with automatic eligibility checks are checked as they are filed.
    await runEligibilityChecks(tx, created.id, { today });
    const fromLibrary = rows.filter((r) => r.source === "library").length;
    const uploaded = rows.filter((r) => r.source === "upload").length;
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "application.submit",
      entityType: "application",
      entityId: created.id,
      personId,
      detail: {
        service: service.code,
        materialsFromLibrary: fromLibrary,
        materialsUploaded: uploaded,
        channel: counter ? "counter" : "online",
        ...(counter ? { materialsAtCounter: rows.filter((r) => r.source === "counter").length } : {}),
      },
    });
    await notifyStatusChange(tx, {
      personId,
      applicationId: created.id,
      messageKey: awaited[0] ? "applicationAwaiting" : counter ? "applicationFiledAtCounter" : "applicationSubmitted",
      params: {
        number: created.number,
        serviceZh: service.nameZh,
        serviceEn: service.nameEn,
        dueOn: completeBy,
        ...(awaited[0] ? { prerequisiteZh: awaited[0].nameZh, prerequisiteEn: awaited[0].nameEn } : {}),
      },
      now,
    });
    return {
      id: created.id,
      number: created.number,
      completeBy,
      materialsTotal: rows.length,
      materialsFromLibrary: fromLibrary,
      materialsUploaded: uploaded,
      replayed: false,
    };
  });
}
