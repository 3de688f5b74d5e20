import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { clerkActor, createQueuedApplication } from "@/lib/testing/clerk-factories";
import { createDepartment, createPerson, createService, createStaffUser } from "@/lib/testing/factories";
import { listClerkQueue } from "./list-clerk-queue";
import { QUEUE_PAGE_SIZE } from "./queue-schemas";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

// A Wednesday: the next working day is Thursday the 26th.
const NOW = new Date("2026-11-25T03:00:00Z");

async function department() {
  const dept = await createDepartment(h.db);
  const user = await createStaffUser(h.db, "x", { departmentId: dept.id });
  return { dept, actor: clerkActor({ id: user.id, departmentId: dept.id }) };
}

describe("listClerkQueue", () => {
  it("lists only the clerk's services, earliest due first, no due date last, ID numbers masked", async () => {
    const { dept, actor } = await department();
    const other = await createDepartment(h.db);
    const [mine, theirs] = [await createService(h.db, dept.id), await createService(h.db, other.id)];
    const person = await createPerson(h.db);
    const late = await createQueuedApplication(h.db, person.id, mine.id, { status: "accepted", dueOn: "2026-12-10" });
    const early = await createQueuedApplication(h.db, person.id, mine.id, { status: "accepted", dueOn: "2026-11-20" });
    const undated = await createQueuedApplication(h.db, person.id, mine.id);
    await createQueuedApplication(h.db, person.id, theirs.id, { status: "accepted", dueOn: "2026-11-01" });

    const page = await listClerkQueue(h.db, actor, {}, NOW);
    expect(page.rows.map((r) => r.id)).toEqual([early.id, late.id, undated.id]);
    expect(page.rows[0]).toMatchObject({ light: "red", serviceNameZh: mine.nameZh, applicantName: person.name });
    expect(page.rows[1]?.light).toBe("green");
    expect(page.rows[0]?.applicantIdMasked).toBe(`${person.idNumber.slice(0, 6)}**********${person.idNumber.slice(16)}`);
    expect(JSON.stringify(page)).not.toContain(person.idNumber);
    expect(page.services.map((s) => s.id)).toEqual([mine.id]);
    expect(page.countsByStatus).toEqual({ accepted: 2, submitted: 1 });
    expect(page.nextCursor).toBeNull();
  });

  it("pages with a keyset cursor: every row exactly once, in order, across equal due dates and the undated tail", async () => {
    const { dept, actor } = await department();
    const [s1, s2] = [await createService(h.db, dept.id), await createService(h.db, dept.id)];
    const person = await createPerson(h.db);
    const made = [];
    for (let i = 0; i < QUEUE_PAGE_SIZE + 12; i++) {
      const service = i % 2 === 0 ? s1 : s2;
      const dueOn = i % 5 === 4 ? null : `2026-12-0${1 + (i % 3)}`;
      made.push(await createQueuedApplication(h.db, person.id, service.id, { status: i % 3 === 0 ? "accepted" : "submitted", dueOn }));
    }
    // Enough undated rows to need a second page inside the undated tail too.
    for (let i = 0; i < QUEUE_PAGE_SIZE; i++) made.push(await createQueuedApplication(h.db, person.id, s1.id));

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listClerkQueue(h.db, actor, { after }, NOW);
      expect(page.rows.length).toBeLessThanOrEqual(QUEUE_PAGE_SIZE);
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor ?? undefined;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);

    const expected = [...made]
      .sort((a, b) => {
        if (a.dueOn !== b.dueOn) return a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1;
        return a.number < b.number ? -1 : a.number > b.number ? 1 : a.id < b.id ? -1 : 1;
      })
      .map((a) => a.id);
    expect(seen).toEqual(expected);
  });

  it("filters by status, service, channel and light", async () => {
    const { dept, actor } = await department();
    const [s1, s2] = [await createService(h.db, dept.id), await createService(h.db, dept.id)];
    const person = await createPerson(h.db);
    const red = await createQueuedApplication(h.db, person.id, s1.id, { status: "accepted", dueOn: "2026-11-24" });
    const yellow = await createQueuedApplication(h.db, person.id, s2.id, { status: "accepted", dueOn: "2026-11-26", channel: "counter" });
    const submitted = await createQueuedApplication(h.db, person.id, s2.id, { acceptDueOn: "2026-12-01", dueOn: "2026-12-20" });
    const paused = await createQueuedApplication(h.db, person.id, s1.id, { status: "supplement_requested", dueOn: "2026-11-27" });
    const done = await createQueuedApplication(h.db, person.id, s1.id, { status: "completed", dueOn: "2026-11-02" });

    const ids = async (f: Parameters<typeof listClerkQueue>[2]) => (await listClerkQueue(h.db, actor, f, NOW)).rows.map((r) => r.id);
    expect(await ids({})).toEqual([red.id, yellow.id, paused.id, submitted.id]);
    expect(await ids({ status: "completed" })).toEqual([done.id]);
    expect(await ids({ service: s2.id })).toEqual([yellow.id, submitted.id]);
    expect(await ids({ channel: "counter" })).toEqual([yellow.id]);
    expect(await ids({ light: "red" })).toEqual([red.id]);
    expect(await ids({ light: "yellow" })).toEqual([yellow.id]);
    expect(await ids({ light: "paused" })).toEqual([paused.id]);
    expect(await ids({ light: "green" })).toEqual([submitted.id]);
    // A service outside the scope filters to nothing rather than widening it.
    const stranger = await createService(h.db, (await createDepartment(h.db)).id);
    await createQueuedApplication(h.db, person.id, stranger.id);
    expect(await ids({ service: stranger.id })).toEqual([]);

    const counts = (await listClerkQueue(h.db, actor, { service: s2.id }, NOW)).countsByStatus;
    expect(counts).toEqual({ accepted: 1, submitted: 1 });
    // Open work only: the closed history is not counted on every page view.
    expect((await listClerkQueue(h.db, actor, {}, NOW)).countsByStatus).toEqual({ accepted: 2, submitted: 1, supplement_requested: 1 });
    expect(await ids({ light: "none" })).toEqual([done.id]);
    expect(await ids({ status: "completed", light: "red" })).toEqual([]);
  });

  it("shows the flag a revoked licence left on an application", async () => {
    const { dept, actor } = await department();
    const service = await createService(h.db, dept.id);
    const person = await createPerson(h.db);
    const flaggedAt = new Date("2026-11-24T08:00:00Z");
    await createQueuedApplication(h.db, person.id, service.id, { flaggedAt, flagReason: "所依据的证照已被注销" });
    const [row] = (await listClerkQueue(h.db, actor, {}, NOW)).rows;
    expect(row?.flagReason).toBe("所依据的证照已被注销");
    expect(row?.flaggedAt?.toISOString()).toBe(flaggedAt.toISOString());
  });

  it("refuses a resident", async () => {
    const person = await createPerson(h.db);
    await expect(
      listClerkQueue(h.db, { id: person.id, role: "citizen", displayName: "x", personId: person.id, departmentId: null, centreId: null }, {}),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
