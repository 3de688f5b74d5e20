import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { Role } from "@/db/schema/enums";
import { authConfig } from "./config";

/** What the session cookie claims; lib/auth/session.ts checks it against the user row. */
export type SessionClaims = { id: string; role: Role; sessionVersion: number; sessionId: string | null };

/** The session id claim, when the token has a well-formed one (tokens from before it had none). */
export function sessionIdOf(payload: Record<string, unknown>): string | null {
  return typeof payload.sid === "string" && /^[0-9a-f-]{36}$/i.test(payload.sid) ? payload.sid : null;
}

/** Auth.js names the cookie with the __Secure- prefix when the site is served over HTTPS. */
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * Reads the session from its cookie with Auth.js's own `decode` (the JWE it wrote, key derived
 * from AUTH_SECRET and the cookie name, expiry checked). A page render cannot set cookies, so
 * Auth.js's `auth()` there would decode the token, run the callbacks and then encrypt a renewed
 * token only to throw it away: half the crypto and the whole request round-trip of `auth()`
 * per page, for the same three claims. Renewal still happens where a response can carry it
 * (proxy.ts, the /api/auth routes). An unreadable or expired token is no session.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const secret = authConfig.secret;
  if (!secret) return null;
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    const payload = await decode({ token, secret, salt: name }).catch(() => null);
    if (!payload?.sub || typeof payload.role !== "string") return null;
    return { id: payload.sub, role: payload.role as Role, sessionVersion: Number(payload.sv ?? 0), sessionId: sessionIdOf(payload) };
  }
  return null;
}
