import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applicationEvents, applicationMaterials, applications, serviceMaterials, services, uploads } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import { runEligibilityChecks } from "@/lib/eligibility/checks/run-eligibility-checks";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { receiptClock, resumeClock } from "@/lib/calendar/application-clock";
import { addWorkingDays, toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { loadApplicantContext } from "./applicant-context";
import { claimUploads } from "./claim-uploads";
import { clockColumns } from "./filing-steps";
import { applyTransition, enterStep } from "./lifecycle/apply-transition";
import { workflowOf } from "./lifecycle/transitions";
import { answerSupplementSchema, type AnswerSupplementInput } from "./process-schemas";
import { resolveMaterials, type MaterialCheck } from "./resolve-materials";
import { systemNote } from "@/lib/i18n/system-notes";

export type SupplementMaterial = {
  /** application_materials.id: the key of the answer's `uploads`. */
  id: string;
  nameZh: string;
  nameEn: string;
  source: "library" | "upload" | "counter" | "form" | "awaiting";
  /** The file handed in before, if any (the resident's own, previewable). */
  previousUpload: { id: string; fileName: string } | null;
  /** A valid licence the library now holds for it: answering takes it, no upload needed. */
  library: { typeNameZh: string; typeNameEn: string; licenceNumber: string; issuerName: string; validUntil: string | null } | null;
};

export type SupplementRequest = {
  applicationId: string;
  version: number;
  reason: string | null;
  requestedAt: Date | null;
  materials: SupplementMaterial[];
};

type Owned = { id: string; applicantPersonId: string; subjectPersonId: string | null; serviceId: string; dueOn: string | null };

function ownerOf(actor: Actor): string {
  requirePermission(actor, "application:read-own");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  return actor.personId;
}

/**
 * The library's answer for the named materials now: the valid licence it holds (a renewed one
 * when the clerk found the old one wanting — expired or revoked ones are never offered). The
 * clerk checks it again; a resident who would rather hand in a file may upload instead.
 */
async function libraryNow(tx: Executor, app: Owned, today: string): Promise<Map<string, MaterialCheck>> {
  const ctx = await loadApplicantContext(tx, app.applicantPersonId, app.subjectPersonId);
  const checks = await resolveMaterials(tx, app.serviceId, ctx, { today, completeBy: app.dueOn && app.dueOn > today ? app.dueOn : today });
  return new Map(checks.filter((c) => c.outcome === "library" && c.licence).map((c) => [c.materialId, c]));
}

async function namedMaterials(tx: Executor, applicationId: string, personId: string) {
  return tx
    .select({
      id: applicationMaterials.id,
      serviceMaterialId: applicationMaterials.serviceMaterialId,
      source: applicationMaterials.source,
      licenceId: applicationMaterials.licenceId,
      uploadId: uploads.id,
      uploadFileName: uploads.fileName,
      nameZh: serviceMaterials.nameZh,
      nameEn: serviceMaterials.nameEn,
    })
    .from(applicationMaterials)
    .innerJoin(serviceMaterials, eq(serviceMaterials.id, applicationMaterials.serviceMaterialId))
    .leftJoin(uploads, and(eq(uploads.id, applicationMaterials.uploadId), eq(uploads.ownerPersonId, personId)))
    .where(
      and(
        eq(applicationMaterials.applicationId, applicationId),
        eq(applicationMaterials.personId, personId),
        eq(applicationMaterials.supplementRequested, true),
      ),
    )
    .orderBy(asc(serviceMaterials.position));
}

/**
 * What the clerk asked the resident to supplement on one of their own applications: the
 * reason and each named material, with what the library can now supply. Null when no
 * supplement is outstanding; another person's application is NOT_FOUND.
 */
export async function getMySupplementRequest(db: Executor, actor: Actor, applicationId: string, now = new Date()): Promise<SupplementRequest | null> {
  const personId = ownerOf(actor);
  const [app] = await db
    .select({
      id: applications.id,
      applicantPersonId: applications.applicantPersonId,
      subjectPersonId: applications.subjectPersonId,
      serviceId: applications.serviceId,
      dueOn: applications.dueOn,
      status: applications.status,
      version: applications.version,
    })
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.applicantPersonId, personId)));
  if (!app) throw new AppError("NOT_FOUND", "errors.notFound");
  if (app.status !== "supplement_requested") return null;
  const [request] = await db
    .select({ note: applicationEvents.note, at: applicationEvents.occurredAt })
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.personId, personId), eq(applicationEvents.toStatus, "supplement_requested")))
    .orderBy(desc(applicationEvents.occurredAt), desc(applicationEvents.id))
    .limit(1);
  const [named, library] = await Promise.all([namedMaterials(db, app.id, personId), libraryNow(db, app, toChinaDate(now))]);
  return {
    applicationId: app.id,
    version: app.version,
    reason: request?.note ?? null,
    requestedAt: request?.at ?? null,
    materials: named.map((m) => {
      const usable = library.get(m.serviceMaterialId)?.licence ?? null;
      return {
        id: m.id,
        nameZh: m.nameZh,
        nameEn: m.nameEn,
        source: m.source,
        previousUpload: m.uploadId && m.uploadFileName ? { id: m.uploadId, fileName: m.uploadFileName } : null,
        library: usable
          ? { typeNameZh: usable.typeNameZh, typeNameEn: usable.typeNameEn, licenceNumber: usable.licenceNumber, issuerName: usable.issuerName, validUntil: usable.validUntil }
          : null,
      };
    }),
  };
}

