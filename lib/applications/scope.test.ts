import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { centreServices, serviceCentres } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createApplication, createCitizenUser, createDepartment, createPerson, createService } from "@/lib/testing/factories";
import { getClerkOverview } from "./get-clerk-overview";
import { listMyApplicationsPage } from "./list-my-applications-page";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

const clerk = (over: Partial<Actor>): Actor => ({
  id: "00000000-0000-4000-8000-000000000001",
  role: "clerk",
  displayName: "窗口",
  personId: null,
  departmentId: null,
  centreId: null,
  ...over,
});

describe("who sees which applications", () => {
  it("a department clerk counts only their department's applications", async () => {
    const [a, b] = [await createDepartment(h.db), await createDepartment(h.db)];
    const [sa, sb] = [await createService(h.db, a.id), await createService(h.db, b.id)];
    const person = await createPerson(h.db);
    await createApplication(h.db, person.id, sa.id);
    await createApplication(h.db, person.id, sa.id);
    await createApplication(h.db, person.id, sb.id);
    const overview = await getClerkOverview(h.db, clerk({ departmentId: a.id }));
    expect(overview.countsByStatus.submitted).toBe(2);
    expect(overview.nextDue.map((x) => x.serviceNameZh)).toEqual([sa.nameZh, sa.nameZh]);
  });

  it("a comprehensive-window clerk sees the services their centre covers, whatever the department", async () => {
    const [a, b] = [await createDepartment(h.db), await createDepartment(h.db)];
    const [sa, sb, sc] = [await createService(h.db, a.id), await createService(h.db, b.id), await createService(h.db, b.id)];
    const [centre] = await h.db
      .insert(serviceCentres)
      .values({ code: `ctr-${a.code}`, nameZh: "中心", nameEn: "Centre", addressZh: "地址", addressEn: "Address", divisionCode: "440304", phone: "0755", hoursZh: "9-18", hoursEn: "9-18" })
      .returning();
    await h.db.insert(centreServices).values([
      { centreId: centre!.id, serviceId: sa.id },
      { centreId: centre!.id, serviceId: sb.id },
    ]);
    const person = await createPerson(h.db);
    for (const s of [sa, sb, sc]) await createApplication(h.db, person.id, s.id);
    const overview = await getClerkOverview(h.db, clerk({ centreId: centre!.id }));
    expect(overview.countsByStatus.submitted).toBe(2);
    expect(overview.nextDue.map((x) => x.serviceNameZh).sort()).toEqual([sa.nameZh, sb.nameZh].sort());
  });

  it("a clerk with neither department nor centre sees nothing and is refused", async () => {
    await expect(getClerkOverview(h.db, clerk({}))).rejects.toBeInstanceOf(AppError);
  });

  it("a resident lists only their own applications", async () => {
    const dept = await createDepartment(h.db);
    const service = await createService(h.db, dept.id);
    const me = await createCitizenUser(h.db, "Secret2026");
    const neighbour = await createPerson(h.db);
    const mine = await createApplication(h.db, me.person.id, service.id);
    await createApplication(h.db, neighbour.id, service.id);
    const actor: Actor = { id: me.user.id, role: "citizen", displayName: me.person.name, personId: me.person.id, departmentId: null, centreId: null };
    expect((await listMyApplicationsPage(h.db, actor, {})).rows.map((x) => x.id)).toEqual([mine.id]);
  });

  it("staff cannot use the resident's own-applications list", async () => {
    await expect(listMyApplicationsPage(h.db, clerk({ departmentId: "x" }), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
