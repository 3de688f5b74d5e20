import "server-only";
import { inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { keyedHash } from "./derived-keys";
import { afterFailure, checkLockout, minutesUntil, type LockoutDecision, type LockoutPolicy, type LockoutState } from "./lockout";

export type ThrottleKey = { key: string; policy: LockoutPolicy };

/** The counter of one login id at one door, the same whether an account exists or not. */
export function loginKey(door: string, login: string, policy: LockoutPolicy): ThrottleKey {
  return { key: `${door}:${keyedHash("throttle-login", login)}`, policy };
}

/** The counter of one client address for one purpose (sign-in, activation). */
export function addressKey(purpose: string, address: string | null, policy: LockoutPolicy): ThrottleKey {
  return { key: `${purpose}-address:${keyedHash("throttle-address", address ?? "unknown")}`, policy };
}

export type Throttled = { keys: ThrottleKey[]; states: Map<string, LockoutState> };

/**
 * Reads (creating when missing) and row-locks the counters, in key order so two attempts
 * never deadlock; parallel guesses at one key wait for each other and each sees the last count.
 */
export async function lockThrottles(tx: Executor, keys: ThrottleKey[]): Promise<Throttled> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
  await tx
    .insert(signInThrottles)
    .values(sorted.map((k) => ({ key: k.key })))
    .onConflictDoNothing();
  const rows = await tx
    .select()
    .from(signInThrottles)
    .where(inArray(signInThrottles.key, sorted.map((k) => k.key)))
    .orderBy(signInThrottles.key)
    .for("update");
  const states = new Map(
    rows.map((r) => [r.key, { failedLoginCount: r.failures, lastFailedLoginAt: r.lastFailedAt, lockedUntil: r.lockedUntil }] as const),
  );
  return { keys: sorted, states };
}

const stateOf = (t: Throttled, key: string): LockoutState =>
  t.states.get(key) ?? { failedLoginCount: 0, lastFailedLoginAt: null, lockedUntil: null };

export type Refusal = { reason: "locked"; minutes: number } | { reason: "throttled"; waitSeconds: number };

/** The strictest answer of all the counters: a lock over a wait; null when the attempt may go ahead. */
export function refusalOf(t: Throttled, now: Date): Refusal | null {
  const decisions: { decision: LockoutDecision; policy: LockoutPolicy }[] = t.keys.map((k) => ({
    decision: checkLockout(stateOf(t, k.key), now, k.policy),
    policy: k.policy,
  }));
  const locks = decisions.flatMap((d) => (d.decision.kind === "locked" ? [d.decision.until] : []));
  if (locks.length > 0) {
    const until = new Date(Math.max(...locks.map((d) => d.getTime())));
    return { reason: "locked", minutes: minutesUntil(until, now) };
  }
  const waits = decisions.flatMap((d) => (d.decision.kind === "throttled" ? [d.policy.throttleSeconds] : []));
  // The policy's wait, not the seconds left: the same answer for every attempt that is refused.
  if (waits.length > 0) return { reason: "throttled", waitSeconds: Math.max(...waits) };
  return null;
}

/** Counts one failure on every key; answers the lock it caused, if any. */
export async function recordFailure(tx: Executor, t: Throttled, now: Date): Promise<Refusal | null> {
  let lockedUntil: Date | null = null;
  for (const k of t.keys) {
    const next = afterFailure(stateOf(t, k.key), now, k.policy);
    await tx
      .update(signInThrottles)
      .set({ failures: next.failedLoginCount, lastFailedAt: next.lastFailedLoginAt, lockedUntil: next.lockedUntil })
      .where(sql`${signInThrottles.key} = ${k.key}`);
    if (next.lockedUntil && (!lockedUntil || next.lockedUntil > lockedUntil)) lockedUntil = next.lockedUntil;
  }
  return lockedUntil ? { reason: "locked", minutes: minutesUntil(lockedUntil, now) } : null;
}

/** A success clears the login's counter (never the address's: others share it). */
export async function clearThrottle(tx: Executor, key: ThrottleKey): Promise<void> {
  await tx.delete(signInThrottles).where(sql`${signInThrottles.key} = ${key.key}`);
}

/** Daily: forgets counters that neither lock nor remember a failure in the last day. */
export async function pruneSignInThrottles(db: Executor, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db
    .delete(signInThrottles)
    .where(sql`${lt(signInThrottles.lastFailedAt, dayAgo)} OR ${signInThrottles.lastFailedAt} IS NULL AND (${signInThrottles.lockedUntil} IS NULL OR ${signInThrottles.lockedUntil} < ${now})`);
}
