import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { departments } from "./organisation";
import { users } from "./users";

/**
 * Keys of other departments' systems for /api/v1. Only a SHA-256 of the key is kept (the key is
 * 32 random bytes, so a slow hash adds nothing); the prefix identifies it in lists and logs.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    label: text("label").notNull(),
    prefix: text("prefix").notNull().unique(),
    keyHash: text("key_hash").notNull().unique(),
    /** Requests per minute this key may make. */
    rateLimitPerMinute: integer("rate_limit_per_minute").notNull().default(600),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedByUserId: uuid("revoked_by_user_id").references(() => users.id),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("api_keys_department_idx").on(t.departmentId)],
);

/** A retried request with the same Idempotency-Key gets the first response back. */
export const apiIdempotency = pgTable(
  "api_idempotency",
  {
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id),
    key: text("key").notNull(),
    /** SHA-256 of method, path and body: the same key with a different request is refused. */
    requestHash: text("request_hash").notNull(),
    statusCode: smallint("status_code").notNull(),
    response: jsonb("response").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] }), index("api_idempotency_created_idx").on(t.createdAt)],
);

/** Fixed one-minute windows per key, counted in the database so every app instance shares them. */
export const apiRateWindows = pgTable(
  "api_rate_windows",
  {
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.windowStart] }), index("api_rate_windows_start_idx").on(sql`${t.windowStart}`)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
