"use server";

import { getDb } from "@/db";
import { signOut } from "@/lib/auth/auth";
import { endSession } from "@/lib/auth/end-session";
import { readSessionClaims } from "@/lib/auth/read-session";
import { getCurrentUser } from "@/lib/auth/session";

export async function signOutAction(): Promise<void> {
  const actor = await getCurrentUser();
  if (actor) await endSession(await getDb(), actor, (await readSessionClaims())?.sessionId ?? null);
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
