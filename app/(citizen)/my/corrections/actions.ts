"use server";

import { userAction } from "@/lib/action";
import { requestCorrection } from "@/lib/corrections/request-correction";
import { requestCorrectionSchema } from "@/lib/corrections/schemas";

export const requestCorrectionAction = userAction(["citizen"], requestCorrectionSchema, (input, { db, actor }) =>
  requestCorrection(db, actor, input),
);
