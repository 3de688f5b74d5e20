"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/action";
import { closeFollowUp } from "@/lib/metrics/close-follow-up";
import { closeFollowUpSchema } from "@/lib/metrics/follow-up-schemas";

export const closeFollowUpAction = userAction(["supervisor"], closeFollowUpSchema, async (input, { db, actor }) => {
  const closed = await closeFollowUp(db, actor, input);
  revalidatePath("/supervisor/follow-ups");
  return { id: closed.id, version: closed.version };
});
