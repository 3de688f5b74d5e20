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
