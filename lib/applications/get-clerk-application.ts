import "server-only";
import { checkCriteria, type CriterionCheck } from "@/lib/eligibility/check-criteria";
import { parseEligibility } from "@/lib/eligibility/definition-schema";
import { loadDefinitionVersion } from "@/lib/catalogue/definition-rows";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { inTurn, type Executor } from "@/db/client";
import {
  applicationEvents,
  applicationMaterials,
  applications,
  eligibilityChecks,
  licenceTypes,
  licenceVerifications,
  licences,
  persons,
  serviceMaterials,
  services,
  uploads,
  users,
} from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import type { ApprovalHint } from "@/db/schema/catalogue";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { light, type Light } from "@/lib/calendar/application-clock";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { maskResidentId } from "@/lib/id-number";
import { effectiveStatusSql, type LicenceStatus } from "@/lib/licences/effective-status";
import { displayLicenceNumber } from "@/lib/licences/list-my-licences";
import { recordLicenceAccess } from "@/lib/licences/record-licence-access";
import { maskPhone } from "@/lib/persons/mask-phone";
import { stepShareDays, type StepKind, type Workflow, type WorkflowStep } from "@/lib/workflows/workflow-schema";
import { inClerkScope } from "./clerk-scope";
import { allowedActions, refusalOf, workflowOf, type LifecycleState, type StaffAction } from "./lifecycle/transitions";
import { handlersOf } from "./lifecycle/handlers";
import { optionLabels } from "@/lib/i18n/labels";

/** The reason for use the resident reads in "who used my data" when a clerk opens their application. */
export const MATERIAL_CHECK_PURPOSE = "办件材料核验";

const ID_LIKE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/** Masks every resident ID number inside a free text value (form answers, licence fields). */
export const maskIdsIn = (value: string) => value.replace(ID_LIKE, (id) => maskResidentId(id.toUpperCase()));

export type ClerkMaterial = {
  serviceMaterialId: string;
  nameZh: string;
  nameEn: string;
  kind: "licence" | "upload" | "form";
  required: boolean;
  /** The application's row for this material; null when nothing was provided. */
  applicationMaterialId: string | null;
  source: "library" | "upload" | "counter" | "form" | "awaiting" | null;
  supplementRequested: boolean;
  verifiedAt: Date | null;
  note: string | null;
  licence: {
    id: string;
    typeZh: string;
    typeEn: string;
    licenceNumber: string;
    identifier: string;
    holderName: string;
    issuerName: string;
    issuedOn: string;
    validFrom: string;
    validUntil: string | null;
    status: LicenceStatus;
    statusReason: string | null;
    fields: { key: string; value: string }[];
    verifications: { at: Date; by: string; method: string; result: string; detail: string | null }[];
  } | null;
  upload: { id: string; fileName: string; contentType: string; sizeBytes: number } | null;
};

