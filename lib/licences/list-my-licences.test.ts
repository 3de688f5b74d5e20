import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { licences } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { addCalendarDays } from "@/lib/calendar/working-days";
import { createCitizenUser, createDepartment, createLicence, createLicenceType, createPerson, relate } from "@/lib/testing/factories";
import { listMyLicences } from "./list-my-licences";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

const today = "2026-05-20";
const citizen = (user: { id: string }, personId: string): Actor => ({
  id: user.id,
  role: "citizen",
  displayName: "居民",
  personId,
  departmentId: null,
  centreId: null,
});

describe("listMyLicences (the wallet)", () => {
  it("lists only the resident's own licences, valid first, with the effective status", async () => {
    const me = await createCitizenUser(h.db, "Secret2026");
    const neighbour = await createPerson(h.db);
    const [typeA, typeB] = [await createLicenceType(h.db), await createLicenceType(h.db)];
    const expired = await createLicence(h.db, { holderPersonId: me.person.id, licenceTypeId: typeA.id, validUntil: addCalendarDays(today, -1) });
    const open = await createLicence(h.db, { holderPersonId: me.person.id, licenceTypeId: typeB.id, validUntil: null });
    await createLicence(h.db, { holderPersonId: neighbour.id, licenceTypeId: typeA.id });

    const list = await listMyLicences(h.db, citizen(me.user, me.person.id), { today });
    expect(list.map((l) => l.id)).toEqual([open.id, expired.id]);
    expect(list[0]).toMatchObject({ status: "valid", expiringSoon: false, daysLeft: null, renewHint: false, typeNameZh: typeB.nameZh });
    expect(list[1]).toMatchObject({ status: "expired", renewHint: true, daysLeft: null });
  });

  it("returns plain wallet fields only: no signature, no holder code", async () => {
    const me = await createCitizenUser(h.db, "Secret2026");
    await createLicence(h.db, { holderPersonId: me.person.id });
    const [l] = await listMyLicences(h.db, citizen(me.user, me.person.id), { today });
    expect(Object.keys(l!).sort()).toEqual(
      [
        "daysLeft", "expiringSoon", "holder", "id", "issuedOn", "issuerName", "licenceNumber", "renewHint", "status",
        "statusReason", "typeKey", "typeNameEn", "typeNameZh", "validFrom", "validUntil",
      ].sort(),
    );
    expect(JSON.stringify(l)).not.toContain(me.person.idNumber);
  });

  it("masks a licence number that is the holder's ID number (the ID card's)", async () => {
    const me = await createCitizenUser(h.db, "Secret2026");
    const card = await createLicence(h.db, { holderPersonId: me.person.id });
    await h.db.update(licences).set({ licenceNumber: me.person.idNumber }).where(eq(licences.id, card.id));
    const [l] = await listMyLicences(h.db, citizen(me.user, me.person.id), { today });
    const id = me.person.idNumber;
    expect(l?.licenceNumber).toBe(`${id.slice(0, 6)}**********${id.slice(16)}`);
  });

  it("flags renewal when expiring within 30 days, revoked (with its reason), but not when a newer one is in force", async () => {
    const me = await createCitizenUser(h.db, "Secret2026");
    const dept = await createDepartment(h.db);
    const [soonType, laterType, revokedType, renewedType] = [
      await createLicenceType(h.db, { issuingDepartmentId: dept.id }),
      await createLicenceType(h.db, { issuingDepartmentId: dept.id }),
      await createLicenceType(h.db, { issuingDepartmentId: dept.id }),
      await createLicenceType(h.db, { issuingDepartmentId: dept.id }),
    ];
    const holderPersonId = me.person.id;
    const soon = await createLicence(h.db, { holderPersonId, licenceTypeId: soonType.id, validUntil: addCalendarDays(today, 30) });
    const revoked = await createLicence(h.db, { holderPersonId, licenceTypeId: revokedType.id, status: "revoked", statusReason: "信息有误，已撤销" });
    const oldOne = await createLicence(h.db, { holderPersonId, licenceTypeId: renewedType.id, validUntil: addCalendarDays(today, -100) });
    const newOne = await createLicence(h.db, { holderPersonId, licenceTypeId: renewedType.id, validFrom: addCalendarDays(today, -99), issuedOn: addCalendarDays(today, -99), validUntil: addCalendarDays(today, 3000) });
    const later = await createLicence(h.db, { holderPersonId, licenceTypeId: laterType.id, validUntil: addCalendarDays(today, 31) });

    const byId = new Map((await listMyLicences(h.db, citizen(me.user, holderPersonId), { today })).map((l) => [l.id, l]));
    expect(byId.get(soon.id)).toMatchObject({ status: "valid", expiringSoon: true, daysLeft: 30, renewHint: true });
    expect(byId.get(later.id)).toMatchObject({ status: "valid", expiringSoon: false, daysLeft: 31, renewHint: false });
    expect(byId.get(revoked.id)).toMatchObject({ status: "revoked", statusReason: "信息有误，已撤销", renewHint: true });
    expect(byId.get(oldOne.id)).toMatchObject({ status: "expired", renewHint: false });
    expect(byId.get(newOne.id)).toMatchObject({ status: "valid", renewHint: false });
  });

  it("refuses a clerk (FORBIDDEN)", async () => {
    const clerk: Actor = { id: "00000000-0000-4000-8000-000000000001", role: "clerk", displayName: "窗口", personId: null, departmentId: "d", centreId: null };
    await expect(listMyLicences(h.db, clerk)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps a minor child's certificates in the parent's wallet, marked as the child's, and not an adult child's", async () => {
    const me = await createCitizenUser(h.db, "Secret2026", { birthDate: "1980-01-01" });
    const baby = await createPerson(h.db, { birthDate: "2026-03-01", name: "陈小宝" });
    const grown = await createPerson(h.db, { birthDate: "2008-05-20" }); // 18 today
    await relate(h.db, me.person.id, baby.id);
    await relate(h.db, me.person.id, grown.id);
    const type = await createLicenceType(h.db);
    const mine = await createLicence(h.db, { holderPersonId: me.person.id, licenceTypeId: type.id, validUntil: null });
    const babys = await createLicence(h.db, { holderPersonId: baby.id, licenceTypeId: type.id, validUntil: addCalendarDays(today, -1) });
    await createLicence(h.db, { holderPersonId: grown.id, licenceTypeId: type.id });

    const list = await listMyLicences(h.db, citizen(me.user, me.person.id), { today });
    expect(list.map((l) => [l.id, l.holder.self, l.holder.name])).toEqual([
      [mine.id, true, me.person.name],
      [babys.id, false, "陈小宝"],
    ]);
    // The child's expired licence asks for renewal although the parent holds one of the type in force.
    expect(list[1]?.renewHint).toBe(true);
    // The child's wallet is the parent's, not the other way round.
    expect((await listMyLicences(h.db, citizen(me.user, baby.id), { today })).map((l) => l.id)).toEqual([babys.id]);
  });

  it("an empty wallet is an empty list", async () => {
    const me = await createCitizenUser(h.db, "Secret2026");
    expect(await listMyLicences(h.db, citizen(me.user, me.person.id), { today })).toEqual([]);
  });
});
