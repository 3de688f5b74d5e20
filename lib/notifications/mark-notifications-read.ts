import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

function ownerOf(actor: Actor): string {
  requirePermission(actor, "portal:citizen");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  return actor.personId;
}

/** "全部标为已读": every unread notice of the resident. Returns how many changed. */
export async function markAllMyNotificationsRead(db: Executor, actor: Actor, now = new Date()): Promise<number> {
  const personId = ownerOf(actor);
  const changed = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return changed.length;
}

/**
 * The notices about one application, read because the resident opened it. Scoped by person,
 * so another resident's application id changes nothing. Returns how many changed.
 */
export async function markMyApplicationNotificationsRead(
  db: Executor,
  actor: Actor,
  applicationId: string,
  now = new Date(),
): Promise<number> {
  const personId = ownerOf(actor);
  const changed = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.personId, personId), eq(notifications.applicationId, applicationId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return changed.length;
}
