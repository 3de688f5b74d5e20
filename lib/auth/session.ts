import "server-only";
import { cache } from "react";
import type { Role } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { acceptsSession, readSessionUser } from "./session-user";
import type { Actor } from "./actor";
import { readSessionClaims } from "./read-session";

export { requirePermission, type Actor } from "./actor";

/**
 * The signed-in user, re-read from the database on every request: a deactivated account,
 * a changed role or a signed-out session version stops working at once, not when the
 * token expires; a session signed out on its own (ended_sessions) too. Cached per request. The cookie is read directly (read-session.ts), not through
 * Auth.js's `auth()`, which would also re-encrypt a renewed token a page cannot send.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const claims = await readSessionClaims();
  const id = claims?.id;
  if (!claims || !id) return null;
  const row = await readSessionUser(id, claims.sessionId);
  if (!acceptsSession(row, claims)) return null;
  const { active: _active, sessionVersion: _sv, ended: _ended, ...actor } = row;
  return actor;
});

/** The signed-in user with one of `roles`, or an AppError (UNAUTHENTICATED / FORBIDDEN). */
export async function requireUser(...roles: Role[]): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.unauthenticated");
  if (roles.length > 0 && !roles.includes(actor.role)) {
    throw new AppError("FORBIDDEN", "errors.forbidden", {
      internal: `role ${actor.role} not in ${roles.join(",")}`,
    });
  }
  return actor;
}
