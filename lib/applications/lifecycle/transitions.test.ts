import { describe, expect, it } from "vitest";
import { defaultWorkflow, type Workflow } from "@/lib/workflows/workflow-schema";
import { allowedActions, refusalOf, statusAfterStep, stepsWorkedBy, type LifecycleState } from "./transitions";

const wf: Workflow = {
  mode: "standard",
  steps: [
    { kind: "accept", at: "centre", shareDays: 1 },
    { kind: "check" },
    { kind: "review", level: 1, shareDays: 3 },
    { kind: "review", level: 2, shareDays: 2 },
    { kind: "decide", shareDays: 3, legalBasis: { zh: "依据", en: "basis" } },
    { kind: "deliver", methods: ["collect"], shareDays: 1 },
  ],
};
const clerk = { id: "c", role: "clerk" as const };
const reviewer = { id: "r", role: "reviewer" as const };
const approver = { id: "a", role: "approver" as const };
const state = (over: Partial<LifecycleState>): LifecycleState => ({ status: "submitted", workflow: wf, stepIndex: 0, handledBy: [], ...over });

describe("the transition table", () => {
  it("offers each post only its own step's actions", () => {
    expect(allowedActions(clerk, state({}))).toEqual(["accept", "requestSupplement", "reject"]);
    expect(allowedActions(reviewer, state({}))).toEqual([]);
    expect(allowedActions(reviewer, state({ status: "accepted", stepIndex: 2 }))).toEqual(["review", "requestSupplement"]);
    expect(allowedActions(clerk, state({ status: "accepted", stepIndex: 2 }))).toEqual([]);
    expect(allowedActions(approver, state({ status: "accepted", stepIndex: 4 }))).toEqual(["approve", "refuse", "requestSupplement"]);
    expect(allowedActions(clerk, state({ status: "approved", stepIndex: 5 }))).toEqual(["deliver"]);
    expect(allowedActions({ id: "s", role: "supervisor" }, state({ status: "accepted", stepIndex: 4 }))).toEqual([]);
  });

  it("refuses the decision to whoever accepted or reviewed, and the second review to the first reviewer", () => {
    const handled = [
      { userId: "a", step: "accept" as const },
      { userId: "r", step: "review" as const },
    ];
    expect(refusalOf(approver, "approve", state({ status: "accepted", stepIndex: 4, handledBy: handled }))).toEqual({
      code: "FORBIDDEN",
      message: "errors.process.separationOfDuties",
    });
    expect(refusalOf(reviewer, "review", state({ status: "accepted", stepIndex: 3, handledBy: handled }))?.message).toBe("errors.process.secondReviewer");
    expect(refusalOf({ id: "r2", role: "reviewer" }, "review", state({ status: "accepted", stepIndex: 3, handledBy: handled }))).toBeNull();
  });

  it("moves forward past automatic checks, to delivery (approved) and to the end (completed)", () => {
    expect(statusAfterStep(wf, 0)).toEqual({ status: "accepted", stepIndex: 2 });
    expect(statusAfterStep(wf, 4)).toEqual({ status: "approved", stepIndex: 5 });
    expect(statusAfterStep(wf, 5)).toEqual({ status: "completed", stepIndex: null });
    const spot = defaultWorkflow({ onTheSpot: true, promisedLimitDays: 0 });
    expect(statusAfterStep(spot, 0)).toEqual({ status: "completed", stepIndex: null });
  });

  it("derives each post's queue from the same table", () => {
    expect(stepsWorkedBy("clerk")).toEqual(["accept", "deliver"]);
    expect(stepsWorkedBy("reviewer")).toEqual(["review"]);
    expect(stepsWorkedBy("approver")).toEqual(["decide"]);
    expect(stepsWorkedBy("citizen")).toEqual([]);
  });
});
