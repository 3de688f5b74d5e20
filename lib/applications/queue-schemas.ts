import { z } from "zod";
import { applicationStatuses } from "@/db/schema/values";

/**
 * The clerk queue's filters as they travel in the URL query string. No database import:
 * the filter form (a client component) and the page share it. Never an ID number here.
 */
export const QUEUE_LIGHTS = ["green", "yellow", "red", "paused", "none"] as const;
export type QueueLight = (typeof QUEUE_LIGHTS)[number];
export const QUEUE_CHANNELS = ["online", "counter", "mobile", "self_service"] as const;
export const QUEUE_PAGE_SIZE = 25;

/** Keyset position: the last row of the previous page, as (due_on, number, id). */
const cursorSchema = z.object({
  d: z.iso.date().nullable(),
  n: z.string().min(1).max(40),
  i: z.uuid(),
});
export type QueueCursor = z.infer<typeof cursorSchema>;

export function encodeQueueCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeQueueCursor(raw: string | undefined): QueueCursor | null {
  if (!raw) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const optional = <T extends z.ZodType>(s: T) =>
  z.preprocess((v: unknown): unknown => (v === "" || v === "all" ? undefined : Array.isArray(v) ? (v as unknown[])[0] : v), s.optional());

/** Parses `searchParams`; an unknown value is dropped (the queue shows unfiltered) rather than failing. */
export const queueFiltersSchema = z.object({
  status: optional(z.enum(applicationStatuses)).catch(undefined),
  service: optional(z.uuid()).catch(undefined),
  channel: optional(z.enum(QUEUE_CHANNELS)).catch(undefined),
  light: optional(z.enum(QUEUE_LIGHTS)).catch(undefined),
  after: optional(z.string().max(400)).catch(undefined),
});
export type QueueFilters = z.output<typeof queueFiltersSchema>;

/** The query string for a set of filters (and optionally a page), dropping empty values. */
export function queueHref(filters: Partial<Record<"status" | "service" | "channel" | "light" | "after", string | undefined>>): string {
  const params = new URLSearchParams();
  for (const key of ["status", "service", "channel", "light", "after"] as const) {
    const v = filters[key];
    if (v) params.set(key, v);
  }
  const qs = params.toString();
  return qs ? `/counter/queue?${qs}` : "/counter/queue";
}
