import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applicationEvents, applicationMaterials, applications, services, users } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { acceptanceClock, isDeemedAcceptedBy, receiptClock, type AcceptanceClock } from "@/lib/calendar/application-clock";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { notifyStatusChange } from "@/lib/notifications/notify-status-change";
import type { NotificationKey } from "@/lib/notifications/render-notification";
import { inClerkScope } from "./clerk-scope";
import { issueOutputLicence } from "./issue-output-licence";
import { processApplicationSchema, type ProcessApplicationInput } from "./process-schemas";
import { systemNote } from "@/lib/i18n/system-notes";

export type ProcessedApplication = {
  applicationId: string;
  number: string;
  status: ApplicationStatus;
  version: number;
  issuedLicence: { id: string; identifier: string } | null;
};

type Step = { from: ApplicationStatus; to: ApplicationStatus; note: string | null; data: Record<string, unknown> | null };

/** Why an acceptance is lawful on its day, for the timeline and the metrics (E1 reads `data`). */
const acceptedData = (clock: AcceptanceClock) => ({
  deemed: clock.deemed,
  clockStartOn: clock.clockStartOn,
  dueOn: clock.dueOn,
  legalDueOn: clock.legalDueOn,
});
const DEEMED_NOTE = systemNote("notes.deemedAccepted");

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

const invalid = (status: ApplicationStatus, action: string) =>
  new AppError("CONFLICT", "errors.process.invalidTransition", { params: { status }, internal: `${action} from ${status}` });

/**
 * A clerk's decision on an application in their scope: accept (受理), request a supplement
 * naming every missing material at once (一次性告知补正), reject, or approve and complete (办结,
 * issuing the service's output licence into the library). One transaction: the application row
 * first (version bumped — of two clerks acting on the version they both saw exactly one wins),
 * then the event rows, the output licence, the audit row and the resident's notice.
 */