export type ClerkApplication = {
  id: string;
  number: string;
  status: ApplicationStatus;
  version: number;
  channel: string;
  service: {
    code: string;
    nameZh: string;
    nameEn: string;
    onTheSpot: boolean;
    promisedLimitDays: number;
    legalLimitDays: number;
    approvalHints: ApprovalHint[];
    /** The service version the application was filed under (its limits, form and materials above). */
    version: number;
    /** The service's version today: when later, the clerk is told the application follows its own. */
    currentVersion: number;
    /** The licence approval writes into the library, if the service issues one. */
    outputLicenceZh: string | null;
    outputLicenceEn: string | null;
  };
  /** The register's mobile number masked; revealApplicantPhone gives it whole, logged. */
  applicant: { name: string; idMasked: string; phoneMasked: string | null };
  /**
   * valueLabel: the chosen option's words (lib/i18n/labels), for select fields. phone: a phone
   * answer, masked in value like the applicant's number and revealed with it.
   */
  form: { name: string; labelZh: string; labelEn: string; value: string; valueLabel?: { zh: string; en: string } | null; phone?: true }[];
  clock: {
    light: Light;
    submittedAt: Date | null;
    receivedAt: Date | null;
    acceptedAt: Date | null;
    completedAt: Date | null;
    acceptDueOn: string | null;
    dueOn: string | null;
    legalDueOn: string | null;
    pausedWorkingDays: number;
    clockPausedAt: Date | null;
    deemedAccepted: boolean;
  };
  flag: { at: Date; reason: string | null } | null;
  timeline: {
    id: number;
    from: ApplicationStatus | null;
    to: ApplicationStatus;
    at: Date;
    by: string | null;
    role: string | null;
    note: string | null;
    /** The workflow step the event was taken at and what it recorded (review opinion, delivery method). */
    step: WorkflowEventDetail | null;
  }[];
  /** The workflow this application follows, where it stands, and what this user may do now. */
  workflow: {
    steps: { kind: StepKind; level?: 1 | 2; shareDays: number; current: boolean; done: boolean }[];
    current: WorkflowStep | null;
    stepDueOn: string | null;
    stepLight: Light;
    escalatedAt: Date | null;
    allowed: StaffAction[];
    /** Why the decision buttons are missing for this user, when separation of duties is the reason. */
    heldBack: "separationOfDuties" | null;
  };
  materials: ClerkMaterial[];
  eligibility: { criterion: string; result: "pass" | "fail" | "unknown"; detail: Record<string, string | number | boolean | null>; checkedAt: Date }[];
  /**
   * Each condition of the service's rule (the version filed under) checked against today's
   * registers for the applicant and subject, in words; empty when the service has no rule.
   */
  criteria: CriterionCheck[];
  /** Whose the criteria are: the subject's name (a child) or the applicant's. */
  criteriaSubjectName: string;
  related: { id: string; number: string; serviceNameZh: string; serviceNameEn: string; status: ApplicationStatus; submittedAt: Date | null }[];
};

export type WorkflowEventDetail = {
  kind: StepKind | "escalated";
  level?: number;
  opinion?: string;
  method?: string;
  trackingNo?: string | null;
};

function eventDetail(data: Record<string, unknown> | null): WorkflowEventDetail | null {
  if (!data) return null;
  if (typeof data.escalated === "string") return { kind: "escalated" };
  if (typeof data.step !== "string") return null;
  return {
    kind: data.step as StepKind,
    ...(typeof data.level === "number" ? { level: data.level } : {}),
    ...(typeof data.opinion === "string" ? { opinion: data.opinion } : {}),
    ...(typeof data.method === "string" ? { method: data.method, trackingNo: typeof data.trackingNo === "string" ? data.trackingNo : null } : {}),
  };
}

function workflowView(
  actor: Actor,
  a: { status: ApplicationStatus; stepIndex: number; stepKind: string | null; stepDueOn: string | null; stepEscalatedAt: Date | null },
  workflow: Workflow,
  handledBy: LifecycleState["handledBy"],
  today: string,
): ClerkApplication["workflow"] {
  const state: LifecycleState = { status: a.status, workflow, stepIndex: a.stepIndex, handledBy };
  const open = a.stepKind !== null && a.status !== "completed" && a.status !== "rejected" && a.status !== "withdrawn";
  const allowed = allowedActions(actor, state);
  const decideRefusal = refusalOf(actor, "approve", state);
  return {
    steps: workflow.steps.map((st, i) => ({
      kind: st.kind,
      ...(st.kind === "review" ? { level: st.level } : {}),
      shareDays: stepShareDays(st),
      current: open && i === a.stepIndex,
      done: !open ? a.status === "completed" || i < a.stepIndex : i < a.stepIndex,
    })),
    current: open ? (workflow.steps[a.stepIndex] ?? null) : null,
    stepDueOn: open ? a.stepDueOn : null,
    stepLight: open && a.stepDueOn ? light({ status: "accepted", acceptDueOn: null, dueOn: a.stepDueOn }, today) : "none",
    escalatedAt: open ? a.stepEscalatedAt : null,
    allowed,
    heldBack: decideRefusal?.message === "errors.process.separationOfDuties" ? "separationOfDuties" : null,
  };
}

/** The chosen option's words, only for a select answer the definition knows. */
const optionalLabel = (f: { options?: { value: string; labelZh: string; labelEn: string }[] }, v: unknown) => {
  const valueLabel = optionLabels(f, v);
  return valueLabel ? { valueLabel } : {};
};

