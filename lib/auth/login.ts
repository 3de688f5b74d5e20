import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { persons, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { ACCOUNT_POLICY, ADDRESS_POLICY } from "./lockout";
import { DUMMY_HASH, verifyPassword } from "./password";
import { beginTotpEnrolment, checkSecondFactor, confirmTotpEnrolment, lockTotp } from "./second-factor";
import { addressKey, clearThrottle, loginKey, lockThrottles, recordFailure, refusalOf } from "./throttle";

export type Door = "citizen" | "staff";

export type SignInAttempt = {
  door: Door;
  /** Resident ID number (citizen door) or staff number, already normalised by the schema. */
  login: string;
  password: string;
  /** The authenticator's 6 digits or a recovery code, on the second step. */
  code?: string;
  /** The client address (lib/auth/client-address.ts); null when unknown. */
  address: string | null;
};

export type LoginResult =
  | { ok: true; user: User; secondFactor: "none" | "totp" | "recovery"; recoveryCodes?: string[] }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; waitSeconds: number }
  | { ok: false; reason: "locked"; minutes: number }
  | { ok: false; reason: "code_required" }
  | { ok: false; reason: "code_wrong" }
  | { ok: false; reason: "code_used" }
  | { ok: false; reason: "enrol"; secret: string; uri: string };

/** Staff always need a second factor (GB/T 22239 8.1.4.1 c); residents when they turned it on. */
export const secondFactorRequired = (role: User["role"], hasConfirmedTotp: boolean) => role !== "citizen" || hasConfirmedTotp;

async function findUser(tx: Executor, door: Door, login: string): Promise<User | undefined> {
  if (door === "citizen") {
    const rows = await tx
      .select({ user: users })
      .from(users)
      .innerJoin(persons, eq(persons.id, users.personId))
      .where(eq(persons.idNumber, login))
      .for("update", { of: users });
    return rows[0]?.user;
  }
  const rows = await tx
    .select()
    .from(users)
    .where(sql`${users.staffNo} = ${login} AND ${users.role} <> 'citizen'`)
    .for("update");
  return rows[0];
}

/**
 * One sign-in attempt. Unknown and known accounts take the same path: the same counters (an
 * HMAC of the login id, and of the client address), the same argon2 verification (against a
 * dummy hash when there is no account), the same writes and the same answers. Only a correct
 * password reveals anything more: that a code is needed next (or, for staff who have none yet,
 * the enrolment of one). A wrong code counts like a wrong password.
 */
export async function attemptSignIn(db: Executor, attempt: SignInAttempt, now = new Date()): Promise<LoginResult> {
  const accountKey = loginKey(attempt.door, attempt.login, ACCOUNT_POLICY);
  const throttles = [accountKey, addressKey("sign-in", attempt.address, ADDRESS_POLICY)];
  return db.transaction(async (tx): Promise<LoginResult> => {
    const counters = await lockThrottles(tx, throttles);
    const refused = refusalOf(counters, now);
    if (refused) return { ok: false, ...refused };

    const found = await findUser(tx, attempt.door, attempt.login);
    const user = found?.active ? found : undefined;
    const passwordOk = (await verifyPassword(user?.passwordHash ?? DUMMY_HASH, attempt.password)) && user !== undefined;

    const fail = async (reason: "invalid" | "code_wrong" | "code_used"): Promise<LoginResult> => {
      const locked = await recordFailure(tx, counters, now);
      await recordAudit(tx, {
        actorUserId: user?.id ?? null,
        actorRole: user?.role ?? null,
        action: reason === "invalid" ? "auth.sign_in_failed" : "auth.second_factor_failed",
        entityType: user ? "user" : "sign_in",
        entityId: user?.id ?? null,
        personId: user?.personId ?? null,
        detail: { door: attempt.door, reason },
      });
      return locked ? { ok: false, ...locked } : { ok: false, reason };
    };
    if (!passwordOk || !user) return fail("invalid");

    const totp = await lockTotp(tx, user.id);
    let secondFactor: "none" | "totp" | "recovery" = "none";
    let recoveryCodes: string[] | undefined;
    if (secondFactorRequired(user.role, totp?.confirmed ?? false)) {
      const code = attempt.code?.trim();
      if (!code) {
        if (totp?.confirmed) return { ok: false, reason: "code_required" };
        const enrolment = await beginTotpEnrolment(tx, user.id, user.staffNo ?? user.displayName);
        return { ok: false, reason: "enrol", ...enrolment };
      }
      if (!totp) return fail("code_wrong");
      const check = await checkSecondFactor(tx, user.id, totp, code, now);
      if (!check.ok) return fail(check.reason === "used" ? "code_used" : "code_wrong");
      secondFactor = check.method;
      if (!totp.confirmed) recoveryCodes = await confirmTotpEnrolment(tx, user.id, now);
    }

    await clearThrottle(tx, accountKey);
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: recoveryCodes ? "auth.second_factor_enrolled" : "auth.sign_in",
      entityType: "user",
      entityId: user.id,
      personId: user.personId,
      detail: { secondFactor },
    });
    return { ok: true, user, secondFactor, ...(recoveryCodes ? { recoveryCodes } : {}) };
  });
}

/** Password-only check for a citizen (tests and callers that have no second step). */
export function authenticateCitizen(db: Executor, idNumber: string, password: string, now = new Date(), address: string | null = null) {
  return attemptSignIn(db, { door: "citizen", login: idNumber, password, address }, now);
}

export function authenticateStaff(db: Executor, staffNo: string, password: string, now = new Date(), address: string | null = null, code?: string) {
  return attemptSignIn(db, { door: "staff", login: staffNo, password, code, address }, now);
}