export type AnsweredSupplement = {
  applicationId: string;
  number: string;
  status: ApplicationStatus;
  version: number;
  /** True when this call found the answer an identical earlier call (a double click) had given. */
  replayed: boolean;
};

function parse(input: unknown) {
  const parsed = answerSupplementSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError("VALIDATION", "errors.validation", { internal: parsed.error.message });
}

/**
 * The resident answers a supplement request by supplying exactly the materials the clerk
 * named — each by an upload, or from the library where it now holds a valid licence — which
 * resubmits the application. Before acceptance that is a fresh receipt (the 5-day completeness
 * clock restarts); after acceptance the paused clock resumes and both due dates move later by
 * the working days it stood still, and the application returns to `accepted`. Materials,
 * status, event, audit row and notice commit together; a repeated submit of the same answer
 * returns the first result.
 */
export async function answerSupplement(db: Executor, actor: Actor, rawInput: AnswerSupplementInput, now = new Date()): Promise<AnsweredSupplement> {
  const personId = ownerOf(actor);
  requirePermission(actor, "application:file");
  const input = parse(rawInput);
  const today = toChinaDate(now);

  return db.transaction(async (tx) => {
    const [app] = await tx
      .select({
        id: applications.id,
        number: applications.number,
        applicantPersonId: applications.applicantPersonId,
        subjectPersonId: applications.subjectPersonId,
        serviceId: applications.serviceId,
        status: applications.status,
        version: applications.version,
        acceptedAt: applications.acceptedAt,
        clockPausedAt: applications.clockPausedAt,
        dueOn: applications.dueOn,
        legalDueOn: applications.legalDueOn,
        pausedWorkingDays: applications.pausedWorkingDays,
        workflow: applications.workflow,
        stepIndex: applications.stepIndex,
        stepDueOn: applications.stepDueOn,
        onTheSpot: services.onTheSpot,
        serviceCode: services.code,
        serviceZh: services.nameZh,
        serviceEn: services.nameEn,
        promisedLimitDays: services.promisedLimitDays,
        legalLimitDays: services.legalLimitDays,
      })
      .from(applications)
      .innerJoin(services, eq(services.id, applications.serviceId))
      .where(and(eq(applications.id, input.applicationId), eq(applications.applicantPersonId, personId)));
    if (!app) throw new AppError("NOT_FOUND", "errors.notFound");

    if (app.version !== input.version || app.status !== "supplement_requested") {
      const [latest] = await tx
        .select({ from: applicationEvents.fromStatus, actorUserId: applicationEvents.actorUserId })
        .from(applicationEvents)
        .where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.personId, personId)))
        .orderBy(desc(applicationEvents.occurredAt), desc(applicationEvents.id))
        .limit(1);
      if (app.version === input.version + 1 && latest?.from === "supplement_requested" && latest.actorUserId === actor.id) {
        return { applicationId: app.id, number: app.number, status: app.status, version: app.version, replayed: true };
      }
      if (app.status !== "supplement_requested") {
        throw new AppError("CONFLICT", "errors.process.notAwaitingSupplement", { internal: `answer while ${app.status}` });
      }
      throw new AppError("CONFLICT", "track.errors.changedMeanwhile", { internal: "version moved before the answer" });
    }

    const named = await namedMaterials(tx, app.id, personId);
    const namedIds = new Set(named.map((m) => m.id));
    const stray = Object.keys(input.uploads).filter((id) => !namedIds.has(id));
    if (stray.length > 0) {
      throw new AppError("VALIDATION", "errors.process.supplementUnexpected", {
        fieldErrors: Object.fromEntries(stray.map((id) => [`uploads.${id}`, "validation.invalid"])),
      });
    }
    const library = await libraryNow(tx, app, today);
    const answers = named.map((m) => {
      const uploadId = input.uploads[m.id];
      if (uploadId) return { id: m.id, source: "upload" as const, uploadId, licenceId: null };
      const found = library.get(m.serviceMaterialId)?.licence;
      if (found) return { id: m.id, source: "library" as const, uploadId: null, licenceId: found.id };
      return { id: m.id, source: null, uploadId: null, licenceId: null };
    });
    const missing = answers.filter((a) => a.source === null);
    if (missing.length > 0) {
      throw new AppError("VALIDATION", "errors.process.supplementIncomplete", {
        fieldErrors: Object.fromEntries(missing.map((a) => [`uploads.${a.id}`, "validation.required"])),
      });
    }
    await claimUploads(
      tx,
      personId,
      app.id,
      answers.flatMap((a) => (a.uploadId ? [a.uploadId] : [])),
    );

    // Before acceptance: received anew. After: the paused clock resumes where it stood.
    const afterAcceptance = app.acceptedAt !== null;
    let set: Partial<typeof applications.$inferInsert>;
    let data: Record<string, unknown>;
    let status: ApplicationStatus;
    if (afterAcceptance && app.dueOn && app.legalDueOn) {
      const pausedOn = toChinaDate(app.clockPausedAt ?? now);
      const resumed = resumeClock({ pausedOn, pausedWorkingDays: app.pausedWorkingDays, dueOn: app.dueOn, legalDueOn: app.legalDueOn }, today);
      status = "accepted";
      // The step's own deadline moves by the same working days as the promised one.
      const stepDueOn = app.stepDueOn ? addWorkingDays(app.stepDueOn, resumed.paused) : null;
      set = { clockPausedAt: null, pausedWorkingDays: resumed.pausedWorkingDays, dueOn: resumed.dueOn, legalDueOn: resumed.legalDueOn, stepDueOn };
      data = { pausedWorkingDays: resumed.paused, totalPausedWorkingDays: resumed.pausedWorkingDays, dueOn: resumed.dueOn, legalDueOn: resumed.legalDueOn };
    } else {
      const clock = receiptClock(today, app);
      status = "submitted";
      set = { clockPausedAt: null, ...clockColumns(clock, now), ...enterStep(workflowOf(app), 0, today) };
      data = { pausedWorkingDays: 0, totalPausedWorkingDays: app.pausedWorkingDays, dueOn: clock.dueOn, legalDueOn: clock.legalDueOn, acceptDueOn: clock.acceptDueOn };
    }

    for (const a of answers) {
      await tx
        .update(applicationMaterials)
        .set({ source: a.source!, uploadId: a.uploadId, licenceId: a.licenceId, supplementRequested: false, verifiedAt: null, note: systemNote("notes.suppliedOnRequest") })
        .where(and(eq(applicationMaterials.id, a.id), eq(applicationMaterials.personId, personId)));
    }
    const updated = await applyTransition(tx, {
      action: "answerSupplement",
      actor,
      app: { id: app.id, personId, status: "supplement_requested", version: input.version },
      events: [{ from: "supplement_requested", to: status, note: systemNote("notes.supplementAnswered"), data }],
      set,
      audit: {
        service: app.serviceCode,
        uploaded: answers.filter((a) => a.source === "upload").length,
        fromLibrary: answers.filter((a) => a.source === "library").length,
        pausedWorkingDays: Number(data.pausedWorkingDays),
      },
      notice: {
        key: "applicationResubmitted",
        params: { number: app.number, serviceZh: app.serviceZh, serviceEn: app.serviceEn, dueOn: String(data.dueOn) },
      },
      now,
      stale: () => new AppError("CONFLICT", "track.errors.changedMeanwhile", { internal: "version moved during the answer" }),
    });
    // The supplied materials may change what the automatic checks can tell.
    await runEligibilityChecks(tx, app.id, { today });
    return { applicationId: app.id, number: app.number, status, version: updated.version, replayed: false };
  });
}
