import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, users, userTotp } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createCitizenUser, createDepartment, createStaffUser, createPerson } from "@/lib/testing/factories";
import { ADDRESS_POLICY, LOCK_AFTER, LOCK_MINUTES, THROTTLE_SECONDS } from "./lockout";
import { attemptSignIn, authenticateCitizen, authenticateStaff } from "./login";
import { totpCodeAt } from "./totp-code";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

const PASSWORD = "Correct#2026";
const later = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
let addressCounter = 0;
/** A client address of its own per test, so the address counter never couples two tests. */
const freshAddress = () => `198.51.100.${++addressCounter}`;

describe("citizen sign-in against the database", () => {
  it("accepts the right password and records the sign-in in the audit log", async () => {
    const { person, user } = await createCitizenUser(h.db, PASSWORD);
    const result = await authenticateCitizen(h.db, person.idNumber, PASSWORD, new Date(), freshAddress());
    expect(result.ok && result.user.id).toBe(user.id);
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "auth.sign_in")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.personId).toBe(person.id);
  });

  it("refuses a wrong password with the same answer as an unknown ID number", async () => {
    const { person } = await createCitizenUser(h.db, PASSWORD);
    expect(await authenticateCitizen(h.db, person.idNumber, "wrong-password1", new Date(), freshAddress())).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateCitizen(h.db, "11010519491231002X", PASSWORD, new Date(), freshAddress())).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles, then locks after repeated failures, refusing even the right password, and says for how many minutes", async () => {
    const { person } = await createCitizenUser(h.db, PASSWORD);
    const address = freshAddress();
    let now = new Date("2026-11-22T02:00:00Z");
    for (let i = 1; i < LOCK_AFTER; i++) {
      const r = await authenticateCitizen(h.db, person.idNumber, "nope12345", now, address);
      expect(r).toEqual({ ok: false, reason: "invalid" });
      now = later(now, THROTTLE_SECONDS + 1);
    }
    const tooSoon = await authenticateCitizen(h.db, person.idNumber, "nope12345", later(now, -THROTTLE_SECONDS), address);
    expect(tooSoon).toEqual({ ok: false, reason: "throttled", waitSeconds: THROTTLE_SECONDS });

    const fifth = await authenticateCitizen(h.db, person.idNumber, "nope12345", now, address);
    expect(fifth).toEqual({ ok: false, reason: "locked", minutes: LOCK_MINUTES });
    const whileLocked = await authenticateCitizen(h.db, person.idNumber, PASSWORD, later(now, 61), address);
    expect(whileLocked).toEqual({ ok: false, reason: "locked", minutes: LOCK_MINUTES - 1 });

    const afterLock = await authenticateCitizen(h.db, person.idNumber, PASSWORD, later(now, 16 * 60), address);
    expect(afterLock.ok).toBe(true);
  });

  it("refuses a deactivated account", async () => {
    const { person, user } = await createCitizenUser(h.db, PASSWORD);
    await h.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await authenticateCitizen(h.db, person.idNumber, PASSWORD, new Date(), freshAddress())).toEqual({ ok: false, reason: "invalid" });
  });

  it("counts failures per client address across many ID numbers, and refuses that address even the right password", async () => {
    const address = freshAddress();
    const now = new Date("2026-11-23T02:00:00Z");
    for (let i = 0; i < ADDRESS_POLICY.throttleAfter; i++) {
      const stranger = await createPerson(h.db);
      expect(await authenticateCitizen(h.db, stranger.idNumber, "Spray#Password1", later(now, i), address)).toEqual({ ok: false, reason: "invalid" });
    }
    const { person } = await createCitizenUser(h.db, PASSWORD);
    expect(await authenticateCitizen(h.db, person.idNumber, PASSWORD, later(now, ADDRESS_POLICY.throttleAfter), address)).toEqual({
      ok: false,
      reason: "throttled",
      waitSeconds: ADDRESS_POLICY.throttleSeconds,
    });
    // Another address is not held up by it.
    expect((await authenticateCitizen(h.db, person.idNumber, PASSWORD, later(now, ADDRESS_POLICY.throttleAfter), freshAddress())).ok).toBe(true);
  });
});

