import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { applicationMaterials, applications, serviceBundles, serviceMaterials, services } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { runEligibilityChecks } from "@/lib/eligibility/checks/run-eligibility-checks";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { receiptClock } from "@/lib/calendar/application-clock";
import { addWorkingDays, toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { notifyStatusChange } from "@/lib/notifications/notify-status-change";
import { buildAnswersSchema } from "./answers-schema";
import type { submitBundleSchema } from "./bundle-schema";
import { claimUploads, uploadableOutcomes } from "./claim-uploads";
import { AWAITING_COLUMNS, clockColumns, materialSource, nextApplicationNumber, recordSubmittedEvent, filingColumns } from "./filing-steps";
import { refuseIfOpen } from "./open-application-guard";
import { findBundleOrThrow, materialKey, planBundle } from "./prepare-bundle";
import { systemNote } from "@/lib/i18n/system-notes";

export type SubmittedBundle = {
  groupId: string;
  /** True when this call found the group an earlier call with the same key had filed. */
  replayed: boolean;
};

function validationError(issues: { path: PropertyKey[]; code: string; message: string }[]): AppError {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const field = `answers.${issue.path.map(String).join(".")}`;
    fieldErrors[field] ??= issue.code === "unrecognized_keys" ? "validation.invalid" : `validation.${issue.message}`;
  }
  return new AppError("VALIDATION", "errors.validation", { fieldErrors });
}

/**
 * Files a life-event bundle for one child as one act: an application per included service,
 * all with the bundle's id and one fresh group id, each with its own number, materials,
 * event and audit row, and one notice for the bundle, in one transaction. Answers are typed
 * once and validated against every service; register values are re-read here. An upload
 * counts once for the resident but is linked to every application that needs that material.
 * The idempotency key makes a retried submit return the group filed first.
 */
