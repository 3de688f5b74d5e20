import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createCitizenUser, createDepartment, createStaffUser } from "@/lib/testing/factories";
import { LOCK_AFTER, THROTTLE_SECONDS } from "./lockout";
import { authenticateCitizen, authenticateStaff } from "./login";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

const PASSWORD = "Correct#2026";
const later = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

describe("citizen sign-in against the database", () => {
  it("accepts the right password and records the sign-in in the audit log", async () => {
    const { person, user } = await createCitizenUser(h.db, PASSWORD);
    const result = await authenticateCitizen(h.db, person.idNumber, PASSWORD);
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
    expect(await authenticateCitizen(h.db, person.idNumber, "wrong-password1")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateCitizen(h.db, "11010519491231002X", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles, then locks after repeated failures, refusing even the right password", async () => {
    const { person, user } = await createCitizenUser(h.db, PASSWORD);
    let now = new Date("2026-11-22T02:00:00Z");
    for (let i = 1; i < LOCK_AFTER; i++) {
      const r = await authenticateCitizen(h.db, person.idNumber, "nope12345", now);
      expect(r).toEqual({ ok: false, reason: "invalid" });
      now = later(now, THROTTLE_SECONDS + 1);
    }
    const tooSoon = await authenticateCitizen(h.db, person.idNumber, "nope12345", later(now, -THROTTLE_SECONDS));
    expect(tooSoon.ok === false && tooSoon.reason).toBe("throttled");

    const fifth = await authenticateCitizen(h.db, person.idNumber, "nope12345", now);
    expect(fifth.ok === false && fifth.reason).toBe("locked");
    const whileLocked = await authenticateCitizen(h.db, person.idNumber, PASSWORD, later(now, 60));
    expect(whileLocked.ok === false && whileLocked.reason).toBe("locked");

    const afterLock = await authenticateCitizen(h.db, person.idNumber, PASSWORD, later(now, 16 * 60));
    expect(afterLock.ok).toBe(true);
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.failedLoginCount).toBe(0);
    expect(row?.lockedUntil).toBeNull();
  });

  it("refuses a deactivated account", async () => {
    const { person, user } = await createCitizenUser(h.db, PASSWORD);
    await h.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await authenticateCitizen(h.db, person.idNumber, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("staff sign-in against the database", () => {
  it("signs a clerk in by staff number", async () => {
    const dept = await createDepartment(h.db);
    const clerk = await createStaffUser(h.db, PASSWORD, { departmentId: dept.id });
    const result = await authenticateStaff(h.db, clerk.staffNo!, PASSWORD);
    expect(result.ok && result.user.role).toBe("clerk");
  });

  it("does not let a citizen account through the staff door", async () => {
    const { person } = await createCitizenUser(h.db, PASSWORD);
    expect(await authenticateStaff(h.db, person.idNumber, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });
});
