import { z } from "zod";

/** 标准版 or 长辈版 (elderly and accessible mode: larger type, higher contrast, a simpler home). */
export const uiModes = ["normal", "elderly"] as const;
export type UiMode = (typeof uiModes)[number];
export const UI_MODE_COOKIE = "ow_mode";

export const setUiModeSchema = z.object({ mode: z.enum(uiModes) });
export type SetUiModeInput = z.infer<typeof setUiModeSchema>;

export function uiModeFromCookie(value: string | undefined): UiMode | null {
  return value === "elderly" || value === "normal" ? value : null;
}
