"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/action";
import { createStaffAccount } from "@/lib/admin/create-staff-account";
import { createStaffSchema } from "@/lib/admin/staff-schemas";

export const createStaffAccountAction = userAction(["admin"], createStaffSchema, async (input, { db, actor, requestId }) => {
  const created = await createStaffAccount(db, actor, input, requestId);
  revalidatePath("/admin");
  return created;
});
