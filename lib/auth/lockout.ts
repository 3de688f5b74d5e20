/**
 * Sign-in throttling, kept pure so the rule is tested apart from the database. A policy says:
 * after `throttleAfter` failures each further attempt must wait `throttleSeconds` after the
 * last failure; at `lockAfter` failures the key locks for `lockMinutes`. A key's count starts
 * afresh when its lock expires or, if `forgetAfterMinutes` is set, when its last failure is
 * that old. The same rule counts an account (known or not) and a client address.
 */
export type LockoutPolicy = {
  throttleAfter: number;
  throttleSeconds: number;
  lockAfter: number;
  lockMinutes: number;
  forgetAfterMinutes: number | null;
};

/** One login id (resident ID number or staff number), whether an account exists or not. */
export const ACCOUNT_POLICY: LockoutPolicy = {
  throttleAfter: 3,
  throttleSeconds: 30,
  lockAfter: 5,
  lockMinutes: 15,
  forgetAfterMinutes: null,
};

/**
 * One client address, across every login id: generous enough for a service centre's shared
 * network, tight enough that spraying one password over many IDs stops within minutes.
 */
export const ADDRESS_POLICY: LockoutPolicy = {
  throttleAfter: 30,
  throttleSeconds: 10,
  lockAfter: 100,
  lockMinutes: 15,
  forgetAfterMinutes: 15,
};

/** Real-name activation: a handful of checks per ID number, whether it is in the register or not. */
export const ACTIVATION_POLICY: LockoutPolicy = {
  throttleAfter: 5,
  throttleSeconds: 60,
  lockAfter: 5,
  lockMinutes: 30,
  forgetAfterMinutes: 30,
};

// Kept for the account rule's callers and tests.
export const THROTTLE_AFTER = ACCOUNT_POLICY.throttleAfter;
export const THROTTLE_SECONDS = ACCOUNT_POLICY.throttleSeconds;
export const LOCK_AFTER = ACCOUNT_POLICY.lockAfter;
export const LOCK_MINUTES = ACCOUNT_POLICY.lockMinutes;

export type LockoutState = {
  failedLoginCount: number;
  lastFailedLoginAt: Date | null;
  lockedUntil: Date | null;
};

export type LockoutDecision =
  | { kind: "allow" }
  | { kind: "throttled"; retryAfterSeconds: number }
  | { kind: "locked"; until: Date };

function isForgotten(state: LockoutState, now: Date, policy: LockoutPolicy): boolean {
  if (state.lockedUntil && state.lockedUntil <= now) return true;
  if (policy.forgetAfterMinutes === null || !state.lastFailedLoginAt) return false;
  return now.getTime() - state.lastFailedLoginAt.getTime() >= policy.forgetAfterMinutes * 60_000;
}

export function checkLockout(state: LockoutState, now: Date, policy: LockoutPolicy = ACCOUNT_POLICY): LockoutDecision {
  if (state.lockedUntil && state.lockedUntil > now) return { kind: "locked", until: state.lockedUntil };
  if (isForgotten(state, now, policy)) return { kind: "allow" };
  if (state.failedLoginCount >= policy.throttleAfter && state.lastFailedLoginAt) {
    const waitUntil = state.lastFailedLoginAt.getTime() + policy.throttleSeconds * 1000;
    if (waitUntil > now.getTime()) {
      return { kind: "throttled", retryAfterSeconds: Math.ceil((waitUntil - now.getTime()) / 1000) };
    }
  }
  return { kind: "allow" };
}

/** The state after a failed attempt. */
export function afterFailure(state: LockoutState, now: Date, policy: LockoutPolicy = ACCOUNT_POLICY): LockoutState {
  const base = isForgotten(state, now, policy) ? 0 : state.failedLoginCount;
  const failedLoginCount = base + 1;
  return {
    failedLoginCount,
    lastFailedLoginAt: now,
    lockedUntil: failedLoginCount >= policy.lockAfter ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null,
  };
}

export const afterSuccess = (): LockoutState => ({
  failedLoginCount: 0,
  lastFailedLoginAt: null,
  lockedUntil: null,
});

/** Whole minutes left on a lock, rounded up, never 0: what the person is told to wait. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
