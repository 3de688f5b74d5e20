import type { ApplicationStatus, Role } from "@/db/schema/enums";
import { can, type Permission } from "@/lib/auth/permissions";
import { defaultWorkflow, type StepKind, type Workflow, type WorkflowStep } from "@/lib/workflows/workflow-schema";

/**
 * The application lifecycle as one table: for each action, the statuses it leaves from, the
 * workflow step the application must be at, the status it reaches, the permission it needs and
 * the audit action it writes. `applyTransition` (apply-transition.ts) is the only code that moves
 * an application along it; `refusalOf` is the only place that says whether an actor may.
 * No database import: the clerk's page renders its buttons from `allowedActions`.
 */
export const lifecycleActions = [
  "file",
  "withdraw",
  "answerSupplement",
  "accept",
  "requestSupplement",
  "reject",
  "review",
  "approve",
  "refuse",
  "deliver",
  "escalate",
  "release",
] as const;
export type LifecycleAction = (typeof lifecycleActions)[number];

/** The actions staff take from the application page, in the order the page offers them. */
export const staffActions = ["accept", "review", "approve", "refuse", "deliver", "requestSupplement", "reject"] as const;
export type StaffAction = (typeof staffActions)[number];

export type Transition = {
  from: readonly (ApplicationStatus | null)[];
  /** The step the application must be at; absent = any step. */
  at?: readonly StepKind[];
  /** The status it ends in; "next" = decided by the workflow (see `nextAfter`). */
  to: ApplicationStatus | "next";
  permission: Permission;
  audit: string;
};

export const TRANSITIONS: Record<LifecycleAction, Transition> = {
  file: { from: [null, "draft"], to: "submitted", permission: "application:file", audit: "application.submit" },
  withdraw: { from: ["awaiting", "submitted", "supplement_requested"], to: "withdrawn", permission: "application:file", audit: "application.withdraw" },
  answerSupplement: { from: ["supplement_requested"], to: "next", permission: "application:file", audit: "application.resubmit" },
  // 受理 at the window; an on-the-spot service is decided in the same act (即办).
  accept: { from: ["submitted"], at: ["accept"], to: "next", permission: "application:accept", audit: "application.accept" },
  // 一次性告知补正: at the window before acceptance, or by the back office while it works the case.
  // (Who exactly: the post of the step it is at — see `refusalOf`.)
  requestSupplement: { from: ["submitted", "accepted"], at: ["accept", "review", "decide"], to: "supplement_requested", permission: "application:work", audit: "application.requestSupplement" },
  // 不予受理: the window refuses to receive it.
  reject: { from: ["submitted", "supplement_requested"], at: ["accept"], to: "rejected", permission: "application:accept", audit: "application.reject" },
  review: { from: ["accepted"], at: ["review"], to: "next", permission: "application:review", audit: "application.review" },
  // 准予许可: the output licence enters the library now; delivery may follow.
  approve: { from: ["accepted"], at: ["decide"], to: "next", permission: "application:decide", audit: "application.approve" },
  // 不予许可, with the legal basis (also when a supplement the decision waits for never came).
  refuse: { from: ["accepted", "supplement_requested"], at: ["decide"], to: "rejected", permission: "application:decide", audit: "application.refuse" },
  deliver: { from: ["approved"], at: ["deliver"], to: "completed", permission: "application:accept", audit: "application.deliver" },
  escalate: { from: ["accepted", "approved"], to: "next", permission: "application:escalate", audit: "application.escalate" },
  // 前置事项: the system, in the transaction of the prerequisite's decision (or withdrawal), starts
  // the waiting application's clock — or, when the prerequisite failed, asks the resident for it.
  release: { from: ["awaiting"], to: "next", permission: "application:decide", audit: "application.release" },
};

/** What the lifecycle needs to know of an application to say who may act on it. */
export type LifecycleState = {
  status: ApplicationStatus;
  workflow: Workflow;
  stepIndex: number;
  /** Users who accepted or reviewed it (from its events): none of them may decide it. */
  handledBy: readonly { userId: string; step: StepKind }[];
};

