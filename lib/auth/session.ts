import "server-only";
import { cache } from "react";
import type { Role } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import { readSessionUser } from "./session-user";
import type { Actor } from "./actor";

export { requirePermission, type Actor } from "./actor";

/**
 * The signed-in user, re-read from the database on every request: a deactivated account,
 * a changed role or a signed-out session version stops working at once, not when the
 * token expires. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const row = await readSessionUser(id);
  if (!row || !row.active) return null;
  if (row.role !== session.user.role || row.sessionVersion !== session.user.sessionVersion) return null;
  const { active: _active, sessionVersion: _sv, ...actor } = row;
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
