import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { applicationMaterials, applications, notifications } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { addWorkingDays, toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { materialSource, nextApplicationNumber, recordSubmittedEvent } from "./filing-steps";
import { loadApplicantContext } from "./applicant-context";
import { claimUploads, uploadableOutcomes as uploadable } from "./claim-uploads";
import { buildAnswersSchema, type submitApplicationSchema } from "./answers-schema";
import { defaultSubjectId, findActiveServiceOrThrow } from "./prepare-application";
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

/**
 * Files an application online. Register values are re-read here, never trusted from the
 * browser; every library material is attached; status, event, materials, audit row and the
 * resident's notice commit together. The idempotency key makes a double click or a retried
 * request return the first application instead of filing a second.
 */
export async function submitApplication(
  db: Executor,
  actor: Actor,
  input: Omit<z.output<typeof submitApplicationSchema>, "uploads"> & { uploads?: Record<string, string> },
  now = new Date(),
): Promise<SubmittedApplication> {
  requirePermission(actor, "application:file");
  const personId = actor.personId;
  if (!personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const { service } = await findActiveServiceOrThrow(db, input.serviceCode);
  const family = await loadApplicantContext(db, personId);
  const subjectId = defaultSubjectId(service, family, input.subjectPersonId);
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
  const completeBy = addWorkingDays(today, service.promisedLimitDays);

  return db.transaction(async (tx) => {
    const number = await nextApplicationNumber(tx, today);
    const [created] = await tx
      .insert(applications)
      .values({
        number,
        serviceId: service.id,
        applicantPersonId: personId,
        subjectPersonId: subjectId,
        status: "submitted",
        channel: "online",
        formData: { ...parsed.data, ...locked },
        submittedAt: now,
        idempotencyKey: input.idempotencyKey,
        createdByUserId: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [applications.applicantPersonId, applications.idempotencyKey] })
      .returning({ id: applications.id, number: applications.number });

    if (!created) {
      const [existing] = await tx
        .select({ id: applications.id, number: applications.number, serviceId: applications.serviceId })
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
        completeBy,
        materialsTotal: materials.length,
        materialsFromLibrary: materials.filter((m) => m.source === "library").length,
        materialsUploaded: materials.filter((m) => m.source === "upload").length,
        replayed: true,
      };
    }

    const checks = await resolveMaterials(tx, service.id, ctx, { today, completeBy });
    // The library outcome wins: an upload counts only where the library cannot supply the material.
    const uploadFor = new Map(
      checks.flatMap((c) => {
        const uploadId = uploadable.has(c.outcome) ? input.uploads?.[c.materialId] : undefined;
        return uploadId ? [[c.materialId, uploadId] as const] : [];
      }),
    );
    await claimUploads(tx, personId, created.id, [...uploadFor.values()]);
    const rows = checks.map((c) => {
      const uploadId = uploadFor.get(c.materialId) ?? null;
      return {
        applicationId: created.id,
        personId,
        serviceMaterialId: c.materialId,
        source: materialSource(c.outcome, uploadId),
        licenceId: c.outcome === "library" ? (c.licence?.id ?? null) : null,
        uploadId,
        createdAt: now,
      };
    });
    if (rows.length > 0) await tx.insert(applicationMaterials).values(rows);
    await recordSubmittedEvent(tx, actor, created.id, personId, now);
    const fromLibrary = rows.filter((r) => r.source === "library").length;
    const uploaded = rows.filter((r) => r.source === "upload").length;
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "application.submit",
      entityType: "application",
      entityId: created.id,
      personId,
      detail: { service: service.code, materialsFromLibrary: fromLibrary, materialsUploaded: uploaded, channel: "online" },
    });
    await tx.insert(notifications).values({
      personId,
      kind: "application",
      messageKey: "applicationSubmitted",
      params: { number: created.number, serviceZh: service.nameZh, serviceEn: service.nameEn },
      applicationId: created.id,
      createdAt: now,
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
