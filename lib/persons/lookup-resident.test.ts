import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, licenceAccessLog } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { clerkActor, createQueuedApplication } from "@/lib/testing/clerk-factories";
import { createDepartment, createLicence, createPerson, createService, createStaffUser } from "@/lib/testing/factories";
import { LOOKUP_PURPOSE, lookupResident } from "./lookup-resident";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

const NOW = new Date("2026-11-25T03:00:00Z");

describe("lookupResident (刷身份证)", () => {
  it("shows the masked summary, in-scope applications, a count of the others, and every licence — each read logged", async () => {
    const dept = await createDepartment(h.db);
    const user = await createStaffUser(h.db, "x", { departmentId: dept.id });
    const actor = clerkActor({ id: user.id, departmentId: dept.id, displayName: "李窗口" });
    const [mine, theirs] = [await createService(h.db, dept.id), await createService(h.db, (await createDepartment(h.db)).id)];
    const person = await createPerson(h.db, { phone: "13912345678" });
    const inScope = await createQueuedApplication(h.db, person.id, mine.id);
    await createQueuedApplication(h.db, person.id, theirs.id);
    await createQueuedApplication(h.db, person.id, theirs.id, { status: "completed" });
    const valid = await createLicence(h.db, { holderPersonId: person.id });
    const expired = await createLicence(h.db, { holderPersonId: person.id, validUntil: "2025-01-01" });
    const stranger = await createPerson(h.db);
    await createLicence(h.db, { holderPersonId: stranger.id });

    const found = await lookupResident(h.db, actor, person.idNumber.toLowerCase(), NOW);
    expect(found).toMatchObject({ name: person.name, idMasked: `${person.idNumber.slice(0, 6)}**********${person.idNumber.slice(16)}`, phoneMasked: "139****5678" });
    expect(JSON.stringify(found)).not.toContain(person.idNumber);
    expect(found.applications.map((a) => a.id)).toEqual([inScope.id]);
    expect(found.otherApplications).toBe(2);
    const statuses = Object.fromEntries(found.licences.map((l) => [l.id, l.status]));
    expect(statuses).toEqual({ [valid.id]: "valid", [expired.id]: "expired" });

    const log = await h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.holderPersonId, person.id));
    expect(log.map((l) => l.licenceId).sort()).toEqual([valid.id, expired.id].sort());
    expect(log.every((l) => l.purpose === LOOKUP_PURPOSE && l.actorUserId === user.id && l.actorLabel.startsWith("李窗口"))).toBe(true);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.personId, person.id));
    expect(audit.map((a) => a.action)).toEqual(["person.lookup"]);
    expect(JSON.stringify(audit)).not.toContain(person.idNumber);
  });

  it("says which part of a bad number is wrong, and NOT_FOUND for a valid number nobody has", async () => {
    const dept = await createDepartment(h.db);
    const actor = clerkActor({ id: (await createStaffUser(h.db, "x", { departmentId: dept.id })).id, departmentId: dept.id });
    await expect(lookupResident(h.db, actor, "110105194912310021", NOW)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { idNumber: "validation.idNumber.check_char" },
    });
    await expect(lookupResident(h.db, actor, "11010519490229002X", NOW)).rejects.toMatchObject({
      fieldErrors: { idNumber: "validation.idNumber.birth_date" },
    });
    await expect(lookupResident(h.db, actor, "11010519491231002X", NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is refused to a resident", async () => {
    const person = await createPerson(h.db);
    await expect(
      lookupResident(h.db, { id: person.id, role: "citizen", displayName: "x", personId: person.id, departmentId: null, centreId: null }, person.idNumber),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
