import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { authenticateCitizen } from "@/lib/auth/login";
import { makeResidentId } from "@/lib/id-number";
import { createCitizenUser, createPerson } from "@/lib/testing/factories";
import { NO_PASSWORD, signInWithProvincialIdentity } from "./sign-in-with-provincial-identity";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());

const verified = (idNumber: string) => ({ sub: `gd-${idNumber}`, id_number: idNumber, id_number_verified: true });
const userCount = async () => (await handle.db.select({ id: users.id }).from(users)).length;

describe("signing in through the provincial identity provider", () => {
  it("creates a citizen account with no usable password on first sign-in, and reuses it after", async () => {
    const person = await createPerson(handle.db, { name: "陈志强" });
    const first = await signInWithProvincialIdentity(handle.db, verified(person.idNumber));
    expect(first).toMatchObject({ ok: true, created: true });
    if (!first.ok) throw new Error("refused");
    expect(first.user).toMatchObject({ role: "citizen", personId: person.id, displayName: "陈志强", passwordHash: NO_PASSWORD });
    // No password opens it, not even the marker itself.
    expect(await authenticateCitizen(handle.db, person.idNumber, NO_PASSWORD)).toMatchObject({ ok: false });

    const again = await signInWithProvincialIdentity(handle.db, { ...verified(person.idNumber), id_number: person.idNumber.toLowerCase() });
    expect(again).toMatchObject({ ok: true, created: false, user: { id: first.user.id } });
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, first.user.id));
    expect(audits.filter((a) => a.action === "auth.sign_in").map((a) => a.detail)).toEqual([expect.objectContaining({ method: "provincial_oidc", created: true }), expect.objectContaining({ created: false })]);
  });

  it("signs an existing password account in without touching its password", async () => {
    const { person, user } = await createCitizenUser(handle.db, "Test#Pass2026");
    const result = await signInWithProvincialIdentity(handle.db, verified(person.idNumber));
    expect(result).toMatchObject({ ok: true, created: false, user: { id: user.id, passwordHash: user.passwordHash } });
  });

  it("refuses an ID number that is not in the register, and creates nothing", async () => {
    const before = await userCount();
    const stranger = makeResidentId("110105", "1980-05-05", 123);
    expect(await signInWithProvincialIdentity(handle.db, verified(stranger))).toEqual({ ok: false, reason: "not_in_register" });
    expect(await userCount()).toBe(before);
  });

  it("refuses a malformed or wrong-check ID number, an unverified one and a missing one", async () => {
    const person = await createPerson(handle.db);
    const wrongCheck = person.idNumber.slice(0, 17) + (person.idNumber.endsWith("1") ? "2" : "1");
    const before = await userCount();
    expect(await signInWithProvincialIdentity(handle.db, verified(wrongCheck))).toEqual({ ok: false, reason: "invalid_id_number" });
    expect(await signInWithProvincialIdentity(handle.db, verified("44030419940512"))).toEqual({ ok: false, reason: "invalid_id_number" });
    expect(await signInWithProvincialIdentity(handle.db, { ...verified(person.idNumber), id_number_verified: false })).toEqual({ ok: false, reason: "unverified" });
    expect(await signInWithProvincialIdentity(handle.db, { ...verified(person.idNumber), id_number_verified: "true" })).toEqual({ ok: false, reason: "unverified" });
    expect(await signInWithProvincialIdentity(handle.db, { sub: "x", id_number_verified: true })).toEqual({ ok: false, reason: "no_id_number" });
    expect(await signInWithProvincialIdentity(handle.db, { sub: "x", id_number: 440304199405121287, id_number_verified: true })).toEqual({ ok: false, reason: "no_id_number" });
    expect(await userCount()).toBe(before);
  });

  it("refuses a deactivated account", async () => {
    const { person, user } = await createCitizenUser(handle.db, "Test#Pass2026");
    await handle.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await signInWithProvincialIdentity(handle.db, verified(person.idNumber))).toEqual({ ok: false, reason: "inactive" });
  });

  it("makes one account when two first sign-ins race", async () => {
    const person = await createPerson(handle.db);
    const [a, b] = await Promise.all([signInWithProvincialIdentity(handle.db, verified(person.idNumber)), signInWithProvincialIdentity(handle.db, verified(person.idNumber))]);
    expect(a.ok && b.ok).toBe(true);
    const rows = await handle.db.select().from(users).where(eq(users.personId, person.id));
    expect(rows).toHaveLength(1);
  });
});
