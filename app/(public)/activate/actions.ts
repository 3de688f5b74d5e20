"use server";

import { publicAction } from "@/lib/action";
import { activateCitizenAccount } from "@/lib/auth/activate-account";
import { clientAddress } from "@/lib/auth/client-address";
import { activationServerSchema } from "@/lib/auth/password-check";

export const activateAccountAction = publicAction(activationServerSchema, async (input, { db }) => {
  await activateCitizenAccount(db, input, new Date(), await clientAddress());
  return { redirectTo: "/sign-in?activated=1" };
});
