import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { persons, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { afterFailure, afterSuccess, checkLockout } from "./lockout";
import { DUMMY_HASH, verifyPassword } from "./password";

export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  | { ok: false; reason: "locked"; until: Date };

/**
 * Checks a password against a user row and applies the lock-out rule. The row is locked
 * (FOR UPDATE) so parallel guesses cannot each see a fresh failure count.
 */
async function attemptLogin(
  db: Executor,
  findUser: (tx: Executor) => Promise<User | undefined>,
  password: string,
  now: Date,
): Promise<LoginResult> {
  return db.transaction(async (tx) => {
    const user = await findUser(tx);
    if (!user || !user.active) {
      await verifyPassword(DUMMY_HASH, password);
      return { ok: false, reason: "invalid" } as const;
    }
    const decision = checkLockout(user, now);
    if (decision.kind === "locked") return { ok: false, reason: "locked", until: decision.until } as const;
    if (decision.kind === "throttled") {
      return { ok: false, reason: "throttled", retryAfterSeconds: decision.retryAfterSeconds } as const;
    }
    const valid = await verifyPassword(user.passwordHash, password);
    const next = valid ? afterSuccess() : afterFailure(user, now);
    await tx
      .update(users)
      .set({ ...next, ...(valid ? { lastLoginAt: now } : {}) })
      .where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: valid ? "auth.sign_in" : "auth.sign_in_failed",
      entityType: "user",
      entityId: user.id,
      personId: user.personId,
      detail: valid ? {} : { failedLoginCount: next.failedLoginCount, locked: next.lockedUntil !== null },
    });
    if (valid) return { ok: true, user } as const;
    if (next.lockedUntil) return { ok: false, reason: "locked", until: next.lockedUntil } as const;
    return { ok: false, reason: "invalid" } as const;
  });
}

export function authenticateCitizen(db: Executor, idNumber: string, password: string, now = new Date()) {
  return attemptLogin(
    db,
    async (tx) => {
      const rows = await tx
        .select({ user: users })
        .from(users)
        .innerJoin(persons, eq(persons.id, users.personId))
        .where(eq(persons.idNumber, idNumber))
        .for("update", { of: users });
      return rows[0]?.user;
    },
    password,
    now,
  );
}

export function authenticateStaff(db: Executor, staffNo: string, password: string, now = new Date()) {
  return attemptLogin(
    db,
    async (tx) => {
      const rows = await tx
        .select()
        .from(users)
        .where(sql`${users.staffNo} = ${staffNo} AND ${users.role} <> 'citizen'`)
        .for("update");
      return rows[0];
    },
    password,
    now,
  );
}
