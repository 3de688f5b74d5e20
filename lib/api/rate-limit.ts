import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { apiIdempotency, apiRateWindows } from "@/db/schema";

export type RateLimitState = {
  limit: number;
  remaining: number;
  /** Seconds until the current window ends. */
  resetSeconds: number;
  allowed: boolean;
};

/**
 * Counts one request against the key's fixed one-minute window, in the database so every app
 * instance shares the count: a single upsert that returns the new count (no read-then-write race).
 * Old windows are pruned by the daily jobs (`pruneApiState`, on api_rate_windows_start_idx).
 */
export async function consumeRateLimit(db: Executor, keyId: string, limit: number, now = new Date()): Promise<RateLimitState> {
  const windowStartMs = Math.floor(now.getTime() / 60_000) * 60_000;
  const windowStart = new Date(windowStartMs);
  const w = apiRateWindows;
  const [row] = rowsOf<{ count: number }>(
    await db.execute(sql`
      INSERT INTO ${w} (${sql.identifier(w.apiKeyId.name)}, ${sql.identifier(w.windowStart.name)}, ${sql.identifier(w.count.name)})
      VALUES (${keyId}::uuid, ${windowStart.toISOString()}::timestamptz, 1)
      ON CONFLICT (${sql.identifier(w.apiKeyId.name)}, ${sql.identifier(w.windowStart.name)})
      DO UPDATE SET ${sql.identifier(w.count.name)} = ${w}.${sql.identifier(w.count.name)} + 1
      RETURNING ${sql.identifier(w.count.name)} AS count`),
  );
  const count = Number(row?.count ?? 1);
  const resetSeconds = Math.max(1, Math.ceil((windowStartMs + 60_000 - now.getTime()) / 1000));
  return { limit, remaining: Math.max(0, limit - count), resetSeconds, allowed: count <= limit };
}

/** IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), plus Retry-After when refused. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
    "RateLimit-Policy": `${state.limit};w=60`,
  };
  if (!state.allowed) headers["Retry-After"] = String(state.resetSeconds);
  return headers;
}

/**
 * Daily housekeeping: rate windows older than a day, and idempotency records older than a week
 * (a retry comes within minutes; a week leaves room for a system that was down over a weekend).
 */
export async function pruneApiState(db: Executor, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  await db.execute(sql`DELETE FROM ${apiRateWindows} WHERE ${apiRateWindows.windowStart} < ${dayAgo}::timestamptz`);
  await db.execute(sql`DELETE FROM ${apiIdempotency} WHERE ${apiIdempotency.createdAt} < ${weekAgo}::timestamptz`);
}
