import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { notifications } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { citizenActor, createApplication, createCitizenUser, createDepartment, createService } from "@/lib/testing/factories";
import { listMyNotifications } from "./list-my-notifications";
import { markAllMyNotificationsRead, markMyApplicationNotificationsRead } from "./mark-notifications-read";

let h: DbHandle;
let serviceId: string;
beforeAll(async () => {
  h = await createTestDatabase();
  serviceId = (await createService(h.db, (await createDepartment(h.db)).id)).id;
});
afterAll(async () => {
  await h.close();
});

const EARLIER = new Date("2026-11-20T02:00:00Z");
const NOW = new Date("2026-11-23T02:00:00Z");

/** A resident with two applications, two notices on the first, one on the second, one general. */
async function residentWithNotices() {
  const made = await createCitizenUser(h.db, "Secret2026");
  const [a, b] = [await createApplication(h.db, made.person.id, serviceId), await createApplication(h.db, made.person.id, serviceId)];
  const notice = (applicationId: string | null, readAt: Date | null = null) => ({
    personId: made.person.id,
    kind: "application",
    messageKey: "statusChanged",
    applicationId,
    readAt,
  });
  await h.db.insert(notifications).values([notice(a.id), notice(a.id), notice(b.id), notice(null), notice(null, EARLIER)]);
  return { ...made, actor: citizenActor(made), a, b };
}

describe("marking notifications read", () => {
  it("opening an application reads its notices only", async () => {
    const { actor, a } = await residentWithNotices();
    expect(await markMyApplicationNotificationsRead(h.db, actor, a.id, NOW)).toBe(2);
    expect((await listMyNotifications(h.db, actor)).unread).toBe(2);
    expect(await markMyApplicationNotificationsRead(h.db, actor, a.id, NOW)).toBe(0);
  });

  it("全部标为已读 reads every unread notice and keeps the earlier read time", async () => {
    const { actor, person } = await residentWithNotices();
    expect(await markAllMyNotificationsRead(h.db, actor, NOW)).toBe(4);
    expect((await listMyNotifications(h.db, actor)).unread).toBe(0);
    const rows = await h.db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.personId, person.id));
    expect(rows.map((r) => r.readAt?.toISOString()).sort()).toEqual([EARLIER, NOW, NOW, NOW, NOW].map((d) => d.toISOString()).sort());
  });

  it("never touches another resident's notices, even given their application id", async () => {
    const owner = await residentWithNotices();
    const other = await residentWithNotices();
    expect(await markMyApplicationNotificationsRead(h.db, other.actor, owner.a.id, NOW)).toBe(0);
    expect(await markAllMyNotificationsRead(h.db, other.actor, NOW)).toBe(4);
    expect((await listMyNotifications(h.db, owner.actor)).unread).toBe(4);
  });
});
