import { generateKeyPairSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { licences, licenceVerifications } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { citizenActor, createCitizenUser, createLicenceType } from "@/lib/testing/factories";
import { issueLicence } from "./issue-licence";
import { listMyLicenceCodes, makeVerificationCode, parseVerificationCode, verifyLicenceCode } from "./verify-code";

let handle: DbHandle;
const now = new Date("2026-11-22T04:00:00Z");
beforeAll(async () => {
  handle = await createTestDatabase();
  await createLicenceType(handle.db, { key: "qr_permit", defaultValidityMonths: 12 });
});
afterAll(async () => handle.close());

async function issued(name = "李晓梅") {
  const citizen = await createCitizenUser(handle.db, "Test#Pass2026", { name });
  const licence = await issueLicence(handle.db, { typeKey: "qr_permit", holderPersonId: citizen.person.id, fields: { 地址: "A" } }, now);
  return { citizen, licence };
}

/** Changes one character of the code's payload part to another valid base64url character. */
function tamper(code: string, at: number): string {
  const c = code[at]!;
  return `${code.slice(0, at)}${c === "A" ? "B" : "A"}${code.slice(at + 1)}`;
}

describe("verification codes", () => {
  it("round-trips a genuine code and refuses tampered, forged and malformed ones", async () => {
    const { licence } = await issued();
    const code = makeVerificationCode(licence.identifier, 1);
    expect(parseVerificationCode(code)).toEqual({ identifier: licence.identifier, version: 1 });
    for (const at of [0, 10, code.indexOf(".") - 2, code.indexOf(".") + 5, code.length - 3]) {
      expect(parseVerificationCode(tamper(code, at)), `tampered at ${at}`).toBeNull();
    }
    const { privateKey } = generateKeyPairSync("ed25519");
    expect(parseVerificationCode(makeVerificationCode(licence.identifier, 1, privateKey))).toBeNull();
    for (const junk of ["", "abc", "a.b", `${code}x`, code.replace(".", "")]) expect(parseVerificationCode(junk)).toBeNull();
  });

  it("shows valid with minimum fields, then revoked, expired and superseded from the live record; records each scan", async () => {
    const { licence } = await issued("李晓梅");
    const code = makeVerificationCode(licence.identifier, 1);
    const valid = await verifyLicenceCode(handle.db, code, { now });
    expect(valid).toMatchObject({ result: "valid", holderName: "李*梅", validUntil: "2027-11-21" });
    expect(JSON.stringify(valid)).not.toContain(licence.holderCode);
    expect(JSON.stringify(valid)).not.toContain(licence.licenceNumber);

    expect(await verifyLicenceCode(handle.db, code, { now: new Date("2027-11-23T04:00:00Z") })).toMatchObject({ result: "expired" });

    await handle.db.update(licences).set({ status: "revoked", statusReason: "测试" }).where(eq(licences.id, licence.id));
    expect(await verifyLicenceCode(handle.db, code, { now })).toMatchObject({ result: "revoked" });
    const rows = await handle.db.select().from(licenceVerifications).where(eq(licenceVerifications.licenceId, licence.id));
    expect(rows.map((r) => r.result)).toEqual(["valid", "expired", "revoked"]);
    expect(rows.every((r) => r.method === "qr" && r.verifiedByUserId === null)).toBe(true);

    const renewed = await issued("张三");
    await issueLicence(handle.db, { typeKey: "qr_permit", holderPersonId: renewed.citizen.person.id, fields: { 地址: "B" } }, now);
    expect(await verifyLicenceCode(handle.db, makeVerificationCode(renewed.licence.identifier, 1), { now })).toMatchObject({ result: "superseded" });
  });

  it("shows invalid for a tampered code, a record edited behind the library's back, or a code for another version", async () => {
    const { licence } = await issued();
    const code = makeVerificationCode(licence.identifier, 1);
    const before = (await handle.db.select().from(licenceVerifications)).length;
    expect(await verifyLicenceCode(handle.db, tamper(code, 5), { now })).toEqual({ result: "invalid", checkedOn: "2026-11-22" });
    expect((await handle.db.select().from(licenceVerifications)).length).toBe(before); // no query, no row
    expect(await verifyLicenceCode(handle.db, makeVerificationCode(licence.identifier, 2), { now })).toMatchObject({ result: "invalid" });
    await handle.db.update(licences).set({ holderName: "冒名" }).where(eq(licences.id, licence.id));
    expect(await verifyLicenceCode(handle.db, code, { now })).toMatchObject({ result: "invalid" });
  });

  it("gives the wallet one code per own licence", async () => {
    const { citizen, licence } = await issued();
    const codes = await listMyLicenceCodes(handle.db, citizenActor(citizen));
    expect(Object.keys(codes)).toEqual([licence.id]);
    expect(parseVerificationCode(codes[licence.id]!)).toMatchObject({ identifier: licence.identifier });
  });
});