export async function submitBundle(
  db: Executor,
  actor: Actor,
  input: Omit<z.output<typeof submitBundleSchema>, "uploads"> & { uploads?: Record<string, string> },
  now = new Date(),
): Promise<SubmittedBundle> {
  requirePermission(actor, "application:file");
  const personId = actor.personId;
  if (!personId) throw new AppError("FORBIDDEN", "errors.forbidden");

  // A retry first: the group filed under this key is the answer, whatever has changed since.
  const bundle = await findBundleOrThrow(db, input.bundleCode);
  const replay = async (ex: Executor): Promise<SubmittedBundle | null> => {
    const [existing] = await ex
      .select({ bundleId: applications.bundleId, groupId: applications.bundleGroupId })
      .from(applications)
      .where(and(eq(applications.applicantPersonId, personId), eq(applications.idempotencyKey, input.idempotencyKey)));
    if (!existing) return null;
    if (existing.bundleId !== bundle.id || !existing.groupId) throw new AppError("CONFLICT", "errors.apply.keyReused");
    return { groupId: existing.groupId, replayed: true };
  };
  const earlier = await replay(db);
  if (earlier) return earlier;

  const plan = await planBundle(db, personId, { bundleCode: input.bundleCode, subjectPersonId: input.subjectPersonId, now });
  if (plan.forChild && !plan.subjectId) throw new AppError("VALIDATION", "errors.validation", { internal: "bundle needs a child" });
  if (plan.included.length === 0) throw new AppError("CONFLICT", "errors.apply.bundleEmpty");
  const codes = plan.included.map((p) => p.service.code);
  if (input.services && [...input.services].sort().join() !== [...codes].sort().join()) {
    throw new AppError("CONFLICT", "errors.apply.bundleChanged", { internal: `saw ${input.services.join()}, now ${codes.join()}` });
  }

  const lockedNames = new Set(Object.keys(plan.locked));
  // A field left out counts as left empty (the required ones then fail as required).
  const blank = Object.fromEntries(plan.fields.filter((f) => !lockedNames.has(f.name)).map((f) => [f.name, ""]));
  const parsed = buildAnswersSchema(plan.fields, lockedNames).safeParse({ ...blank, ...input.answers });
  if (!parsed.success) throw validationError(parsed.error.issues);
  const answers: Record<string, string> = { ...parsed.data, ...plan.locked };
  const formDataOf = plan.included.map((p) => {
    const own = buildAnswersSchema(p.fields, lockedNames).safeParse(
      Object.fromEntries(p.fields.filter((f) => !lockedNames.has(f.name)).map((f) => [f.name, parsed.data[f.name] ?? ""])),
    );
    if (!own.success) throw validationError(own.error.issues);
    return Object.fromEntries(p.fields.flatMap((f) => (f.name in answers ? [[f.name, answers[f.name]]] : [])));
  });

  const today = toChinaDate(now);
  return db.transaction(async (tx) => {
    const groupId = crypto.randomUUID();
    const claimed = new Set<string>();
    const numbers: string[] = [];
    let firstId: string | null = null;
    // The applications filed so far, by service code: a later service waits for the certificate an earlier one issues.
    const filed = new Map<string, { id: string; number: string }>();
    for (const [i, p] of plan.included.entries()) {
      const service = p.service;
      // The child's services are filed about the child; the resident's own (a parent's residence permit) about nobody else.
      const subjectId = p.aboutChild ? plan.subjectId : null;
      // The plan left out what was applied for when it was read; this catches a filing since.
      await refuseIfOpen(tx, {
        serviceId: service.id,
        applicantId: personId,
        subjectId,
        exceptKey: i === 0 ? input.idempotencyKey : `${input.idempotencyKey}#${service.code}`,
      });
      const clock = receiptClock(today, service);
      const uploadFor = new Map(
        p.checks.flatMap((c) => {
          const key = plan.keyOf.get(c.materialId);
          const uploadId = key && uploadableOutcomes.has(c.outcome) && !p.producedBy.has(c.materialId) ? input.uploads?.[key] : undefined;
          return uploadId ? [[c.materialId, uploadId] as const] : [];
        }),
      );
      // 前置事项: what an earlier service of this group, or another open application, will issue is awaited.
      const awaitedFor = new Map<string, { id: string; number: string }>();
      for (const c of p.checks) {
        if (uploadFor.has(c.materialId)) continue;
        const issuedBy = p.producedBy.get(c.materialId);
        const producer = issuedBy ? filed.get(issuedBy.code) : c.outcome === "awaiting" && c.awaiting ? { id: c.awaiting.applicationId, number: c.awaiting.number } : undefined;
        if (producer) awaitedFor.set(c.materialId, producer);
      }
      const awaiting = awaitedFor.size > 0;
      const number = await nextApplicationNumber(tx, today);
      const [created] = await tx
        .insert(applications)
        .values({
          number,
          serviceId: service.id,
          bundleId: plan.bundle.id,
          bundleGroupId: groupId,
          applicantPersonId: personId,
          subjectPersonId: subjectId,
          status: awaiting ? "awaiting" : "submitted",
          channel: "online",
          formData: formDataOf[i] ?? {},
          submittedAt: now,
          ...clockColumns(clock, now),
          ...filingColumns(service, today),
          ...(awaiting ? AWAITING_COLUMNS : {}),
          // The first application carries the key itself; the others derive theirs from it.
          idempotencyKey: i === 0 ? input.idempotencyKey : `${input.idempotencyKey}#${service.code}`,
          createdByUserId: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [applications.applicantPersonId, applications.idempotencyKey] })
        .returning({ id: applications.id, number: applications.number });
      if (!created) {
        // A concurrent submit with the same key committed first.
        const again = await replay(tx);
        if (again) return again;
        throw new AppError("CONFLICT", "errors.apply.keyReused");
      }
      firstId ??= created.id;
      numbers.push(created.number);
      filed.set(service.code, created);

      // A file is claimed by the first application that needs it and linked to the rest.
      const fresh = [...new Set(uploadFor.values())].filter((id) => !claimed.has(id));
      await claimUploads(tx, personId, created.id, fresh);
      for (const id of fresh) claimed.add(id);

      const rows = p.checks.map((c) => {
        const uploadId = uploadFor.get(c.materialId) ?? null;
        const issuedBy = p.producedBy.get(c.materialId);
        const producer = awaitedFor.get(c.materialId);
        return {
          applicationId: created.id,
          personId,
          serviceMaterialId: c.materialId,
          source: producer ? ("awaiting" as const) : materialSource(c.outcome, uploadId),
          licenceId: c.outcome === "library" ? (c.licence?.id ?? null) : null,
          uploadId,
          awaitingApplicationId: producer?.id ?? null,
          // Issued by an earlier application of this group (or another open one): attached when it is approved.
          note: !producer
            ? null
            : issuedBy
              ? systemNote("notes.bundleIssued", { serviceZh: issuedBy.nameZh, serviceEn: issuedBy.nameEn })
              : c.awaiting
                ? systemNote("notes.awaiting", { serviceZh: c.awaiting.nameZh, serviceEn: c.awaiting.nameEn, number: c.awaiting.number })
                : null,
          createdAt: now,
        };
      });
      if (rows.length > 0) await tx.insert(applicationMaterials).values(rows);
      await recordSubmittedEvent(tx, actor, { id: created.id, personId }, now, clock, [...new Set([...awaitedFor.values()].map((a) => a.number))]);
      // 自动比对: services with automatic eligibility checks are checked as they are filed.
      await runEligibilityChecks(tx, created.id, { today: toChinaDate(now) });
      await recordAudit(tx, {
        actorUserId: actor.id,
        actorRole: actor.role,
        action: "application.submit",
        entityType: "application",
        entityId: created.id,
        personId,
        detail: {
          service: service.code,
          bundle: plan.bundle.code,
          bundleGroupId: groupId,
          materialsFromLibrary: rows.filter((r) => r.source === "library").length,
          materialsUploaded: rows.filter((r) => r.source === "upload").length,
          channel: "online",
        },
      });
    }
    if (firstId) {
      await notifyStatusChange(tx, {
        personId,
        applicationId: firstId,
        messageKey: "applicationSubmitted",
        params: { number: numbers.join("、"), serviceZh: plan.bundle.nameZh, serviceEn: plan.bundle.nameEn },
        now,
      });
    }
    return { groupId, replayed: false };
  });
}

