"use server";

import { userAction } from "@/lib/action";
import {
  fileCounterApplication,
  fileCounterApplicationSchema,
  prepareCounterApplication,
  prepareCounterApplicationSchema,
} from "@/lib/applications/prepare-counter-application";

/** POST only: the resident's ID number travels in the action's body, never in a URL. */
export const prepareIntakeAction = userAction(["clerk"], prepareCounterApplicationSchema, (input, { db, actor }) =>
  prepareCounterApplication(db, actor, input),
);

export const fileIntakeAction = userAction(["clerk"], fileCounterApplicationSchema, (input, { db, actor }) =>
  fileCounterApplication(db, actor, input),
);
