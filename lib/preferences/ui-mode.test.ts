import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { userPreferences } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { citizenActor, createCitizenUser, createDepartment, createStaffUser } from "@/lib/testing/factories";
import { getUiMode } from "./get-ui-mode";
import { setUiMode } from "./set-ui-mode";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());

describe("elderly mode preference", () => {
  it("follows a resident: stored choice wins over the cookie, and the last switch wins", async () => {
    const actor = citizenActor(await createCitizenUser(handle.db, "Test#Pass2026"));
    expect(await getUiMode(handle.db, actor, null)).toBe("normal");
    expect(await getUiMode(handle.db, actor, "elderly")).toBe("elderly");
    expect(await setUiMode(handle.db, actor, { mode: "elderly" })).toEqual({ stored: true });
    expect(await getUiMode(handle.db, actor, "normal")).toBe("elderly");
    await Promise.all([setUiMode(handle.db, actor, { mode: "normal" }), setUiMode(handle.db, actor, { mode: "normal" })]);
    expect(await getUiMode(handle.db, actor, "elderly")).toBe("normal");
    expect((await handle.db.select().from(userPreferences)).filter((r) => r.userId === actor.id)).toHaveLength(1);
  });

  it("keeps anonymous visitors and staff on their cookie", async () => {
    expect(await getUiMode(handle.db, null, "elderly")).toBe("elderly");
    expect(await setUiMode(handle.db, null, { mode: "elderly" })).toEqual({ stored: false });
    const department = await createDepartment(handle.db);
    const staff = await createStaffUser(handle.db, "Test#Pass2026", { role: "clerk", departmentId: department.id });
    const actor = { id: staff.id, role: "clerk" as const, displayName: staff.displayName, personId: null, departmentId: department.id, centreId: null };
    expect(await setUiMode(handle.db, actor, { mode: "elderly" })).toEqual({ stored: false });
    expect(await getUiMode(handle.db, actor, "elderly")).toBe("elderly");
  });
});

describe("the elderly home's services", () => {
  it("pads the resident's recommendations with the services filed most in the last year", async () => {
    const { createService } = await import("@/lib/testing/factories");
    const { applicationDailyStats } = await import("@/db/schema");
    const { elderlyHomeServices } = await import("./elderly-home-services");
    const department = await createDepartment(handle.db);
    const busy = await createService(handle.db, department.id, { nameZh: "最常办的事项" });
    const quiet = await createService(handle.db, department.id, { nameZh: "较少办的事项" });
    const old = await createService(handle.db, department.id, { nameZh: "去年以前常办的事项" });
    await handle.db.insert(applicationDailyStats).values([
      { day: "2026-11-01", serviceId: busy.id, channel: "online", submitted: 40 },
      { day: "2026-10-01", serviceId: busy.id, channel: "counter", submitted: 5 },
      { day: "2026-11-02", serviceId: quiet.id, channel: "online", submitted: 3 },
      { day: "2024-01-02", serviceId: old.id, channel: "online", submitted: 900 },
    ]);
    const actor = citizenActor(await createCitizenUser(handle.db, "Test#Pass2026", { birthDate: "1990-05-05" }));
    const shown = await elderlyHomeServices(handle.db, actor, new Date("2026-12-01T04:00:00Z"));
    expect(shown.length).toBeLessThanOrEqual(5);
    const names = shown.map((s) => s.nameZh);
    expect(names.indexOf("最常办的事项")).toBeGreaterThanOrEqual(0);
    expect(names.indexOf("最常办的事项")).toBeLessThan(names.indexOf("较少办的事项"));
    expect(names).not.toContain("去年以前常办的事项");
    expect(new Set(shown.map((s) => s.href)).size).toBe(shown.length);
  });
});
