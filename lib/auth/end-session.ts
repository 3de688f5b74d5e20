import "server-only";
import { eq, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { endedSessions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { SESSION_MAX_AGE_SECONDS } from "./config";
import type { Actor } from "./session";

/**
 * Sign-out ends this session on the server too, not only its cookie: its id goes into
 * ended_sessions, so the token is worthless even if copied, while the account's other sessions
 * (another device, another tab's sign-in) go on. A token from before session ids (no `sid`)
 * can only be ended with all the others: the session version is bumped.
 */
export async function endSession(db: Executor, actor: Actor, sessionId: string | null, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    if (sessionId) {
      await tx
        .insert(endedSessions)
        .values({ sessionId, userId: actor.id, endedAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) })
        .onConflictDoNothing();
    } else {
      await tx
        .update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, actor.id));
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "auth.sign_out",
      entityType: "user",
      entityId: actor.id,
      personId: actor.personId,
    });
  });
}

/** Ended sessions whose tokens have expired anyway name nothing any more (daily jobs). */
export async function pruneEndedSessions(db: Executor, now = new Date()): Promise<number> {
  const rows = await db.delete(endedSessions).where(lt(endedSessions.expiresAt, now)).returning({ id: endedSessions.sessionId });
  return rows.length;
}
