import "server-only";
import type { Executor } from "@/db/client";
import { userPreferences } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { SetUiModeInput } from "./ui-mode";

/**
 * Stores a signed-in resident's mode (staff and anonymous visitors keep theirs in the cookie
 * only). An upsert, so switching twice quickly leaves the last choice and never a second row.
 */
export async function setUiMode(db: Executor, actor: Actor | null, { mode }: SetUiModeInput, now = new Date()): Promise<{ stored: boolean }> {
  if (actor?.role !== "citizen") return { stored: false };
  const elderlyMode = mode === "elderly";
  await db
    .insert(userPreferences)
    .values({ userId: actor.id, elderlyMode, updatedAt: now })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { elderlyMode, updatedAt: now } });
  return { stored: true };
}
