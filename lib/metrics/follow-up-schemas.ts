import { z } from "zod";

/** 好差评整改: closing a follow-up with what was done. No database import: the form loads it. */
export const ACTION_TAKEN_MAX = 1000;

export const closeFollowUpSchema = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1),
  actionTaken: z.string().trim().min(5, "validation.actionTakenRequired").max(ACTION_TAKEN_MAX, "validation.actionTakenTooLong"),
});
export type CloseFollowUpInput = z.input<typeof closeFollowUpSchema>;

export const followUpListSchema = z.object({
  status: z.preprocess((v): unknown => (v === "" || v === undefined ? "open" : Array.isArray(v) ? (v[0] as unknown) : v), z.enum(["open", "closed", "all"])),
  page: z.preprocess((v): unknown => (v === "" || v === undefined ? 1 : Array.isArray(v) ? (v[0] as unknown) : v), z.coerce.number().int().min(1).max(10_000)),
});
export type FollowUpListInput = { status?: unknown; page?: unknown };