export type BundleGroup = {
  groupId: string;
  bundle: { code: string; nameZh: string; nameEn: string };
  applications: {
    id: string;
    number: string;
    serviceCode: string;
    serviceNameZh: string;
    serviceNameEn: string;
    status: ApplicationStatus;
    /** The promised completion date: set on acceptance, estimated from submission until then. */
    dueOn: string;
    materials: number;
    fromLibrary: number;
    uploaded: number;
  }[];
  /** Counted once per material across the bundle (a licence or file shared by several services counts once). */
  materialsTotal: number;
  materialsFromLibrary: number;
  materialsUploaded: number;
};

/** One filed bundle of the signed-in resident; anyone else's group is NOT_FOUND. */
export async function getMyBundleGroupOrThrow(db: Executor, actor: Actor, groupId: string): Promise<BundleGroup> {
  requirePermission(actor, "application:file");
  if (!actor.personId) throw new AppError("NOT_FOUND", "errors.notFound");
  const apps = await db
    .select({
      id: applications.id,
      number: applications.number,
      status: applications.status,
      dueOn: applications.dueOn,
      submittedAt: applications.submittedAt,
      bundleId: applications.bundleId,
      code: services.code,
      nameZh: services.nameZh,
      nameEn: services.nameEn,
      promisedLimitDays: services.promisedLimitDays,
    })
    .from(applications)
    .innerJoin(services, eq(services.id, applications.serviceId))
    .where(and(eq(applications.bundleGroupId, groupId), eq(applications.applicantPersonId, actor.personId)))
    .orderBy(asc(applications.number));
  const bundleId = apps[0]?.bundleId;
  if (!bundleId) throw new AppError("NOT_FOUND", "errors.notFound");
  const [bundleRow] = await db
    .select({ code: serviceBundles.code, nameZh: serviceBundles.nameZh, nameEn: serviceBundles.nameEn })
    .from(serviceBundles)
    .where(eq(serviceBundles.id, bundleId));
  if (!bundleRow) throw new AppError("NOT_FOUND", "errors.notFound");
  const materials = await db
    .select({
      applicationId: applicationMaterials.applicationId,
      source: applicationMaterials.source,
      uploadId: applicationMaterials.uploadId,
      id: serviceMaterials.id,
      kind: serviceMaterials.kind,
      licenceTypeId: serviceMaterials.licenceTypeId,
      subject: serviceMaterials.subject,
    })
    .from(applicationMaterials)
    .innerJoin(serviceMaterials, eq(serviceMaterials.id, applicationMaterials.serviceMaterialId))
    .where(
      and(
        eq(applicationMaterials.personId, actor.personId),
        inArray(
          applicationMaterials.applicationId,
          apps.map((a) => a.id),
        ),
      ),
    );
  const keys = new Set(materials.map(materialKey));
  const libraryKeys = new Set(materials.filter((m) => m.source === "library").map(materialKey));
  const uploadIds = new Set(materials.flatMap((m) => (m.uploadId ? [m.uploadId] : [])));
  return {
    groupId,
    bundle: bundleRow,
    applications: apps.map((a) => {
      const own = materials.filter((m) => m.applicationId === a.id);
      return {
        id: a.id,
        number: a.number,
        serviceCode: a.code,
        serviceNameZh: a.nameZh,
        serviceNameEn: a.nameEn,
        status: a.status,
        dueOn: a.dueOn ?? addWorkingDays(toChinaDate(a.submittedAt ?? new Date()), a.promisedLimitDays),
        materials: own.length,
        fromLibrary: own.filter((m) => m.source === "library").length,
        uploaded: own.filter((m) => m.source === "upload").length,
      };
    }),
    materialsTotal: keys.size,
    materialsFromLibrary: libraryKeys.size,
    materialsUploaded: uploadIds.size,
  };
}
