"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/action";
import { answerSupplement } from "@/lib/applications/answer-supplement";
import { answerSupplementSchema } from "@/lib/applications/process-schemas";
import { rateApplication } from "@/lib/applications/rate-application";
import { rateApplicationSchema, withdrawApplicationSchema } from "@/lib/applications/track-schemas";
import { withdrawApplication } from "@/lib/applications/withdraw-application";

export const withdrawApplicationAction = userAction(["citizen"], withdrawApplicationSchema, async (input, { db, actor }) => {
  const result = await withdrawApplication(db, actor, input);
  revalidatePath(`/my/applications/${result.id}`);
  return result;
});

export const rateApplicationAction = userAction(["citizen"], rateApplicationSchema, async (input, { db, actor }) => {
  const rating = await rateApplication(db, actor, input);
  revalidatePath(`/my/applications/${input.applicationId}`);
  return { score: rating.score };
});

export const answerSupplementAction = userAction(["citizen"], answerSupplementSchema, async (input, { db, actor }) => {
  const result = await answerSupplement(db, actor, input);
  revalidatePath(`/my/applications/${result.applicationId}`);
  return { status: result.status };
});
