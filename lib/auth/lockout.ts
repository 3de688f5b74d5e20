/**
 * Sign-in throttling, kept pure so the rule is tested apart from the database: after
 * THROTTLE_AFTER consecutive failures each further attempt must wait THROTTLE_SECONDS; at
 * LOCK_AFTER failures the account locks for LOCK_MINUTES. Success resets the count.
 */
export const THROTTLE_AFTER = 3;
export const THROTTLE_SECONDS = 30;
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;

export type LockoutState = {
  failedLoginCount: number;
  lastFailedLoginAt: Date | null;
  lockedUntil: Date | null;
};

export type LockoutDecision =
  | { kind: "allow" }
  | { kind: "throttled"; retryAfterSeconds: number }
  | { kind: "locked"; until: Date };

export function checkLockout(state: LockoutState, now: Date): LockoutDecision {
  if (state.lockedUntil && state.lockedUntil > now) return { kind: "locked", until: state.lockedUntil };
  // An expired lock starts a fresh count.
  if (state.lockedUntil) return { kind: "allow" };
  if (state.failedLoginCount >= THROTTLE_AFTER && state.lastFailedLoginAt) {
    const waitUntil = state.lastFailedLoginAt.getTime() + THROTTLE_SECONDS * 1000;
    if (waitUntil > now.getTime()) {
      return { kind: "throttled", retryAfterSeconds: Math.ceil((waitUntil - now.getTime()) / 1000) };
    }
  }
  return { kind: "allow" };
}

/** The state after a failed attempt. */
export function afterFailure(state: LockoutState, now: Date): LockoutState {
  const base = state.lockedUntil && state.lockedUntil <= now ? 0 : state.failedLoginCount;
  const failedLoginCount = base + 1;
  return {
    failedLoginCount,
    lastFailedLoginAt: now,
    lockedUntil:
      failedLoginCount >= LOCK_AFTER ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null,
  };
}

export const afterSuccess = (): LockoutState => ({
  failedLoginCount: 0,
  lastFailedLoginAt: null,
  lockedUntil: null,
});
