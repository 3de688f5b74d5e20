"use server";

import { getDb } from "@/db";
import { signOut } from "@/lib/auth/auth";
import { endSession } from "@/lib/auth/end-session";
import { getCurrentUser } from "@/lib/auth/session";

export async function signOutAction(): Promise<void> {
  const actor = await getCurrentUser();
  if (actor) await endSession(await getDb(), actor);
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
