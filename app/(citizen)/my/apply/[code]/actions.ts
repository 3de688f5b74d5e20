"use server";

import { userAction } from "@/lib/action";
import { submitApplicationSchema } from "@/lib/applications/answers-schema";
import { submitApplication } from "@/lib/applications/submit-application";

export const submitApplicationAction = userAction(["citizen"], submitApplicationSchema, (input, { db, actor }) =>
  submitApplication(db, actor, input),
);
