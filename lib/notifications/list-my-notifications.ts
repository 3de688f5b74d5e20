import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

export type MyNotification = {
  id: string;
  messageKey: string;
  params: Record<string, string | number>;
  createdAt: Date;
  read: boolean;
};

export async function listMyNotifications(
  db: Executor,
  actor: Actor,
  { limit = 10 }: { limit?: number } = {},
): Promise<{ items: MyNotification[]; unread: number }> {
  requirePermission(actor, "portal:citizen");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const [rows, [unread]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        messageKey: notifications.messageKey,
        params: notifications.params,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(eq(notifications.personId, actor.personId))
      .orderBy(desc(notifications.createdAt))
      .limit(limit),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.personId, actor.personId), isNull(notifications.readAt))),
  ]);
  return {
    items: rows.map(({ readAt, ...r }) => ({ ...r, read: readAt !== null })),
    unread: unread?.n ?? 0,
  };
}
