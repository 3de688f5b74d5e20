import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applicationEvents, applications } from "@/db/schema";
import type { ApplicationStatus, Role } from "@/db/schema/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ReceiptClock } from "@/lib/calendar/application-clock";
import { addWorkingDays } from "@/lib/calendar/working-days";
import type { AppError } from "@/lib/errors";
import { notifyStatusChange } from "@/lib/notifications/notify-status-change";
import type { NotificationKey } from "@/lib/notifications/render-notification";
import { stepShareDays, type Workflow } from "@/lib/workflows/workflow-schema";
import { TRANSITIONS, workflowOf, type LifecycleAction } from "./transitions";

/** Who acts: a signed-in user, or null for the system (the daily job). */
export type LifecycleActor = { id: string; role: Role } | null;

/** One row of the timeline a transition writes (an on-the-spot decision writes three). */
export type LifecycleEvent = {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  note?: string | null;
  data?: Record<string, unknown> | null;
};

export type StepPosition = { stepIndex: number; stepKind: string | null; stepDueOn: string | null; stepEscalatedAt: null };

/** The step columns of an application entering step `index` of `workflow` today (closed: `index` null). */
export function enterStep(workflow: Workflow, index: number | null, today: string): StepPosition {
  if (index === null) return { stepIndex: workflow.steps.length - 1, stepKind: null, stepDueOn: null, stepEscalatedAt: null };
  const step = workflow.steps[index]!;
  return { stepIndex: index, stepKind: step.kind, stepDueOn: addWorkingDays(today, stepShareDays(step)), stepEscalatedAt: null };
}

/** The workflow and first-step columns a new application is filed with: it follows this workflow to the end. */
export function filingColumns(service: { workflow: Workflow | null; onTheSpot: boolean; promisedLimitDays: number; version: number }, today: string) {
  const workflow = workflowOf(service);
  return { workflow, serviceVersion: service.version, ...enterStep(workflow, 0, today) };
}

/** The timeline rows: the one insert into application_events in the code base (the seed bulk-loads history). */
async function writeTimeline(
  tx: Executor,
  actor: LifecycleActor,
  rows: readonly { app: { id: string; personId: string }; event: LifecycleEvent }[],
  now: Date,
) {
  if (rows.length === 0) return;
  await tx.insert(applicationEvents).values(
    rows.map(({ app, event: e }) => ({
      applicationId: app.id,
      personId: app.personId,
      fromStatus: e.from,
      toStatus: e.to,
      actorUserId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      note: e.note ?? null,
      data: e.data ?? null,
      occurredAt: now,
    })),
  );
}

export type TransitionRequest = {
  action: LifecycleAction;
  actor: LifecycleActor;
  /** The application as the caller read it: the update repeats its status and version. */
  app: { id: string; personId: string; status: ApplicationStatus; version: number };
  events: readonly LifecycleEvent[];
  /** Columns besides status and version (clock, step, completion). */
  set?: Partial<typeof applications.$inferInsert>;
  audit: Record<string, unknown>;
  notice: { key: NotificationKey; params: Record<string, string | number> } | null;
  now: Date;
  /** The caller's CONFLICT when someone else moved the application first. */
  stale: () => Promise<AppError> | AppError;
};

/**
 * Moves an application along the lifecycle inside the caller's transaction — the only place
 * that changes `applications.status` of a filed application and writes its timeline: the
 * conditional update on the version and status the caller read (of two people acting at once
 * exactly one wins), then the event rows, the audit row and the resident's notice. The
 * processing-time rollups follow from the event rows (their trigger, same transaction).
 * Anything thrown after the update rolls all of it back.
 */
export async function applyTransition(tx: Executor, t: TransitionRequest): Promise<{ version: number; status: ApplicationStatus }> {
  const last = t.events[t.events.length - 1];
  const status = last?.to ?? t.app.status;
  const [updated] = await tx
    .update(applications)
    .set({ ...t.set, status, version: sql`${applications.version} + 1`, updatedAt: t.now })
    .where(
      and(
        eq(applications.id, t.app.id),
        eq(applications.applicantPersonId, t.app.personId),
        eq(applications.version, t.app.version),
        eq(applications.status, t.app.status),
      ),
    )
    .returning({ version: applications.version });
  if (!updated) throw await t.stale();
  await writeTimeline(tx, t.actor, t.events.map((event) => ({ app: t.app, event })), t.now);
  await recordAudit(tx, {
    actorUserId: t.actor?.id ?? null,
    actorRole: t.actor?.role ?? null,
    action: TRANSITIONS[t.action].audit,
    entityType: "application",
    entityId: t.app.id,
    personId: t.app.personId,
    detail: { from: t.app.status, to: status, ...t.audit },
  });
  if (t.notice) {
    await notifyStatusChange(tx, { personId: t.app.personId, applicationId: t.app.id, messageKey: t.notice.key, params: t.notice.params, now: t.now });
  }
  return { version: updated.version, status };
}

/**
 * The first event of a filed application, with the deadlines its receipt set (the filing
 * itself inserts the row in status `submitted`; its audit row and notice say more than a
 * transition's, so the filing functions write those).
 */
export async function recordFiling(
  tx: Executor,
  actor: NonNullable<LifecycleActor>,
  app: { id: string; personId: string },
  now: Date,
  clock?: ReceiptClock,
  /** `awaiting`: filed while a certificate it needs is still being issued (no clock yet; see prerequisites.ts). */
  awaiting?: readonly string[],
) {
  if (awaiting && awaiting.length > 0) {
    await writeTimeline(tx, actor, [{ app, event: { from: null, to: "awaiting", data: { awaiting } } }], now);
    return;
  }
  const data = clock ? { acceptDueOn: clock.acceptDueOn, dueOn: clock.dueOn, legalDueOn: clock.legalDueOn } : null;
  await writeTimeline(tx, actor, [{ app, event: { from: null, to: "submitted", data } }], now);
}

/**
 * 超期升级: every open application whose current step passed its own deadline before `today`
 * and was not yet raised is raised now — flagged for the department head's queue and the
 * supervisor's overdue list, with an event on its timeline. One statement each way; a second
 * run the same day finds nothing, so the daily job may run any number of times.
 */
export async function escalateOverdueSteps(tx: Executor, today: string, now: Date): Promise<number> {
  const raised = await tx
    .update(applications)
    .set({ stepEscalatedAt: now })
    .where(
      and(
        sql`${applications.stepKind} IS NOT NULL`,
        sql`${applications.stepDueOn} < ${today}::date`,
        sql`${applications.stepEscalatedAt} IS NULL`,
        sql`${applications.clockPausedAt} IS NULL`,
        // Before acceptance the legal 5-day completeness clock governs (deemed acceptance), not a step share.
        sql`${applications.status} IN ('accepted', 'approved')`,
      ),
    )
    .returning({
      id: applications.id,
      personId: applications.applicantPersonId,
      status: applications.status,
      stepKind: applications.stepKind,
      stepDueOn: applications.stepDueOn,
    });
  if (raised.length === 0) return 0;
  await writeTimeline(
    tx,
    null,
    raised.map((r) => ({ app: r, event: { from: r.status, to: r.status, data: { escalated: r.stepKind, stepDueOn: r.stepDueOn } } })),
    now,
  );
  await recordAudit(tx, {
    actorUserId: null,
    actorRole: null,
    action: TRANSITIONS.escalate.audit,
    entityType: "application",
    entityId: null,
    personId: null,
    detail: { count: raised.length, today },
  });
  return raised.length;
}