export async function processApplication(
  db: Executor,
  actor: Actor,
  rawInput: ProcessApplicationInput,
  now = new Date(),
): Promise<ProcessedApplication> {
  requirePermission(actor, "application:process");
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
        status: applications.status,
        version: applications.version,
        formData: applications.formData,
        receivedAt: applications.receivedAt,
        submittedAt: applications.submittedAt,
        acceptedAt: applications.acceptedAt,
        acceptDueOn: applications.acceptDueOn,
        dueOn: applications.dueOn,
        legalDueOn: applications.legalDueOn,
        deemedAccepted: applications.deemedAccepted,
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

    const limits = { promisedLimitDays: app.promisedLimitDays, legalLimitDays: app.legalLimitDays };
    const receivedOn = toChinaDate(app.receivedAt ?? app.submittedAt ?? now);
    const accept = () => acceptanceClock({ receivedOn, acceptDueOn: app.acceptDueOn ?? receiptClock(receivedOn, limits).acceptDueOn }, today, limits);

    const steps: Step[] = [];
    const set: Partial<typeof applications.$inferInsert> = {};
    let acceptedClock: AcceptanceClock | null = null;
    const acceptNow = () => {
      acceptedClock = accept();
      steps.push({ from: "submitted", to: "accepted", note: acceptedClock.deemed ? DEEMED_NOTE : null, data: acceptedData(acceptedClock) });
      Object.assign(set, {
        acceptedAt: now,
        dueOn: acceptedClock.dueOn,
        legalDueOn: acceptedClock.legalDueOn,
        deemedAccepted: acceptedClock.deemed,
      });
    };

    let supplementIds: string[] = [];
    switch (input.action) {
      case "accept":
        if (app.status !== "submitted") throw invalid(app.status, input.action);
        acceptNow();
        break;
      case "requestSupplement": {
        if (app.status !== "submitted" && app.status !== "accepted") throw invalid(app.status, input.action);
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
        steps.push({ from, to: "supplement_requested", note: input.reason, data: { materialIds: supplementIds, reason: input.reason, paused } });
        Object.assign(set, { clockPausedAt: paused ? now : null });
        break;
      }
      case "reject":
        if (app.status !== "submitted" && app.status !== "accepted" && app.status !== "supplement_requested") {
          throw invalid(app.status, input.action);
        }
        steps.push({ from: app.status, to: "rejected", note: input.reason, data: { reason: input.reason } });
        Object.assign(set, { clockPausedAt: null });
        break;
      case "approve": {
        if (app.status === "submitted" && app.onTheSpot) acceptNow();
        else if (app.status !== "accepted" && app.status !== "approved") throw invalid(app.status, input.action);
        if (app.status !== "approved") steps.push({ from: "accepted", to: "approved", note: input.note ?? null, data: null });
        // `data` of the completed step is filled once the licence exists (below).
        steps.push({ from: "approved", to: "completed", note: null, data: null });
        Object.assign(set, { completedAt: now });
        break;
      }
    }
    const finalStatus = steps[steps.length - 1]!.to;

    const [updated] = await tx
      .update(applications)
      .set({
        ...set,
        status: finalStatus,
        assignedClerkId: actor.id,
        version: sql`${applications.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(applications.id, app.id), eq(applications.version, input.version)))
      .returning({ version: applications.version });
    if (!updated) throw await changedError(tx, app.id);

    if (input.action === "requestSupplement") {
      await tx
        .update(applicationMaterials)
        .set({ supplementRequested: sql`${inArray(applicationMaterials.id, supplementIds)}` })
        .where(and(eq(applicationMaterials.applicationId, app.id), eq(applicationMaterials.personId, app.applicantPersonId)));
    }

    let licence: Awaited<ReturnType<typeof issueOutputLicence>> | null = null;
    if (input.action === "approve" && app.issuesLicenceTypeId) {
      licence = await issueOutputLicence(tx, app, app.issuesLicenceTypeId, now);
    }
    const completedStep = steps.find((s) => s.to === "completed");
    if (completedStep) completedStep.data = { licenceId: licence?.id ?? null, onTheSpot: app.onTheSpot };

    await tx.insert(applicationEvents).values(
      steps.map((s) => ({
        applicationId: app.id,
        personId: app.applicantPersonId,
        fromStatus: s.from,
        toStatus: s.to,
        actorUserId: actor.id,
        actorRole: actor.role,
        note: s.note,
        data: s.data,
        occurredAt: now,
      })),
    );
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: `application.${input.action}`,
      entityType: "application",
      entityId: app.id,
      personId: app.applicantPersonId,
      detail: {
        service: app.serviceCode,
        from: app.status,
        to: finalStatus,
        steps: steps.map((s) => s.to),
        ...(acceptedClock ? { deemed: (acceptedClock as AcceptanceClock).deemed } : {}),
        ...(supplementIds.length > 0 ? { materials: supplementIds.length } : {}),
        ...(licence ? { licence: licence.identifier, hukouRegistered: licence.hukouRegistered } : {}),
      },
    });

    const service = { number: app.number, serviceZh: app.serviceZh, serviceEn: app.serviceEn };
    const notice = ((): { key: NotificationKey; params: Record<string, string | number> } => {
      switch (input.action) {
        case "accept":
          return { key: "applicationAccepted", params: { ...service, dueOn: set.dueOn as string } };
        case "requestSupplement":
          return { key: "applicationSupplementRequested", params: { ...service, count: supplementIds.length, reason: input.reason } };
        case "reject":
          return { key: "applicationRejected", params: { ...service, reason: input.reason } };
        case "approve":
          return licence
            ? { key: "applicationCompletedLicence", params: { ...service, licenceZh: licence.typeNameZh, licenceEn: licence.typeNameEn } }
            : { key: "applicationCompleted", params: service };
      }
    })();
    await notifyStatusChange(tx, { personId: app.applicantPersonId, applicationId: app.id, messageKey: notice.key, params: notice.params, now });

    return {
      applicationId: app.id,
      number: app.number,
      status: finalStatus,
      version: updated.version,
      issuedLicence: licence ? { id: licence.id, identifier: licence.identifier } : null,
    };
  });
}
