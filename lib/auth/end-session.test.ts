import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { endedSessions } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createCitizenUser } from "@/lib/testing/factories";
import { endSession, pruneEndedSessions } from "./end-session";
import { acceptsSession, sessionRow } from "./session-user";


let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

async function resident() {
  const { person, user } = await createCitizenUser(h.db, "Correct#2026");
  const actor = { id: user.id, role: user.role, displayName: user.displayName, personId: person.id, departmentId: null, centreId: null };
  const claims = { role: user.role, sessionVersion: user.sessionVersion };
  return { actor, claims };
}

describe("signing out", () => {
  it("ends the session signed out and no other session of the account", async () => {
    const { actor, claims } = await resident();
    const phone = randomUUID();
    const counterPc = randomUUID();
    expect(acceptsSession(await sessionRow(h.db, actor.id, phone), claims)).toBe(true);

    await endSession(h.db, actor, phone);
    expect(acceptsSession(await sessionRow(h.db, actor.id, phone), claims)).toBe(false);
    expect(acceptsSession(await sessionRow(h.db, actor.id, counterPc), claims)).toBe(true);
    // Signing out twice (a double click, a retry) is harmless.
    await endSession(h.db, actor, phone);
  });

  it("ends every session of the account when the token has no session id", async () => {
    const { actor, claims } = await resident();
    await endSession(h.db, actor, null);
    expect(acceptsSession(await sessionRow(h.db, actor.id, randomUUID()), claims)).toBe(false);
    expect(acceptsSession(await sessionRow(h.db, actor.id, null), { ...claims, sessionVersion: claims.sessionVersion + 1 })).toBe(true);
  });

  it("keeps an ended session's row until its token would have expired", async () => {
    const { actor } = await resident();
    const sessionId = randomUUID();
    const now = new Date("2026-12-02T08:00:00Z");
    await endSession(h.db, actor, sessionId, now);
    await pruneEndedSessions(h.db, new Date("2026-12-02T15:59:00Z"));
    expect(await h.db.select().from(endedSessions).where(eq(endedSessions.sessionId, sessionId))).toHaveLength(1);
    await pruneEndedSessions(h.db, new Date("2026-12-02T16:01:00Z"));
    expect(await h.db.select().from(endedSessions).where(eq(endedSessions.sessionId, sessionId))).toHaveLength(0);
  });
});
