import "server-only";
import type { Account, Profile, User } from "next-auth";
import { getDb } from "@/db";
import { PROVINCIAL_PROVIDER_ID } from "./provincial-provider";
import { signInWithProvincialIdentity } from "./sign-in-with-provincial-identity";

/**
 * Auth.js signIn callback: other providers pass through; the provincial one is matched to the
 * population register, and the session then carries our user (id, role, session version), not
 * the provider's subject. A refusal sends the resident back to the sign-in page with the reason.
 */
export async function provincialSignInCallback({ user, account, profile }: { user: User; account?: Account | null; profile?: Profile }): Promise<boolean | string> {
  if (account?.provider !== PROVINCIAL_PROVIDER_ID) return true;
  const result = await signInWithProvincialIdentity(await getDb(), (profile ?? {}) as Record<string, unknown>);
  if (!result.ok) return `/sign-in?provincial=${result.reason}`;
  user.id = result.user.id;
  user.name = result.user.displayName;
  user.role = "citizen";
  user.sessionVersion = result.user.sessionVersion;
  return true;
}
