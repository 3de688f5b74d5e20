import { describe, expect, it } from "vitest";
import { checkWorkflowAgainstLimit, defaultWorkflow, workflowSchema, type Workflow } from "./workflow-schema";

const basis = { zh: "《户口登记条例》第七条", en: "Hukou Registration Regulations, art. 7" };
const standard: Workflow = {
  mode: "standard",
  steps: [
    { kind: "accept", at: "centre", shareDays: 1 },
    { kind: "check" },
    { kind: "review", level: 1, shareDays: 3 },
    { kind: "review", level: 2, shareDays: 2 },
    { kind: "decide", shareDays: 2, legalBasis: basis },
    { kind: "deliver", methods: ["collect", "post"], shareDays: 1 },
  ],
};

const messagesOf = (wf: unknown) => {
  const parsed = workflowSchema.safeParse(wf);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("workflowSchema", () => {
  it("accepts the full vocabulary in order", () => {
    expect(messagesOf(standard)).toEqual([]);
  });

  it("refuses a workflow that does not start with acceptance, with the step's path", () => {
    expect(messagesOf({ ...standard, steps: standard.steps.slice(1) })).toContain("steps.0:workflow.acceptFirst");
  });

  it("refuses a standard workflow without a decision", () => {
    expect(messagesOf({ mode: "standard", steps: [{ kind: "accept", at: "centre", shareDays: 1 }] })).toContain("steps:workflow.decideRequired");
  });

  it("refuses delivery before the end and review after the decision", () => {
    const s = standard.steps;
    expect(messagesOf({ ...standard, steps: [s[0], s[5], s[4]] })).toContain("steps.1:workflow.deliverLast");
    expect(messagesOf({ ...standard, steps: [s[0], s[4], s[2]] })).toContain("steps.2:workflow.beforeDecide");
  });

  it("refuses a second review level without a first, or a third", () => {
    const s = standard.steps;
    expect(messagesOf({ ...standard, steps: [s[0], s[3], s[4]] })).toContain("steps:workflow.reviewLevels");
    expect(messagesOf({ ...standard, steps: [s[0], s[2], s[3], s[3], s[4]] })).toContain("steps:workflow.reviewLevels");
  });

  it("keeps an on-the-spot service to one step", () => {
    expect(messagesOf({ mode: "on_the_spot", steps: [{ kind: "accept", at: "centre", shareDays: 0 }] })).toEqual([]);
    expect(messagesOf({ mode: "on_the_spot", steps: standard.steps })).toContain("steps:workflow.onTheSpotSingleStep");
  });

  it("refuses an unknown step kind", () => {
    expect(messagesOf({ mode: "standard", steps: [{ kind: "stamp" }] }).length).toBeGreaterThan(0);
  });
});

describe("step shares", () => {
  it("must fit in the promised limit", () => {
    expect(checkWorkflowAgainstLimit(standard, 9)).toBeNull();
    expect(checkWorkflowAgainstLimit(standard, 8)).toBe("workflow.sharesExceedLimit");
  });

  it("today's single step fits its service", () => {
    const wf = defaultWorkflow({ onTheSpot: false, promisedLimitDays: 10 });
    expect(workflowSchema.safeParse(wf).success).toBe(true);
    expect(checkWorkflowAgainstLimit(wf, 10)).toBeNull();
    expect(workflowSchema.safeParse(defaultWorkflow({ onTheSpot: true, promisedLimitDays: 0 })).success).toBe(true);
  });
});
