"use server";

import { userAction } from "@/lib/action";
import { submitApplicationSchema } from "@/lib/applications/answers-schema";
import { deleteDraft } from "@/lib/applications/drafts";
import { submitApplication } from "@/lib/applications/submit-application";

export const submitApplicationAction = userAction(["citizen"], submitApplicationSchema, async (input, { db, actor }) => {
  const filed = await submitApplication(db, actor, input);
  // Filed, the draft has served its purpose.
  await deleteDraft(db, actor, { kind: "service", code: input.serviceCode });
  return filed;
});
