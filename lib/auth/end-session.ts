import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "./session";

/**
 * Sign-out ends the session on the server too: bumping the session version makes every
 * token issued before it worthless, even a copied one.
 */
export async function endSession(db: Executor, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id));
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
