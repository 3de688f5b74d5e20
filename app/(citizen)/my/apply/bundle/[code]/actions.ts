"use server";

import { userAction } from "@/lib/action";
import { submitBundleSchema } from "@/lib/applications/bundle-schema";
import { submitBundle } from "@/lib/applications/submit-bundle";

export const submitBundleAction = userAction(["citizen"], submitBundleSchema, (input, { db, actor }) => submitBundle(db, actor, input));
