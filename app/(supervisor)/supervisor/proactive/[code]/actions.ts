"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/action";
import { notifyEligibleResidents } from "@/lib/proactive/notify-eligible-residents";
import { notifyEligibleResidentsSchema } from "@/lib/proactive/proactive-schemas";

export const notifyEligibleResidentsAction = userAction(["supervisor"], notifyEligibleResidentsSchema, async (input, { db, actor, requestId }) => {
  const result = await notifyEligibleResidents(db, actor, input, { requestId });
  revalidatePath(`/supervisor/proactive/${input.serviceCode}`);
  return { newlyNotified: result.newlyNotified, eligible: result.eligible };
});
