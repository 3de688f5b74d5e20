import { describe, expect, it } from "vitest";
import { checkWorkflowAgainstLimit, workflowSchema } from "@/lib/workflows/workflow-schema";
import { CATALOGUE_SERVICES } from "./catalogue";
import { SERVICE_WORKFLOWS } from "./catalogue-workflows";

describe("the seeded workflows", () => {
  it("are valid, name real services, match on-the-spot, and fit each promised limit", () => {
    for (const [code, workflow] of Object.entries(SERVICE_WORKFLOWS)) {
      const service = CATALOGUE_SERVICES.find((s) => s.code === code);
      expect(service, code).toBeDefined();
      expect(workflowSchema.safeParse(workflow).success, code).toBe(true);
      expect(workflow.mode === "on_the_spot", code).toBe(service!.onTheSpot);
      expect(checkWorkflowAgainstLimit(workflow, service!.promisedLimitDays), code).toBeNull();
    }
  });
});