describe("staff sign-in: password, then a TOTP code", () => {
  async function enrolledClerk() {
    const dept = await createDepartment(h.db);
    const clerk = await createStaffUser(h.db, PASSWORD, { departmentId: dept.id });
    const address = freshAddress();
    const t0 = new Date("2026-11-24T02:00:00Z");
    const enrol = await authenticateStaff(h.db, clerk.staffNo!, PASSWORD, t0, address);
    if (enrol.ok || enrol.reason !== "enrol") throw new Error(`expected enrolment, got ${JSON.stringify(enrol)}`);
    const done = await authenticateStaff(h.db, clerk.staffNo!, PASSWORD, t0, address, totpCodeAt(enrol.secret, t0));
    return { clerk, secret: enrol.secret, address, t0, done };
  }

  it("enrols on first sign-in: a secret to scan, stored encrypted, then recovery codes once the first code is right", async () => {
    const { clerk, secret, done } = await enrolledClerk();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(done.ok && done.recoveryCodes).toHaveLength(10);
    const [row] = await h.db.select().from(userTotp).where(eq(userTotp.userId, clerk.id));
    expect(row?.confirmedAt).not.toBeNull();
    expect(row?.secretCiphertext).toMatch(/^v1\./);
    expect(row?.secretCiphertext).not.toContain(secret);
  });

  it("asks for the code after a right password, and never shows the secret again", async () => {
    const { clerk, t0, address } = await enrolledClerk();
    expect(await authenticateStaff(h.db, clerk.staffNo!, PASSWORD, later(t0, 60), address)).toEqual({ ok: false, reason: "code_required" });
  });

  it("accepts a code once: the same code again in its 30 seconds is refused as used", async () => {
    const { clerk, secret, t0, address } = await enrolledClerk();
    const at = later(t0, 90);
    const code = totpCodeAt(secret, at);
    expect((await authenticateStaff(h.db, clerk.staffNo!, PASSWORD, at, address, code)).ok).toBe(true);
    expect(await authenticateStaff(h.db, clerk.staffNo!, PASSWORD, later(at, 1), address, code)).toEqual({ ok: false, reason: "code_used" });
  });

  it("throttles and locks wrong codes like wrong passwords", async () => {
    const { clerk, t0, address } = await enrolledClerk();
    let now = later(t0, 120);
    for (let i = 1; i < LOCK_AFTER; i++) {
      expect(await authenticateStaff(h.db, clerk.staffNo!, PASSWORD, now, address, "000000")).toEqual({ ok: false, reason: "code_wrong" });
      now = later(now, THROTTLE_SECONDS + 1);
    }
    expect(await authenticateStaff(h.db, clerk.staffNo!, PASSWORD, now, address, "000000")).toEqual({ ok: false, reason: "locked", minutes: LOCK_MINUTES });
  });

  it("takes a recovery code once, instead of the app's code", async () => {
    const { clerk, t0, address, done } = await enrolledClerk();
    const recovery = done.ok ? done.recoveryCodes![0]! : "";
    const r1 = await authenticateStaff(h.db, clerk.staffNo!, PASSWORD, later(t0, 200), address, recovery.toUpperCase());
    expect(r1.ok && r1.secondFactor).toBe("recovery");
    expect(await authenticateStaff(h.db, clerk.staffNo!, PASSWORD, later(t0, 260), address, recovery)).toEqual({ ok: false, reason: "code_wrong" });
  });

  it("does not let a citizen account through the staff door", async () => {
    const { person } = await createCitizenUser(h.db, PASSWORD);
    expect(await authenticateStaff(h.db, person.idNumber, PASSWORD, new Date(), freshAddress())).toEqual({ ok: false, reason: "invalid" });
  });

  it("a resident who turned two-factor on is asked for a code too", async () => {
    const { person, user } = await createCitizenUser(h.db, PASSWORD);
    const { enrolResidentTotp } = await import("@/lib/testing/auth-factories");
    const secret = await enrolResidentTotp(h.db, user.id);
    const address = freshAddress();
    const now = new Date("2026-11-25T02:00:00Z");
    expect(await attemptSignIn(h.db, { door: "citizen", login: person.idNumber, password: PASSWORD, address }, now)).toEqual({ ok: false, reason: "code_required" });
    const r = await attemptSignIn(h.db, { door: "citizen", login: person.idNumber, password: PASSWORD, address, code: totpCodeAt(secret, now) }, now);
    expect(r.ok && r.secondFactor).toBe("totp");
  });
});
