"use server";

import { userAction } from "@/lib/action";
import { submitBundleSchema } from "@/lib/applications/bundle-schema";
import { deleteDraft } from "@/lib/applications/drafts";
import { submitBundle } from "@/lib/applications/submit-bundle";

export const submitBundleAction = userAction(["citizen"], submitBundleSchema, async (input, { db, actor }) => {
  const filed = await submitBundle(db, actor, input);
  // Filed, the draft has served its purpose.
  await deleteDraft(db, actor, { kind: "bundle", code: input.bundleCode });
  return filed;
});
