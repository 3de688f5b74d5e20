"use server";

import { publicAction } from "@/lib/action";
import { activateCitizenAccount } from "@/lib/auth/activate-account";
import { activationSchema } from "@/lib/auth/schemas";

export const activateAccountAction = publicAction(activationSchema, async (input, { db }) => {
  await activateCitizenAccount(db, input);
  return { redirectTo: "/sign-in?activated=1" };
});
