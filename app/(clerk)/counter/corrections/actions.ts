"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/action";
import { decideCorrection } from "@/lib/corrections/decide-correction";
import { decideCorrectionSchema } from "@/lib/corrections/schemas";

export const decideCorrectionAction = userAction(["clerk"], decideCorrectionSchema, async (input, { db, actor }) => {
  const decided = await decideCorrection(db, actor, input);
  revalidatePath("/counter/corrections");
  return decided;
});
