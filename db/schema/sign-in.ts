import { bigint, index, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Failed sign-in and activation attempts, counted per key: an HMAC of the login id (for known
 * and unknown accounts alike, so the answers cannot tell them apart) and of the client
 * address. Keys are never the raw ID number or address.
 */
export const signInThrottles = pgTable(
  "sign_in_throttles",
  {
    key: text("key").primaryKey(),
    failures: smallint("failures").notNull().default(0),
    lastFailedAt: timestamp("last_failed_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [index("sign_in_throttles_last_failed_idx").on(t.lastFailedAt)],
);

/**
 * A TOTP authenticator (RFC 6238). The secret is AES-256-GCM encrypted with MFA_ENCRYPTION_KEY
 * (bound to the user id) and never shown again after enrolment. `lastUsedStep` refuses a
 * replayed code: a code's 30-second step must be later than the last one accepted.
 */
export const userTotp = pgTable("user_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretCiphertext: text("secret_ciphertext").notNull(),
  /** Null while enrolment waits for the first correct code. */
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes, stored as argon2id hashes; a used code stays, marked used. */
export const userRecoveryCodes = pgTable(
  "user_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("user_recovery_codes_user_idx").on(t.userId)],
);

/**
 * Sessions signed out before their token expires. Sign-out ends this one session, not the
 * account's others (a phone and a counter PC stay signed in); the row lives until the token it
 * names would have expired anyway, then the daily jobs prune it. Ending every session at once
 * (a password change, a deactivation) bumps users.session_version instead.
 */
export const endedSessions = pgTable(
  "ended_sessions",
  {
    sessionId: uuid("session_id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endedAt: timestamp("ended_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("ended_sessions_expires_idx").on(t.expiresAt)],
);

export type UserTotp = typeof userTotp.$inferSelect;
