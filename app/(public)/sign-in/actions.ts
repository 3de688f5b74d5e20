"use server";

import { publicAction } from "@/lib/action";
import { signIn } from "@/lib/auth/auth";
import { citizenSignInSchema, staffSignInSchema } from "@/lib/auth/schemas";
import { signInErrorToAppError } from "@/lib/auth/sign-in-error";

async function signInWith(provider: "citizen" | "staff", credentials: Record<string, string>) {
  try {
    await signIn(provider, { ...credentials, redirect: false });
  } catch (error) {
    throw signInErrorToAppError(error);
  }
  return { redirectTo: "/start" };
}

export const citizenSignInAction = publicAction(citizenSignInSchema, (input) =>
  signInWith("citizen", input),
);

export const staffSignInAction = publicAction(staffSignInSchema, (input) => signInWith("staff", input));