/** A form answer as the clerk sees it: ID numbers and phone numbers masked. */
function formValue(f: { type: string }, v: unknown): string {
  if (f.type === "id_number" && typeof v === "string") return maskResidentId(v);
  if (f.type === "phone" && typeof v === "string") return maskPhone(v) ?? display(v);
  return display(v);
}

const display = (v: unknown): string => {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") return maskIdsIn(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return maskIdsIn(JSON.stringify(v));
};

/**
 * An application as the clerk works it: form (ID numbers masked), clock, timeline, each
 * material with its source, library licences with fields, effective status and verification
 * history, uploads, eligibility checks, approval hints and the applicant's earlier
 * applications in the clerk's scope. Out of scope is NOT_FOUND. Reading the licences is
 * logged to the holder's access log in the same transaction.
 */
export async function getClerkApplicationOrThrow(db: Executor, actor: Actor, applicationId: string, now = new Date()): Promise<ClerkApplication> {
  requirePermission(actor, "application:work");
  requirePermission(actor, "licence:read-for-processing");
  const today = toChinaDate(now);
  const outputType = alias(licenceTypes, "output_type");
  const subject = alias(persons, "subject");

  return db.transaction(async (tx) => {
    const [app] = await tx
      .select({
        a: applications,
        serviceCode: services.code,
        serviceNameZh: services.nameZh,
        serviceNameEn: services.nameEn,
        onTheSpot: services.onTheSpot,
        promisedLimitDays: services.promisedLimitDays,
        legalLimitDays: services.legalLimitDays,
        approvalHints: services.approvalHints,
        formFields: services.formFields,
        currentVersion: services.version,
        outputLicenceZh: outputType.nameZh,
        outputLicenceEn: outputType.nameEn,
        applicantName: persons.name,
        applicantIdNumber: persons.idNumber,
        applicantPhone: persons.phone,
        subjectName: subject.name,
        eligibility: services.eligibility,
      })
      .from(applications)
      .innerJoin(services, eq(services.id, applications.serviceId))
      .innerJoin(persons, eq(persons.id, applications.applicantPersonId))
      .leftJoin(subject, eq(subject.id, applications.subjectPersonId))
      .leftJoin(outputType, eq(outputType.id, services.issuesLicenceTypeId))
      .where(and(eq(applications.id, applicationId), ne(applications.status, "draft"), inClerkScope(applications.serviceId, actor)));
    if (!app) throw new AppError("NOT_FOUND", "errors.notFound");
    const a = app.a;
    const personId = a.applicantPersonId;
    // Filed under an earlier version: what that version promised and asked for, and its rule, not today's.
    const filed = a.serviceVersion !== app.currentVersion ? await loadDefinitionVersion(tx, a.serviceId, a.serviceVersion) : null;
    const live = app.eligibility ? parseEligibility(app.eligibility) : null;
    const rule = filed ? filed.eligibility : live?.ok ? live.value : null;
    const criteria = rule ? await checkCriteria(tx, rule, { today, applicantId: personId, subjectId: a.subjectPersonId }) : [];
    if (filed) {
      Object.assign(app, {
        serviceNameZh: filed.nameZh,
        serviceNameEn: filed.nameEn,
        onTheSpot: filed.onTheSpot,
        promisedLimitDays: filed.promisedLimitDays,
        legalLimitDays: filed.legalLimitDays,
        approvalHints: filed.approvalHints,
        formFields: filed.form,
      });
    }

    const [materialRows, events, checks, related] = await inTurn([
      tx
        .select({
          serviceMaterialId: serviceMaterials.id,
          nameZh: serviceMaterials.nameZh,
          nameEn: serviceMaterials.nameEn,
          kind: serviceMaterials.kind,
          required: serviceMaterials.required,
          applicationMaterialId: applicationMaterials.id,
          source: applicationMaterials.source,
          supplementRequested: applicationMaterials.supplementRequested,
          verifiedAt: applicationMaterials.verifiedAt,
          note: applicationMaterials.note,
          licence: {
            id: licences.id,
            identifier: licences.identifier,
            licenceNumber: licences.licenceNumber,
            holderName: licences.holderName,
            holderCode: licences.holderCode,
            holderCodeType: licences.holderCodeType,
            issuerName: licences.issuerName,
            issuedOn: licences.issuedOn,
            validFrom: licences.validFrom,
            validUntil: licences.validUntil,
            status: effectiveStatusSql(today),
            statusReason: licences.statusReason,
            fields: licences.fields,
          },
          typeZh: licenceTypes.nameZh,
          typeEn: licenceTypes.nameEn,
          upload: { id: uploads.id, fileName: uploads.fileName, contentType: uploads.contentType, sizeBytes: uploads.sizeBytes },
        })
        .from(serviceMaterials)
        .leftJoin(
          applicationMaterials,
          and(
            eq(applicationMaterials.serviceMaterialId, serviceMaterials.id),
            eq(applicationMaterials.applicationId, a.id),
            eq(applicationMaterials.personId, personId),
          ),
        )
        .leftJoin(licences, eq(licences.id, applicationMaterials.licenceId))
        .leftJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
        .leftJoin(uploads, eq(uploads.id, applicationMaterials.uploadId))
        .where(and(eq(serviceMaterials.serviceId, a.serviceId), eq(serviceMaterials.version, a.serviceVersion)))
        .orderBy(asc(serviceMaterials.position)),
      tx
        .select({
          id: applicationEvents.id,
          from: applicationEvents.fromStatus,
          to: applicationEvents.toStatus,
          at: applicationEvents.occurredAt,
          by: users.displayName,
          role: applicationEvents.actorRole,
          note: applicationEvents.note,
          data: applicationEvents.data,
          actorUserId: applicationEvents.actorUserId,
        })
        .from(applicationEvents)
        .leftJoin(users, eq(users.id, applicationEvents.actorUserId))
        .where(and(eq(applicationEvents.applicationId, a.id), eq(applicationEvents.personId, personId)))
        .orderBy(asc(applicationEvents.occurredAt), asc(applicationEvents.id)),
      tx
        .select({ criterion: eligibilityChecks.criterion, result: eligibilityChecks.result, detail: eligibilityChecks.detail, checkedAt: eligibilityChecks.checkedAt })
        .from(eligibilityChecks)
        .where(and(eq(eligibilityChecks.applicationId, a.id), eq(eligibilityChecks.personId, personId)))
        .orderBy(asc(eligibilityChecks.criterion)),
      tx
        .select({
          id: applications.id,
          number: applications.number,
          serviceNameZh: services.nameZh,
          serviceNameEn: services.nameEn,
          status: applications.status,
          submittedAt: applications.submittedAt,
        })
        .from(applications)
        .innerJoin(services, eq(services.id, applications.serviceId))
        .where(
          and(
            eq(applications.applicantPersonId, personId),
            ne(applications.id, a.id),
            ne(applications.status, "draft"),
            inClerkScope(applications.serviceId, actor),
          ),
        )
        .orderBy(desc(applications.createdAt))
        .limit(10),
    ]);

    const licenceIds = materialRows.flatMap((m) => (m.licence?.id ? [m.licence.id] : []));
    const verifications =
      licenceIds.length === 0
        ? []
        : await tx
            .select({
              licenceId: licenceVerifications.licenceId,
              at: licenceVerifications.verifiedAt,
              by: licenceVerifications.verifierLabel,
              method: licenceVerifications.method,
              result: licenceVerifications.result,
              detail: licenceVerifications.detail,
            })
            .from(licenceVerifications)
            .where(inArray(licenceVerifications.licenceId, licenceIds))
            .orderBy(desc(licenceVerifications.verifiedAt), desc(licenceVerifications.id));
    await recordLicenceAccess(tx, { licenceIds, actor, purpose: MATERIAL_CHECK_PURPOSE, applicationId: a.id });

    const workflow = workflowOf({ workflow: a.workflow, onTheSpot: app.onTheSpot, promisedLimitDays: app.promisedLimitDays });
    const handledBy = await handlersOf(tx, a.id, personId);
    const formData = a.formData ?? {};
    const known = new Set(app.formFields.map((f) => f.name));
    const form = [
      ...app.formFields
        .filter((f) => f.name in formData)
        .map((f) => ({
          name: f.name,
          labelZh: f.labelZh,
          labelEn: f.labelEn,
          value: formValue(f, formData[f.name]),
          ...optionalLabel(f, formData[f.name]),
          ...(f.type === "phone" && typeof formData[f.name] === "string" ? { phone: true as const } : {}),
        })),
      ...Object.entries(formData)
        .filter(([k]) => !known.has(k))
        .map(([k, v]) => ({ name: k, labelZh: k, labelEn: k, value: display(v) })),
    ];

    return {
      id: a.id,
      number: a.number,
      status: a.status,
      version: a.version,
      channel: a.channel,
      service: {
        code: app.serviceCode,
        nameZh: app.serviceNameZh,
        nameEn: app.serviceNameEn,
        onTheSpot: app.onTheSpot,
        promisedLimitDays: app.promisedLimitDays,
        legalLimitDays: app.legalLimitDays,
        approvalHints: app.approvalHints,
        /** The version the application was filed under, and whether the service has moved on since. */
        version: a.serviceVersion,
        currentVersion: app.currentVersion,
        outputLicenceZh: app.outputLicenceZh,
        outputLicenceEn: app.outputLicenceEn,
      },
      applicant: {
        name: app.applicantName,
        idMasked: maskResidentId(app.applicantIdNumber),
        phoneMasked: maskPhone(app.applicantPhone),
      },
      form,
      clock: {
        light: light({ status: a.status, acceptDueOn: a.acceptDueOn, dueOn: a.dueOn }, today),
        submittedAt: a.submittedAt,
        receivedAt: a.receivedAt,
        acceptedAt: a.acceptedAt,
        completedAt: a.completedAt,
        acceptDueOn: a.acceptDueOn,
        dueOn: a.dueOn,
        legalDueOn: a.legalDueOn,
        pausedWorkingDays: a.pausedWorkingDays,
        clockPausedAt: a.clockPausedAt,
        deemedAccepted: a.deemedAccepted,
      },
      flag: a.flaggedAt ? { at: a.flaggedAt, reason: a.flagReason } : null,
      timeline: events.map(({ data, actorUserId: _actor, ...e }) => ({ ...e, note: e.note === null ? null : maskIdsIn(e.note), step: eventDetail(data) })),
      workflow: workflowView(actor, a, workflow, handledBy, today),
      materials: materialRows.map((m): ClerkMaterial => ({
        serviceMaterialId: m.serviceMaterialId,
        nameZh: m.nameZh,
        nameEn: m.nameEn,
        kind: m.kind,
        required: m.required,
        applicationMaterialId: m.applicationMaterialId,
        source: m.source,
        supplementRequested: m.supplementRequested ?? false,
        verifiedAt: m.verifiedAt,
        note: m.note,
        licence:
          m.licence?.id && m.licence.identifier
            ? {
                id: m.licence.id,
                typeZh: m.typeZh ?? "",
                typeEn: m.typeEn ?? "",
                licenceNumber: displayLicenceNumber(m.licence.licenceNumber, m.licence.holderCode, m.licence.holderCodeType),
                identifier: m.licence.identifier,
                holderName: m.licence.holderName,
                issuerName: m.licence.issuerName,
                issuedOn: m.licence.issuedOn,
                validFrom: m.licence.validFrom,
                validUntil: m.licence.validUntil,
                status: m.licence.status,
                statusReason: m.licence.statusReason,
                fields: Object.entries(m.licence.fields ?? {}).map(([key, value]) => ({ key, value: display(value) })),
                verifications: verifications
                  .filter((v) => v.licenceId === m.licence?.id)
                  .map(({ licenceId: _id, ...v }) => v),
              }
            : null,
        upload: m.upload?.id ? { id: m.upload.id, fileName: m.upload.fileName, contentType: m.upload.contentType, sizeBytes: m.upload.sizeBytes } : null,
      })),
      eligibility: checks,
      criteria,
      criteriaSubjectName: app.subjectName ?? app.applicantName,
      related,
    };
  });
}
