import "server-only";
import { settleDependents } from "./prerequisites";
import { ruleMetFor } from "@/lib/eligibility/check-criteria";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applicationEvents, applicationMaterials, applications, services, users } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { acceptanceClock, isDeemedAcceptedBy, receiptClock, type AcceptanceClock } from "@/lib/calendar/application-clock";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { systemNote } from "@/lib/i18n/system-notes";
import type { NotificationKey } from "@/lib/notifications/render-notification";
import { inClerkScope } from "./clerk-scope";
import { issueOutputLicence } from "./issue-output-licence";
import { applyTransition, enterStep, type LifecycleEvent } from "./lifecycle/apply-transition";
import { handlersOf } from "./lifecycle/handlers";
import { currentStep, refusalOf, statusAfterStep, workflowOf, type LifecycleState } from "./lifecycle/transitions";
import { processApplicationSchema, type ProcessApplicationInput } from "./process-schemas";

export type ProcessedApplication = {
  applicationId: string;
  number: string;
  status: ApplicationStatus;
  version: number;
  issuedLicence: { id: string; identifier: string } | null;
};

/** Why an acceptance is lawful on its day, for the timeline and the metrics (E1 reads `data`). */
const acceptedData = (clock: AcceptanceClock) => ({
  deemed: clock.deemed,
  clockStartOn: clock.clockStartOn,
  dueOn: clock.dueOn,
  legalDueOn: clock.legalDueOn,
});
const DEEMED_NOTE = systemNote("notes.deemedAccepted");
const METHOD_ZH = { collect: "窗口领取", post: "邮寄送达", electronic: "电子送达" } as const;
const METHOD_EN = { collect: "collected at the window", post: "by post", electronic: "electronically" } as const;

function parse(input: unknown): ProcessApplicationInput {
  const parsed = processApplicationSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "_form"] ??= "validation.invalid";
  throw new AppError("VALIDATION", "errors.validation", { fieldErrors });
}

/** The CONFLICT a clerk sees when someone else acted first: who, when, and what it is now. */
async function changedError(tx: Executor, applicationId: string): Promise<AppError> {
  const [latest] = await tx
    .select({ status: applications.status, by: users.displayName, at: applicationEvents.occurredAt })
    .from(applications)
    .leftJoin(applicationEvents, eq(applicationEvents.applicationId, applications.id))
    .leftJoin(users, eq(users.id, applicationEvents.actorUserId))
    .where(eq(applications.id, applicationId))
    .orderBy(desc(applicationEvents.occurredAt), desc(applicationEvents.id))
    .limit(1);
  return new AppError("CONFLICT", "errors.process.changed", {
    params: { by: latest?.by ?? "—", at: latest?.at?.toISOString() ?? "", status: latest?.status ?? "" },
    internal: "application version moved",
  });
}

/**
 * A member of staff's act on an application in their scope, at the step it is at: the window
 * accepts (受理; an on-the-spot service is decided and completed at once), asks for every missing
 * material at once (一次性告知补正) or refuses to receive it (不予受理); a reviewer records the
 * review (审查) opinion; an approver — never the person who accepted or reviewed it — approves
 * (准予许可, the output licence enters the library now) or refuses with the legal basis; the
 * window records how the result was delivered (送达) and the case is closed (办结). The lifecycle
 * decides who may (`refusalOf`) and writes it (`applyTransition`): one transaction, status and
 * version first, then the timeline, the licence, the audit row and the resident's notice.
 */
