import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { isDatabaseUnavailable } from "@/lib/errors";
import { authConfig } from "./config";
import { redeemSignInTicket } from "./sign-in-ticket";
import { sessionIdOf } from "./read-session";
import { acceptsSession, readSessionUser } from "./session-user";
import { provincialIdentityProvider } from "./oidc/provincial-provider";
import { provincialSignInCallback } from "./oidc/provincial-sign-in-callback";

/**
 * Auth.js mints and reads the session; it decides nothing. The one credentials provider takes
 * a ticket that lib/auth/login.ts issued after the password, the second factor and the
 * throttles were all satisfied (app/(public)/sign-in/actions.ts). Residents may also come
 * through the provincial identity provider when it is configured (lib/auth/oidc).
 */
const provincial = provincialIdentityProvider();

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    // Residents through 广东政务服务统一身份认证, when configured (lib/auth/oidc).
    ...(provincial ? [provincial] : []),
    Credentials({
      id: "ticket",
      credentials: { ticket: {} },
      authorize(raw) {
        const user = redeemSignInTicket((raw as { ticket?: unknown } | undefined)?.ticket);
        if (!user) throw new CredentialsSignin("no ticket");
        return { id: user.id, name: user.name, role: user.role as never, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    signIn: provincialSignInCallback,
    /**
     * Every read of the session (pages, actions, /api/auth/session) checks the user row: a
     * session ended by sign-out (its version bumped), a deactivated account or a changed role
     * answers no session at all, and Auth.js clears the cookie.
     */
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.user) return token;
      let row: Awaited<ReturnType<typeof readSessionUser>>;
      try {
        row = token.sub ? await readSessionUser(token.sub, sessionIdOf(token)) : null;
      } catch (error) {
        // The database away is no reason to end the session: keep the cookie; getCurrentUser
        // (which every page and action goes through) fails closed with UNAVAILABLE instead.
        if (isDatabaseUnavailable(error)) return token;
        throw error;
      }
      if (!acceptsSession(row, { role: token.role, sessionVersion: Number(token.sv) })) return null;
      return token;
    },
  },
});
