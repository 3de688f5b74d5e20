import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applications, notifications } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createApplicationInStatus, createDepartment, createLicence, createPerson, createService } from "@/lib/testing/factories";
import { attachLicence } from "@/lib/testing/library-factories";
import { flagExpiredAttachments } from "./flag-expired-attachments";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());

describe("flagExpiredAttachments", () => {
  it("flags open applications whose attached licence expired, notifies once, and is a no-op when re-run", async () => {
    const { db } = handle;
    const person = await createPerson(db);
    const service = await createService(db, (await createDepartment(db)).id);
    const expired = await createLicence(db, { holderPersonId: person.id, validUntil: "2026-11-20" });
    const lastDayToday = await createLicence(db, { holderPersonId: person.id, validUntil: "2026-11-22" });
    const revoked = await createLicence(db, { holderPersonId: person.id, validUntil: "2026-01-01", status: "revoked" });

    const open = await createApplicationInStatus(db, person.id, service.id, "supplement_requested");
    const stillFine = await createApplicationInStatus(db, person.id, service.id, "submitted");
    const closed = await createApplicationInStatus(db, person.id, service.id, "completed");
    const onRevoked = await createApplicationInStatus(db, person.id, service.id, "accepted");
    await attachLicence(db, open, expired, 1);
    await attachLicence(db, stillFine, lastDayToday, 2);
    await attachLicence(db, closed, expired, 3);
    await attachLicence(db, onRevoked, revoked, 4);

    const now = new Date("2026-11-22T01:00:00Z"); // 09:00 in China
    expect(await flagExpiredAttachments(db, { now })).toEqual({ flagged: 1 });
    const rows = Object.fromEntries((await db.select().from(applications).where(eq(applications.applicantPersonId, person.id))).map((a) => [a.id, a]));
    expect(rows[open.id]!.flaggedAt?.toISOString()).toBe(now.toISOString());
    expect(rows[open.id]!.flagReason).toContain("2026-11-20");
    expect(rows[stillFine.id]!.flaggedAt).toBeNull();
    expect(rows[closed.id]!.flaggedAt).toBeNull();
    expect(rows[onRevoked.id]!.flaggedAt).toBeNull(); // revocation flags at the time it happens
    const notes = await db.select().from(notifications).where(eq(notifications.personId, person.id));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ messageKey: "library.notifications.applicationLicenceExpired", applicationId: open.id });

    // Next day: only the licence whose last day was yesterday is new; the first flag is left alone.
    expect(await flagExpiredAttachments(db, { now: new Date("2026-11-23T01:00:00Z") })).toEqual({ flagged: 1 });
    const [again] = await db.select().from(applications).where(eq(applications.id, open.id));
    expect(again!.flaggedAt?.toISOString()).toBe(now.toISOString());
    expect(again!.flagReason).toBe(rows[open.id]!.flagReason);
    expect(await db.select().from(notifications).where(eq(notifications.personId, person.id))).toHaveLength(2);
    expect(await flagExpiredAttachments(db, { now: new Date("2026-11-23T02:00:00Z") })).toEqual({ flagged: 0 });
  });
});
