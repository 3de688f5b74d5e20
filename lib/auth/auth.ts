import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import type { User } from "@/db/schema";
import { authConfig } from "./config";
import { authenticateCitizen, authenticateStaff, type LoginResult } from "./login";
import { provincialIdentityProvider } from "./oidc/provincial-provider";
import { provincialSignInCallback } from "./oidc/provincial-sign-in-callback";
import { citizenSignInSchema, staffSignInSchema } from "./schemas";

/** The code reaches the sign-in action, which turns it into a clear message. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

function toAuthUser(result: LoginResult): User {
  if (result.ok) return result.user;
  if (result.reason === "locked") throw new SignInRefused(`locked:${result.until.toISOString()}`);
  if (result.reason === "throttled") throw new SignInRefused(`throttled:${result.retryAfterSeconds}`);
  throw new SignInRefused("invalid");
}

const sessionUser = (u: User) => ({
  id: u.id,
  name: u.displayName,
  role: u.role,
  sessionVersion: u.sessionVersion,
});

const provincial = provincialIdentityProvider();

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: { ...authConfig.callbacks, signIn: provincialSignInCallback },
  providers: [
    // Residents through 广东政务服务统一身份认证, when configured (lib/auth/oidc).
    ...(provincial ? [provincial] : []),
    Credentials({
      id: "citizen",
      credentials: { login: {}, password: {} },
      async authorize(raw) {
        const input = citizenSignInSchema.safeParse(raw);
        if (!input.success) throw new SignInRefused("invalid");
        const db = await getDb();
        return sessionUser(toAuthUser(await authenticateCitizen(db, input.data.login, input.data.password)));
      },
    }),
    Credentials({
      id: "staff",
      credentials: { login: {}, password: {} },
      async authorize(raw) {
        const input = staffSignInSchema.safeParse(raw);
        if (!input.success) throw new SignInRefused("invalid");
        const db = await getDb();
        return sessionUser(toAuthUser(await authenticateStaff(db, input.data.login, input.data.password)));
      },
    }),
  ],
});
