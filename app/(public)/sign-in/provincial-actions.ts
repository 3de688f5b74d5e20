"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { PROVINCIAL_PROVIDER_ID, provincialSignInConfigured } from "@/lib/auth/oidc/provincial-provider";

/** Starts the OpenID Connect sign-in with the provincial identity provider (no input to validate). */
export async function provincialSignInAction(): Promise<void> {
  if (!provincialSignInConfigured()) redirect("/sign-in");
  await signIn(PROVINCIAL_PROVIDER_ID, { redirectTo: "/start" });
}
