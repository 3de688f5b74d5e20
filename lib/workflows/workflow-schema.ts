import { z } from "zod";

/**
 * A service's workflow as data, from the small fixed vocabulary of the reform
 * "前台综合受理、后台分类审批、统一窗口出件":
 *
 *   accept (受理)  →  check (自动比对, automatic)  →  review (审查: 初审, 复审)  →  decide (决定)
 *   →  deliver (送达)  →  办结 (the end of the last step, not a step of its own)
 *
 * `accept` comes first and once; `decide` once, after every review; `deliver` last when present.
 * An on-the-spot service (即办件) is a single `accept` step whose acceptance is also its decision.
 * Each staffed step carries its share of the promised limit in working days; the shares of a
 * standard workflow add up to at most the promised limit (checked where the limit is known, see
 * `checkWorkflowAgainstLimit`). No database import: the designer's client components load this.
 */
export const stepKinds = ["accept", "check", "review", "decide", "deliver"] as const;
export type StepKind = (typeof stepKinds)[number];

/** Where the application is received: a centre's comprehensive window, or the department's own window. */
export const acceptAt = ["centre", "department"] as const;
export const deliveryMethods = ["collect", "post", "electronic"] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

const shareDays = z.number().int().min(0).max(60);
const text = z.object({ zh: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) });

const acceptStep = z.object({
  kind: z.literal("accept"),
  at: z.enum(acceptAt),
  shareDays,
});
const checkStep = z.object({ kind: z.literal("check") });
const reviewStep = z.object({
  kind: z.literal("review"),
  /** 1 = 初审, 2 = 复审. */
  level: z.union([z.literal(1), z.literal(2)]),
  shareDays,
});
const decideStep = z.object({
  kind: z.literal("decide"),
  shareDays,
  /** The legal basis the decision cites (法律依据), shown to the approver and on the decision. */
  legalBasis: text,
});
const deliverStep = z.object({
  kind: z.literal("deliver"),
  methods: z.array(z.enum(deliveryMethods)).min(1).max(3),
  shareDays,
});

export const workflowStepSchema = z.discriminatedUnion("kind", [acceptStep, checkStep, reviewStep, decideStep, deliverStep]);
export type WorkflowStep = z.infer<typeof workflowStepSchema>;

export const workflowSchema = z
  .object({
    mode: z.enum(["standard", "on_the_spot"]),
    steps: z.array(workflowStepSchema).min(1).max(8),
  })
  .superRefine((wf, ctx) => {
    const kinds = wf.steps.map((s) => s.kind);
    const issue = (message: string, index?: number) =>
      ctx.addIssue({ code: "custom", message, path: index === undefined ? ["steps"] : ["steps", index] });
    if (kinds[0] !== "accept") issue("workflow.acceptFirst", 0);
    kinds.forEach((k, i) => {
      if (k === "accept" && i > 0) issue("workflow.acceptOnce", i);
    });
    if (wf.mode === "on_the_spot") {
      if (wf.steps.length !== 1) issue("workflow.onTheSpotSingleStep");
      return;
    }
    const decide = kinds.indexOf("decide");
    if (decide < 0) issue("workflow.decideRequired");
    if (kinds.filter((k) => k === "decide").length > 1) issue("workflow.decideOnce", kinds.lastIndexOf("decide"));
    const deliver = kinds.indexOf("deliver");
    if (deliver >= 0 && deliver !== kinds.length - 1) issue("workflow.deliverLast", deliver);
    if (kinds.filter((k) => k === "deliver").length > 1) issue("workflow.deliverOnce", kinds.lastIndexOf("deliver"));
    kinds.forEach((k, i) => {
      if ((k === "review" || k === "check") && decide >= 0 && i > decide) issue("workflow.beforeDecide", i);
    });
    const levels = wf.steps.flatMap((s) => (s.kind === "review" ? [s.level] : []));
    if (levels.length > 2 || (levels.length === 2 && (levels[0] !== 1 || levels[1] !== 2)) || (levels.length === 1 && levels[0] !== 1)) {
      issue("workflow.reviewLevels");
    }
  });
export type Workflow = z.infer<typeof workflowSchema>;

/** Working days a staffed step may take; `check` is automatic and has none. */
export function stepShareDays(step: WorkflowStep): number {
  return step.kind === "check" ? 0 : step.shareDays;
}

/** The shares of a standard workflow must fit in the promised limit; null when they do. */
export function checkWorkflowAgainstLimit(wf: Workflow, promisedLimitDays: number): string | null {
  if (wf.mode === "on_the_spot") return null;
  const total = wf.steps.reduce((sum, s) => sum + stepShareDays(s), 0);
  return total <= promisedLimitDays ? null : "workflow.sharesExceedLimit";
}

/** Today's behaviour as a workflow: what a service without one of its own follows. */
export function defaultWorkflow(service: { onTheSpot: boolean; promisedLimitDays: number }): Workflow {
  if (service.onTheSpot) return { mode: "on_the_spot", steps: [{ kind: "accept", at: "centre", shareDays: 0 }] };
  const days = service.promisedLimitDays;
  const acceptDays = Math.min(1, days);
  return {
    mode: "standard",
    steps: [
      { kind: "accept", at: "centre", shareDays: acceptDays },
      {
        kind: "decide",
        shareDays: days - acceptDays,
        legalBasis: { zh: "依据本事项办事指南所列法律法规", en: "The laws and regulations listed in this service's guide" },
      },
    ],
  };
}
