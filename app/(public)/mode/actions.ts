"use server";

import { cookies } from "next/headers";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { setUiMode } from "@/lib/preferences/set-ui-mode";
import { setUiModeSchema, UI_MODE_COOKIE, type UiMode } from "@/lib/preferences/ui-mode";

/**
 * Switches 长辈版 on or off: a cookie for everyone (a year, like the language), and for a
 * signed-in resident the stored preference too, so it follows them to another device.
 */
export async function setUiModeAction(mode: UiMode): Promise<{ ok: boolean }> {
  const parsed = setUiModeSchema.safeParse({ mode });
  if (!parsed.success) return { ok: false };
  (await cookies()).set(UI_MODE_COOKIE, parsed.data.mode, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  await setUiMode(await getDb(), await getCurrentUser(), parsed.data);
  return { ok: true };
}
