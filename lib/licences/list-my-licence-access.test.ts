import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { licenceAccessLog, licences } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import {
  createApplication,
  createCitizenUser,
  createDepartment,
  createLicence,
  createPerson,
  createService,
  createStaffUser,
} from "@/lib/testing/factories";
import { licenceAccessQuerySchema, listMyLicenceAccess } from "./list-my-licence-access";
import { recordLicenceAccess } from "./record-licence-access";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

async function residentWithLicence() {
  const { person, user } = await createCitizenUser(h.db, "Secret2026");
  const licence = await createLicence(h.db, { holderPersonId: person.id });
  const actor: Actor = { id: user.id, role: "citizen", displayName: person.name, personId: person.id, departmentId: null, centreId: null };
  return { person, licence, actor };
}

async function clerkActor(): Promise<Actor & { departmentNameZh: string }> {
  const dept = await createDepartment(h.db);
  const user = await createStaffUser(h.db, "Secret2026", { displayName: "张三", departmentId: dept.id });
  return { id: user.id, role: "clerk", displayName: "张三", personId: null, departmentId: dept.id, centreId: null, departmentNameZh: dept.nameZh };
}

describe("recordLicenceAccess", () => {
  it("writes one row per distinct licence, with each licence's own holder", async () => {
    const [a, b] = [await residentWithLicence(), await residentWithLicence()];
    const clerk = await clerkActor();
    const written = await h.db.transaction((tx) =>
      recordLicenceAccess(tx, { licenceIds: [a.licence.id, b.licence.id, a.licence.id], actor: clerk, purpose: "办件材料核验" }),
    );
    expect(written).toBe(2);
    const rows = await h.db.select().from(licenceAccessLog).where(inArray(licenceAccessLog.licenceId, [a.licence.id, b.licence.id]));
    expect(rows.map((r) => [r.licenceId, r.holderPersonId]).sort()).toEqual(
      [[a.licence.id, a.person.id], [b.licence.id, b.person.id]].sort(),
    );
    for (const r of rows) {
      expect(r).toMatchObject({ actorUserId: clerk.id, actorDepartmentId: clerk.departmentId, actorLabel: "张三（窗口人员）", purpose: "办件材料核验", applicationId: null });
    }
  });

  it("refuses unknown ids and a missing purpose, writing nothing", async () => {
    const a = await residentWithLicence();
    const clerk = await clerkActor();
    const unknown = "00000000-0000-4000-8000-0000000000ff";
    await expect(
      h.db.transaction((tx) => recordLicenceAccess(tx, { licenceIds: [a.licence.id, unknown], actor: clerk, purpose: "核验" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordLicenceAccess(h.db, { licenceIds: ["not-a-uuid"], actor: clerk, purpose: "核验" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordLicenceAccess(h.db, { licenceIds: [a.licence.id], actor: clerk, purpose: "  " })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.licenceId, a.licence.id))).toEqual([]);
    expect(await recordLicenceAccess(h.db, { licenceIds: [], actor: clerk, purpose: "核验" })).toBe(0);
  });
});

describe("listMyLicenceAccess (谁用了我的数据)", () => {
  it("shows the resident only the reads of their own licences, with department, type and application", async () => {
    const [me, other] = [await residentWithLicence(), await residentWithLicence()];
    const clerk = await clerkActor();
    const service = await createService(h.db, clerk.departmentId!);
    const application = await createApplication(h.db, me.person.id, service.id);
    await recordLicenceAccess(h.db, { licenceIds: [me.licence.id, other.licence.id], actor: clerk, purpose: "受理审查", applicationId: application.id });

    const mine = await listMyLicenceAccess(h.db, me.actor, { page: 1 });
    expect(mine.total).toBe(1);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      actorLabel: "张三（窗口人员）",
      departmentNameZh: clerk.departmentNameZh,
      licenceNumber: me.licence.licenceNumber,
      purpose: "受理审查",
      applicationNumber: application.number,
    });
    expect(mine.items[0]?.accessedAt).toBeInstanceOf(Date);
    expect(typeof mine.items[0]?.licenceTypeNameZh).toBe("string");

    const theirs = await listMyLicenceAccess(h.db, other.actor, { page: 1 });
    expect(theirs.items.map((i) => i.licenceNumber)).toEqual([other.licence.licenceNumber]);
  });

  it("pages newest first with the right slices and total", async () => {
    const me = await residentWithLicence();
    const second = await createLicence(h.db, { holderPersonId: me.person.id });
    const start = Date.UTC(2026, 0, 1);
    // 45 reads an hour apart, alternating the two licences; a system read has no department.
    await h.db.insert(licenceAccessLog).values(
      Array.from({ length: 45 }, (_, i) => ({
        licenceId: i % 2 === 0 ? me.licence.id : second.id,
        holderPersonId: me.person.id,
        actorLabel: `系统${i}`,
        purpose: `第${i}次`,
        accessedAt: new Date(start + i * 3_600_000),
      })),
    );
    const purposes = async (page: number) => {
      const p = await listMyLicenceAccess(h.db, me.actor, { page, pageSize: 20 });
      expect(p).toMatchObject({ total: 45, pageCount: 3, page, pageSize: 20 });
      return p.items.map((i) => i.purpose);
    };
    const newestFirst = Array.from({ length: 45 }, (_, i) => `第${44 - i}次`);
    expect(await purposes(1)).toEqual(newestFirst.slice(0, 20));
    expect(await purposes(2)).toEqual(newestFirst.slice(20, 40));
    expect(await purposes(3)).toEqual(newestFirst.slice(40));
    expect(await purposes(4)).toEqual([]);
    const [first] = (await listMyLicenceAccess(h.db, me.actor, { page: 1, pageSize: 1 })).items;
    expect(first).toMatchObject({ departmentNameZh: null, applicationNumber: null, licenceNumber: me.licence.licenceNumber });
  });

  it("masks the holder's ID number inside a licence number", async () => {
    const me = await residentWithLicence();
    await h.db.update(licences).set({ licenceNumber: me.person.idNumber }).where(eq(licences.id, me.licence.id));
    await recordLicenceAccess(h.db, { licenceIds: [me.licence.id], actor: await clerkActor(), purpose: "核验" });
    const { items } = await listMyLicenceAccess(h.db, me.actor, { page: 1 });
    expect(items[0]?.licenceNumber).toMatch(/^\d{6}\*{10}[\dX]{2}$/);
    expect(JSON.stringify(items)).not.toContain(me.person.idNumber);
  });

  it("an unread wallet has an empty first page", async () => {
    const me = await residentWithLicence();
    expect(await listMyLicenceAccess(h.db, me.actor, { page: 1 })).toEqual({ items: [], total: 0, page: 1, pageSize: 20, pageCount: 1 });
  });

  it("refuses a clerk (FORBIDDEN), and a citizen actor without a person", async () => {
    const clerk = await clerkActor();
    await expect(listMyLicenceAccess(h.db, clerk, { page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createPerson(h.db);
    await expect(
      listMyLicenceAccess(h.db, { id: stranger.id, role: "citizen", displayName: "x", personId: null, departmentId: null, centreId: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("reads ?page=N as a positive integer, page 1 otherwise", () => {
    const page = (v: unknown) => licenceAccessQuerySchema.parse({ page: v }).page;
    expect(page("3")).toBe(3);
    expect([page(undefined), page("0"), page("-2"), page("abc"), page("1.5"), page(["2", "3"])]).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
