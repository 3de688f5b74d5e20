import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { licences, licenceTypes } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { isValidLicenceIdentifier } from "@/lib/id-number";
import { createLicenceType, createPerson } from "@/lib/testing/factories";
import { checkLicence } from "./check-licence";
import { issueLicence } from "./issue-licence";
import { verifyLicenceSignature } from "./signing";
import { licenceKeys } from "./signing-key";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await createLicenceType(handle.db, { key: "test_permit", defaultValidityMonths: 12 });
});
afterAll(async () => handle.close());

describe("issueLicence", () => {
  it("issues a signed licence with a valid identifier and supersedes the holder's previous one", async () => {
    const person = await createPerson(handle.db);
    const now = new Date("2026-03-10T02:00:00Z");
    const first = await issueLicence(handle.db, { typeKey: "test_permit", holderPersonId: person.id, fields: { 地址: "A" } }, now);
    const second = await issueLicence(handle.db, { typeKey: "test_permit", holderPersonId: person.id, fields: { 地址: "B" } }, now);

    expect(isValidLicenceIdentifier(second.identifier)).toBe(true);
    expect(second.identifier).not.toBe(first.identifier);
    expect(second.validFrom).toBe("2026-03-10");
    expect(second.validUntil).toBe("2027-03-09");
    expect(second.holderCode).toBe(person.idNumber);
    const ok = verifyLicenceSignature(
      {
        identifier: second.identifier,
        licenceTypeCode: second.identifier.split(".")[5]!,
        licenceNumber: second.licenceNumber,
        holderName: second.holderName,
        holderCode: second.holderCode,
        holderCodeType: second.holderCodeType,
        issuerCode: second.issuerCode,
        issuedOn: second.issuedOn,
        validFrom: second.validFrom,
        validUntil: second.validUntil,
        version: second.version,
        fields: second.fields,
      },
      second.signature,
      licenceKeys().publicKey,
    );
    expect(ok).toBe(true);
    const [old] = await handle.db.select().from(licences).where(eq(licences.id, first.id));
    expect(old?.status).toBe("superseded");
  });

  it("refuses a department that does not issue the type", async () => {
    const person = await createPerson(handle.db);
    await expect(
      issueLicence(handle.db, {
        typeKey: "test_permit",
        holderPersonId: person.id,
        fields: {},
        issuerDepartmentId: "00000000-0000-4000-8000-000000000000",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("checkLicence", () => {
  it("finds an issued licence valid, a tampered one bad, and an expired one expired", async () => {
    const [type] = await handle.db.select({ code: licenceTypes.code }).from(licenceTypes).where(eq(licenceTypes.key, "test_permit"));
    const person = await createPerson(handle.db);
    const issued = await issueLicence(handle.db, { typeKey: "test_permit", holderPersonId: person.id, fields: { 地址: "A" } }, new Date("2026-03-10T02:00:00Z"));
    const { publicKey } = licenceKeys();
    expect(checkLicence(issued, type!.code, "2026-03-10", publicKey)).toBe("valid");
    expect(checkLicence(issued, type!.code, "2027-03-10", publicKey)).toBe("expired");
    expect(checkLicence({ ...issued, holderName: "冒名" }, type!.code, "2026-03-10", publicKey)).toBe("bad_signature");
    expect(checkLicence({ ...issued, status: "revoked" }, type!.code, "2026-03-10", publicKey)).toBe("revoked");
  });
});
