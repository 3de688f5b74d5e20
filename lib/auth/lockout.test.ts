import { describe, expect, it } from "vitest";
import { afterFailure, afterSuccess, checkLockout, LOCK_AFTER, LOCK_MINUTES, THROTTLE_AFTER, THROTTLE_SECONDS, type LockoutState } from "./lockout";

const t0 = new Date("2026-11-22T02:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const fresh: LockoutState = { failedLoginCount: 0, lastFailedLoginAt: null, lockedUntil: null };

function failTimes(n: number, every = THROTTLE_SECONDS + 1): LockoutState {
  let s = fresh;
  for (let i = 0; i < n; i++) s = afterFailure(s, at(i * every));
  return s;
}

describe("sign-in lock-out", () => {
  it("allows attempts below the throttle threshold without waiting", () => {
    const s = failTimes(THROTTLE_AFTER - 1, 0);
    expect(checkLockout(s, t0)).toEqual({ kind: "allow" });
  });

  it("throttles after repeated failures and says how long to wait", () => {
    const s = afterFailure(failTimes(THROTTLE_AFTER - 1), at(100));
    expect(s.failedLoginCount).toBe(THROTTLE_AFTER);
    expect(checkLockout(s, at(105))).toEqual({ kind: "throttled", retryAfterSeconds: THROTTLE_SECONDS - 5 });
    expect(checkLockout(s, at(100 + THROTTLE_SECONDS))).toEqual({ kind: "allow" });
  });

  it("locks the account at the lock threshold, for the lock period", () => {
    const s = failTimes(LOCK_AFTER);
    const lastFailure = at((LOCK_AFTER - 1) * (THROTTLE_SECONDS + 1));
    expect(s.lockedUntil).toEqual(new Date(lastFailure.getTime() + LOCK_MINUTES * 60_000));
    const justBefore = new Date(s.lockedUntil!.getTime() - 1000);
    expect(checkLockout(s, justBefore).kind).toBe("locked");
    expect(checkLockout(s, s.lockedUntil!).kind).toBe("allow");
  });

  it("starts counting afresh after a lock has expired", () => {
    const locked = failTimes(LOCK_AFTER);
    const afterLock = new Date(locked.lockedUntil!.getTime() + 1000);
    const next = afterFailure(locked, afterLock);
    expect(next.failedLoginCount).toBe(1);
    expect(next.lockedUntil).toBeNull();
  });

  it("resets everything on success", () => {
    expect(afterSuccess()).toEqual(fresh);
  });
});