export function workflowOf(app: { workflow: Workflow | null; onTheSpot: boolean; promisedLimitDays: number }): Workflow {
  return app.workflow ?? defaultWorkflow(app);
}

export function currentStep(state: Pick<LifecycleState, "workflow" | "stepIndex">): WorkflowStep | null {
  return state.workflow.steps[state.stepIndex] ?? null;
}

/** The first staffed step after `index` (automatic checks run at acceptance and are passed over). */
export function nextStepIndex(workflow: Workflow, index: number): number | null {
  for (let i = index + 1; i < workflow.steps.length; i++) {
    if (workflow.steps[i]!.kind !== "check") return i;
  }
  return null;
}

export type Refusal = { code: "FORBIDDEN" | "CONFLICT"; message: string };

/**
 * Why `actor` may not take `action` now, or null when they may: permission first, then the
 * status and the step, then separation of duties — whoever accepted or reviewed an application
 * cannot decide it, and the second review (复审) is someone other than the first (初审).
 */
export function refusalOf(actor: { id: string; role: Role }, action: LifecycleAction, state: LifecycleState): Refusal | null {
  const t = TRANSITIONS[action];
  if (!can(actor.role, t.permission)) return { code: "FORBIDDEN", message: "errors.process.notYourStep" };
  if (!t.from.includes(state.status)) return { code: "CONFLICT", message: "errors.process.invalidTransition" };
  const step = currentStep(state);
  if (t.at && (!step || !t.at.includes(step.kind))) return { code: "CONFLICT", message: "errors.process.invalidTransition" };
  if (action === "approve" || action === "refuse") {
    if (state.handledBy.some((h) => h.userId === actor.id)) return { code: "FORBIDDEN", message: "errors.process.separationOfDuties" };
  }
  if (action === "review" && step?.kind === "review" && step.level === 2) {
    if (state.handledBy.some((h) => h.userId === actor.id && h.step === "review")) {
      return { code: "FORBIDDEN", message: "errors.process.secondReviewer" };
    }
  }
  // The back office requests a supplement only at its own step, the window only at acceptance.
  if (action === "requestSupplement" && step) {
    const byStep: Record<StepKind, Permission> = {
      accept: "application:accept",
      check: "application:accept",
      review: "application:review",
      decide: "application:decide",
      deliver: "application:accept",
    };
    if (!can(actor.role, byStep[step.kind])) return { code: "FORBIDDEN", message: "errors.process.notYourStep" };
  }
  return null;
}

/** What the page offers this actor on this application: the same rule the server applies. */
export function allowedActions(actor: { id: string; role: Role }, state: LifecycleState): StaffAction[] {
  return staffActions.filter((a) => refusalOf(actor, a, state) === null);
}

/** The status an application reaches when it leaves step `index` forward. */
export function statusAfterStep(workflow: Workflow, index: number): { status: ApplicationStatus; stepIndex: number | null } {
  const next = nextStepIndex(workflow, index);
  if (next === null) return { status: "completed", stepIndex: null };
  const kind = workflow.steps[next]!.kind;
  return { status: kind === "deliver" ? "approved" : "accepted", stepIndex: next };
}

/** The action that moves each staffed step on: whoever may take it works that step's queue. */
const STEP_ACTION: Record<Exclude<StepKind, "check">, LifecycleAction> = { accept: "accept", review: "review", decide: "approve", deliver: "deliver" };

/** The steps whose applications are in this role's queue (the window: accept and deliver; reviewers: review; approvers: decide). */
export function stepsWorkedBy(role: Role): Exclude<StepKind, "check">[] {
  return (Object.keys(STEP_ACTION) as Exclude<StepKind, "check">[]).filter((k) => can(role, TRANSITIONS[STEP_ACTION[k]].permission));
}
