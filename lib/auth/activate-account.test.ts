import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { createPerson } from "@/lib/testing/factories";
import { activateCitizenAccount, ACTIVATION_MAX_FAILURES } from "./activate-account";
import { authenticateCitizen } from "./login";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

const input = (p: { idNumber: string; name: string; phone: string | null }, change = {}) => ({
  idNumber: p.idNumber,
  name: p.name,
  phone: p.phone ?? "",
  password: "Activate2026",
  confirmPassword: "Activate2026",
  ...change,
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (e) {
    return e instanceof AppError ? `${e.code}:${e.messageKey}` : String(e);
  }
}

describe("real-name activation", () => {
  it("creates a citizen account when ID number, name and phone match, and the password works", async () => {
    const person = await createPerson(h.db);
    const { userId } = await activateCitizenAccount(h.db, input(person));
    const [user] = await h.db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ role: "citizen", personId: person.id, displayName: person.name });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await authenticateCitizen(h.db, person.idNumber, "Activate2026")).ok).toBe(true);
  });

  it.each([
    ["a different name", { name: "别人" }],
    ["a different phone", { phone: "13800000000" }],
  ])("refuses %s without saying which field was wrong", async (_label, change) => {
    const person = await createPerson(h.db);
    expect(await codeOf(activateCitizenAccount(h.db, input(person, change)))).toBe(
      "VALIDATION:errors.activation.mismatch",
    );
    expect(await h.db.select().from(users).where(eq(users.personId, person.id))).toHaveLength(0);
  });

  it("refuses an ID number that is not in the register with the same message", async () => {
    const stranger = { idNumber: "11010519491231002X", name: "张三", phone: "13912345678" };
    expect(await codeOf(activateCitizenAccount(h.db, input(stranger)))).toBe("VALIDATION:errors.activation.mismatch");
  });

  it("refuses a second activation of the same person", async () => {
    const person = await createPerson(h.db);
    await activateCitizenAccount(h.db, input(person));
    expect(await codeOf(activateCitizenAccount(h.db, input(person)))).toBe("CONFLICT:errors.activation.alreadyActive");
  });

  it("stops guessing after repeated failed checks, even with the right answers", async () => {
    const person = await createPerson(h.db);
    for (let i = 0; i < ACTIVATION_MAX_FAILURES; i++) {
      await codeOf(activateCitizenAccount(h.db, input(person, { phone: "13800000000" })));
    }
    expect(await codeOf(activateCitizenAccount(h.db, input(person)))).toBe(
      "RATE_LIMITED:errors.activation.tooManyAttempts",
    );
  });
});
