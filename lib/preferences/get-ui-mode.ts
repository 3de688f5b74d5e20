import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { userPreferences } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { UiMode } from "./ui-mode";

/**
 * The mode a page renders in: a signed-in resident's stored choice (it follows them to another
 * device), else the visitor's cookie, else the standard mode. One primary-key read.
 */
export async function getUiMode(db: Executor, actor: Actor | null, fromCookie: UiMode | null): Promise<UiMode> {
  if (actor?.role === "citizen") {
    const [row] = await db.select({ elderlyMode: userPreferences.elderlyMode }).from(userPreferences).where(eq(userPreferences.userId, actor.id));
    if (row) return row.elderlyMode ? "elderly" : "normal";
  }
  return fromCookie ?? "normal";
}