export async function processApplication(
  db: Executor,
  actor: Actor,
  rawInput: ProcessApplicationInput,
  now = new Date(),
): Promise<ProcessedApplication> {
  requirePermission(actor, "application:work");
  const input = parse(rawInput);
  const scope = inClerkScope(applications.serviceId, actor);
  const today = toChinaDate(now);

  return db.transaction(async (tx) => {
    const [app] = await tx
      .select({
        id: applications.id,
        number: applications.number,
        applicantPersonId: applications.applicantPersonId,
        subjectPersonId: applications.subjectPersonId,
        serviceId: applications.serviceId,
        serviceVersion: applications.serviceVersion,
        status: applications.status,
        version: applications.version,
        formData: applications.formData,
        receivedAt: applications.receivedAt,
        submittedAt: applications.submittedAt,
        acceptDueOn: applications.acceptDueOn,
        workflow: applications.workflow,
        stepIndex: applications.stepIndex,
        serviceCode: services.code,
        serviceZh: services.nameZh,
        serviceEn: services.nameEn,
        promisedLimitDays: services.promisedLimitDays,
        legalLimitDays: services.legalLimitDays,
        onTheSpot: services.onTheSpot,
        issuesLicenceTypeId: services.issuesLicenceTypeId,
      })
      .from(applications)
      .innerJoin(services, eq(services.id, applications.serviceId))
      .where(and(eq(applications.id, input.applicationId), scope));
    if (!app) throw new AppError("NOT_FOUND", "errors.notFound");
    if (app.version !== input.version) throw await changedError(tx, app.id);

    const workflow = workflowOf(app);
    const state: LifecycleState = {
      status: app.status,
      workflow,
      stepIndex: app.stepIndex,
      handledBy: await handlersOf(tx, app.id, app.applicantPersonId),
    };
    const refusal = refusalOf(actor, input.action, state);
    if (refusal) throw new AppError(refusal.code, refusal.message, { params: { status: app.status }, internal: `${input.action} from ${app.status}` });
    const step = currentStep(state);

    const limits = { promisedLimitDays: app.promisedLimitDays, legalLimitDays: app.legalLimitDays };
    const receivedOn = toChinaDate(app.receivedAt ?? app.submittedAt ?? now);
    const events: LifecycleEvent[] = [];
    const set: Partial<typeof applications.$inferInsert> = { assignedClerkId: actor.id };
    let acceptedClock: AcceptanceClock | null = null;
    const acceptNow = () => {
      const clock = acceptanceClock({ receivedOn, acceptDueOn: app.acceptDueOn ?? receiptClock(receivedOn, limits).acceptDueOn }, today, limits);
      acceptedClock = clock;
      events.push({ from: "submitted", to: "accepted", note: clock.deemed ? DEEMED_NOTE : null, data: { ...acceptedData(clock), step: "accept" } });
      Object.assign(set, { acceptedAt: now, dueOn: clock.dueOn, legalDueOn: clock.legalDueOn, deemedAccepted: clock.deemed });
      return clock;
    };
    /** Leaves the current step forward to the next staffed one (or closes it). */
    const moveOn = () => {
      const after = statusAfterStep(workflow, app.stepIndex);
      Object.assign(set, enterStep(workflow, after.stepIndex, today));
      return after;
    };

    /** Granting against the service's rule (the version filed under) needs the decider's reason. */
    const reasonIfRuleUnmet = async (note: string | undefined) => {
      if (note) return;
      const met = await ruleMetFor(tx, { serviceId: app.serviceId, serviceVersion: app.serviceVersion, applicantId: app.applicantPersonId, subjectId: app.subjectPersonId, today });
      if (!met) throw new AppError("VALIDATION", "errors.process.ruleNotMet", { fieldErrors: { note: "errors.process.ruleNotMet" } });
    };

    let supplementIds: string[] = [];
    let decided = false;
    let notice: { key: NotificationKey; params: Record<string, string | number> } | null = null;
    const service = { number: app.number, serviceZh: app.serviceZh, serviceEn: app.serviceEn };
    switch (input.action) {
      case "accept": {
        const clock = acceptNow();
        const after = moveOn();
        if (after.status === "completed") {
          // 即办件: accepted, decided and completed by the window in one act.
          await reasonIfRuleUnmet(input.note);
          decided = true;
          events.push({ from: "accepted", to: "approved", note: input.note || null, data: { step: "decide", onTheSpot: true } });
          events.push({ from: "approved", to: "completed", note: null, data: null });
          set.completedAt = now;
        } else {
          notice = { key: "applicationAccepted", params: { ...service, dueOn: clock.dueOn } };
        }
        break;
      }
      case "requestSupplement": {
        const named = await tx
          .select({ id: applicationMaterials.id })
          .from(applicationMaterials)
          .where(
            and(
              eq(applicationMaterials.applicationId, app.id),
              eq(applicationMaterials.personId, app.applicantPersonId),
              inArray(applicationMaterials.id, input.materialIds),
            ),
          );
        supplementIds = [...new Set(input.materialIds)];
        if (named.length !== supplementIds.length) {
          throw new AppError("VALIDATION", "errors.process.unknownMaterial", { fieldErrors: { materialIds: "validation.invalid" } });
        }
        // After the 5-day completeness deadline the law already counts it as accepted (第32条),
        // so the request is a post-acceptance one: record the deemed acceptance, then pause.
        let from: ApplicationStatus = app.status;
        if (app.status === "submitted" && isDeemedAcceptedBy(app.acceptDueOn, today)) {
          acceptNow();
          from = "accepted";
        }
        const paused = from === "accepted";
        events.push({
          from,
          to: "supplement_requested",
          note: input.reason,
          data: { materialIds: supplementIds, reason: input.reason, paused, step: step?.kind ?? "accept" },
        });
        set.clockPausedAt = paused ? now : null;
        notice = { key: "applicationSupplementRequested", params: { ...service, count: supplementIds.length, reason: input.reason } };
        break;
      }
      case "reject":
        events.push({ from: app.status, to: "rejected", note: input.reason, data: { reason: input.reason, step: "accept" } });
        Object.assign(set, { clockPausedAt: null, stepKind: null, stepDueOn: null });
        notice = { key: "applicationRejected", params: { ...service, reason: input.reason } };
        break;
      case "review": {
        const level = step?.kind === "review" ? step.level : 1;
        events.push({ from: "accepted", to: "accepted", note: input.note, data: { step: "review", level, opinion: input.opinion } });
        moveOn();
        break;
      }
      case "approve": {
        await reasonIfRuleUnmet(input.note);
        decided = true;
        events.push({ from: "accepted", to: "approved", note: input.note || null, data: { step: "decide" } });
        const after = moveOn();
        if (after.status === "completed") {
          events.push({ from: "approved", to: "completed", note: null, data: null });
          set.completedAt = now;
        }
        break;
      }
      case "refuse": {
        const basis = step?.kind === "decide" ? step.legalBasis : { zh: "—", en: "—" };
        events.push({ from: app.status, to: "rejected", note: input.reason, data: { step: "decide", reason: input.reason, legalBasis: basis } });
        Object.assign(set, { clockPausedAt: null, stepKind: null, stepDueOn: null });
        notice = { key: "applicationRefused", params: { ...service, reason: input.reason, basisZh: basis.zh, basisEn: basis.en } };
        break;
      }
      case "deliver": {
        if (step?.kind !== "deliver" || !step.methods.includes(input.method)) {
          throw new AppError("VALIDATION", "errors.process.deliveryMethod", { fieldErrors: { method: "validation.invalid" } });
        }
        const trackingNo = input.method === "post" ? (input.trackingNo ?? null) : null;
        events.push({
          from: "approved",
          to: "completed",
          note: null,
          data: { step: "deliver", method: input.method, trackingNo, idChecked: input.method === "collect" },
        });
        Object.assign(set, { completedAt: now, ...enterStep(workflow, null, today) });
        notice = { key: "applicationDelivered", params: { ...service, methodZh: METHOD_ZH[input.method], methodEn: METHOD_EN[input.method] } };
        break;
      }
    }

    // The decision issues the service's own certificate into the library (before delivery).
    let licence: Awaited<ReturnType<typeof issueOutputLicence>> | null = null;
    if (decided && app.issuesLicenceTypeId) licence = await issueOutputLicence(tx, app, app.issuesLicenceTypeId, now);
    const completed = events.find((e) => e.to === "completed" && !e.data);
    if (completed) completed.data = { licenceId: licence?.id ?? null, onTheSpot: app.onTheSpot };
    const decision = events.find((e) => e.to === "approved");
    if (decision && licence) decision.data = { ...decision.data, licenceId: licence.id };
    if (decided) {
      const closed = events[events.length - 1]!.to === "completed";
      notice = closed
        ? licence
          ? { key: "applicationCompletedLicence", params: { ...service, licenceZh: licence.typeNameZh, licenceEn: licence.typeNameEn } }
          : { key: "applicationCompleted", params: service }
        : licence
          ? { key: "applicationApproved", params: { ...service, licenceZh: licence.typeNameZh, licenceEn: licence.typeNameEn } }
          : { key: "applicationApprovedNoLicence", params: service };
    }

    const result = await applyTransition(tx, {
      action: input.action,
      actor,
      app: { id: app.id, personId: app.applicantPersonId, status: app.status, version: input.version },
      events,
      set,
      audit: {
        service: app.serviceCode,
        steps: events.map((e) => e.to),
        ...(step ? { step: step.kind } : {}),
        ...(acceptedClock ? { deemed: (acceptedClock as AcceptanceClock).deemed } : {}),
        ...(supplementIds.length > 0 ? { materials: supplementIds.length } : {}),
        ...(input.action === "review" ? { opinion: input.opinion } : {}),
        ...(input.action === "deliver" ? { method: input.method } : {}),
        ...(licence ? { licence: licence.identifier, hukouRegistered: licence.hukouRegistered } : {}),
      },
      notice,
      now,
      stale: () => changedError(tx, app.id),
    });

    // 前置事项: what waits for this application's certificate is settled in this transaction.
    const prerequisite = { id: app.id, number: app.number, serviceZh: app.serviceZh, serviceEn: app.serviceEn };
    if (decided) await settleDependents(tx, prerequisite, licence ? { approved: true, licenceId: licence.id } : { approved: false }, now);
    else if (result.status === "rejected") await settleDependents(tx, prerequisite, { approved: false }, now);

    if (input.action === "requestSupplement") {
      await tx
        .update(applicationMaterials)
        .set({ supplementRequested: sql`${inArray(applicationMaterials.id, supplementIds)}` })
        .where(and(eq(applicationMaterials.applicationId, app.id), eq(applicationMaterials.personId, app.applicantPersonId)));
    }

    return {
      applicationId: app.id,
      number: app.number,
      status: result.status,
      version: result.version,
      issuedLicence: licence ? { id: licence.id, identifier: licence.identifier } : null,
    };
  });
}
