"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/action";
import {
  confirmResidentEnrolment,
  secondFactorCodeInputSchema,
  startResidentEnrolment,
  turnOffResidentSecondFactor,
} from "@/lib/auth/resident-second-factor";

export const startEnrolmentAction = userAction(["citizen"], z.object({}), (_input, { db, actor }) => startResidentEnrolment(db, actor));

export const confirmEnrolmentAction = userAction(["citizen"], secondFactorCodeInputSchema, async (input, { db, actor }) => {
  const result = await confirmResidentEnrolment(db, actor, input);
  revalidatePath("/my/security");
  return result;
});

export const turnOffSecondFactorAction = userAction(["citizen"], secondFactorCodeInputSchema, async (input, { db, actor }) => {
  await turnOffResidentSecondFactor(db, actor, input);
  revalidatePath("/my/security");
  return { off: true };
});
