import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema/enums";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; role: Role; name: string; sessionVersion: number };
  }
}

/** Only for `next dev` and tests; `npm start` and production always supply AUTH_SECRET. */
/** How long a session token lasts; an ended session's row (ended_sessions) is kept as long. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const DEV_SECRET = "onewindow-development-secret-not-for-production-use";

/** The secret that signs session tokens (and from which lib/auth/derived-keys.ts derives its keys). */
export const authSecret: string | undefined = env.AUTH_SECRET ?? (env.NODE_ENV === "production" ? undefined : DEV_SECRET);

/**
 * The part of the Auth.js config that needs no database, shared by the route handler and
 * proxy.ts. Sessions are JWTs carrying the user id, role and session version; lib re-reads
 * the user row on every request, so the token alone never grants anything. Each token also
 * carries a session id (`sid`) that sign-out ends on its own.
 */
export const authConfig = {
  secret: authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // A failed provider sign-in (bad token, replayed code) lands on the sign-in page, not Auth.js's English one.
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // A refused password is an expected outcome (audited in lib), not an error with a stack.
  logger: {
    // Refusals and malformed requests (a missing CSRF token, an unknown action, a tampered
    // cookie) are expected: info, no stack. Only a broken configuration is an error.
    error(error) {
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "Configuration" || type === "MissingSecret" || type === "AdapterError") {
        logger.error({ err: error, cause: error.cause }, "auth error");
        return;
      }
      // Auth.js wraps what went wrong (a refused code, a bad token) as the cause.
      logger.info({ type, cause: error.cause instanceof Error ? error.cause.message : undefined }, "auth request refused");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        // This session's own id: sign-out ends it alone (ended_sessions).
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub ?? "",
        role: token.role as Role,
        name: session.user?.name ?? "",
        sessionVersion: Number(token.sv ?? 0),
      };
      return session;
    },
  },
} satisfies NextAuthConfig;
