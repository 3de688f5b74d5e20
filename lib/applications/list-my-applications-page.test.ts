import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applications } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { AppError } from "@/lib/errors";
import {
  citizenActor,
  createApplication,
  createApplicationInStatus,
  createCitizenUser,
  createDepartment,
  createService,
} from "@/lib/testing/factories";
import { listMyApplicationsPage } from "./list-my-applications-page";

let h: DbHandle;
let serviceNameZh: string;
let serviceId: string;
beforeAll(async () => {
  h = await createTestDatabase();
  const service = await createService(h.db, (await createDepartment(h.db)).id);
  serviceId = service.id;
  serviceNameZh = service.nameZh;
});
afterAll(async () => {
  await h.close();
});

/** A resident with `n` applications created a minute apart (the last is the newest), two of them completed. */
async function residentWith(n: number) {
  const made = await createCitizenUser(h.db, "Secret2026");
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const app = await createApplicationInStatus(h.db, made.person.id, serviceId, i < 2 ? "completed" : "submitted");
    await h.db
      .update(applications)
      .set({ createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) })
      .where(eq(applications.id, app.id));
    ids.push(app.id);
  }
  return { ...made, actor: citizenActor(made), newestFirst: ids.reverse() };
}

describe("the list of all my applications", () => {
  it("pages newest first with the total, the service name and the dates", async () => {
    const { actor, newestFirst } = await residentWith(7);
    const first = await listMyApplicationsPage(h.db, actor, {}, 3);
    expect(first).toMatchObject({ total: 7, page: 1, pageCount: 3, pageSize: 3, status: null });
    expect(first.rows.map((r) => r.id)).toEqual(newestFirst.slice(0, 3));
    expect(first.rows[0]).toMatchObject({ serviceNameZh, status: "submitted", dueOn: null });
    expect(first.rows[0]?.submittedAt).toBeInstanceOf(Date);

    const third = await listMyApplicationsPage(h.db, actor, { page: "3" }, 3);
    expect(third).toMatchObject({ total: 7, page: 3 });
    expect(third.rows.map((r) => r.id)).toEqual(newestFirst.slice(6));
  });

  it("filters by status, counting only that status", async () => {
    const { actor, newestFirst } = await residentWith(5);
    const done = await listMyApplicationsPage(h.db, actor, { status: "completed" }, 3);
    expect(done).toMatchObject({ total: 2, pageCount: 1, status: "completed" });
    expect(done.rows.map((r) => r.id)).toEqual(newestFirst.slice(3));
    expect((await listMyApplicationsPage(h.db, actor, { status: "withdrawn" })).total).toBe(0);
  });

  it("still reports the total on a page past the end", async () => {
    const { actor } = await residentWith(4);
    expect(await listMyApplicationsPage(h.db, actor, { page: 9 }, 3)).toMatchObject({ rows: [], total: 4, page: 9, pageCount: 2 });
  });

  it("falls back to page 1 and every status when the query is unreadable", async () => {
    const { actor } = await residentWith(2);
    for (const query of [{ page: "abc" }, { page: "-1" }, { page: "1e9" }, { status: "deleted" }, { page: ["2", "3"] }, undefined]) {
      expect(await listMyApplicationsPage(h.db, actor, query)).toMatchObject({ page: 1, status: null, total: 2 });
    }
  });

  it("shows only the resident's own applications", async () => {
    const mine = await residentWith(2);
    const other = await createCitizenUser(h.db, "Secret2026");
    await createApplication(h.db, other.person.id, serviceId);
    const page = await listMyApplicationsPage(h.db, mine.actor, {});
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.id).sort()).toEqual([...mine.newestFirst].sort());
    const empty = await createCitizenUser(h.db, "Secret2026");
    expect(await listMyApplicationsPage(h.db, citizenActor(empty), {})).toMatchObject({ rows: [], total: 0, pageCount: 1 });
  });

  it("refuses staff", async () => {
    const clerk = { id: crypto.randomUUID(), role: "clerk" as const, displayName: "窗口", personId: null, departmentId: null, centreId: null };
    await expect(listMyApplicationsPage(h.db, clerk, {})).rejects.toBeInstanceOf(AppError);
  });
});
