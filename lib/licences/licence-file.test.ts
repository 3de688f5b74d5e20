import { generateKeyPairSync } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, licences, licenceVerifications } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { citizenActor, createCitizenUser, createLicenceType } from "@/lib/testing/factories";
import { getMyLicenceFile } from "./get-my-licence-file";
import { issueLicence } from "./issue-licence";
import { licencePdfContent } from "./pdf/licence-pdf-content";
import { readPdfSeal, sealPdf } from "./pdf/pdf-seal";
import { renderLicencePdf } from "./pdf/render-licence-pdf";
import { licenceKeys } from "./signing-key";
import { verifyLicenceFile } from "./verify-licence-file";

let handle: DbHandle;
const now = new Date("2026-11-22T04:00:00Z");
const origin = "http://portal.test";

beforeAll(async () => {
  handle = await createTestDatabase();
  await createLicenceType(handle.db, { key: "file_permit", defaultValidityMonths: 12 });
});
afterAll(async () => handle.close());

async function issuedTo(name: string, fields: Record<string, string> = {}) {
  const citizen = await createCitizenUser(handle.db, "Test#Pass2026", { name });
  const licence = await issueLicence(handle.db, { typeKey: "file_permit", holderPersonId: citizen.person.id, fields }, now);
  return { citizen, actor: citizenActor(citizen), licence };
}

describe("licence files", () => {
  it("makes a sealed PDF that names the licence, prints its metadata, masks ID numbers and stays small", async () => {
    const father = "440304199001011236";
    const { actor, licence } = await issuedTo("李晓梅", { fatherName: "陈志强", fatherIdNumber: father, weightGrams: "3250" });
    const file = await getMyLicenceFile(handle.db, actor, licence.id, { locale: "zh-CN", origin, now });
    expect(file.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(file.fileName).toMatch(/\.pdf$/);
    // A subset CJK font: tens of KB, not the 2.5 MB of the full font.
    expect(file.bytes.length).toBeLessThan(200_000);
    expect(readPdfSeal(file.bytes, licenceKeys().publicKey)).toEqual({ ok: true, identifier: licence.identifier, version: 1 });

    const doc = await PDFDocument.load(file.bytes);
    expect(doc.getTitle()).toBeTruthy();
    expect(doc.getSubject()).toBe(licence.identifier);
    // Page text is compressed glyph ids, so the masking is checked on what the page prints.
    const content = licencePdfContent(
      { ...licence, typeNameZh: "证", typeNameEn: "Permit", typeCode: "X", issuerNameEn: "Bureau", status: "valid" },
      { locale: "zh-CN", verifyUrl: `${origin}/verify?c=x`, verifyPageUrl: `${origin}/verify`, now },
    );
    const printed = JSON.stringify(content);
    expect(printed).not.toContain(licence.holderCode);
    expect(printed).not.toContain(father);
    expect(printed).toContain("440304**********36");
    expect(content.sections[1]!.rows.map((r) => r.label).sort()).toEqual(["体重（克）", "父亲姓名", "父亲身份证号"].sort());

    const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, "licence.download"), eq(auditLog.entityId, licence.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.personId).toBe(licence.holderPersonId);
  });

  it("is verified as genuine and current, and refused when any single byte is changed", async () => {
    const { actor, licence } = await issuedTo("王建国");
    const file = await getMyLicenceFile(handle.db, actor, licence.id, { locale: "en", origin, now });
    expect(await verifyLicenceFile(handle.db, file.bytes, { now })).toMatchObject({ result: "valid", holderName: "王*国" });

    // One byte at the start, in the page content, in the seal itself, and at the very end.
    const seal = file.bytes.indexOf("/OWSeal <") + 12;
    for (const at of [7, Math.floor(file.bytes.length / 2), seal, file.bytes.length - 2]) {
      const copy = Buffer.from(file.bytes);
      copy[at] = copy[at]! ^ 0x01;
      const result = await verifyLicenceFile(handle.db, copy, { now });
      expect(result.result, `byte ${at} changed`).toBe("invalid");
    }
    // Upper-casing a hex digit of the seal keeps its value but changes a byte: refused too.
    const upper = Buffer.from(file.bytes);
    const letter = upper.indexOf(/[a-f]/.exec(upper.toString("latin1", seal, seal + 128))![0], seal);
    upper[letter] = upper[letter]! - 32;
    expect(await verifyLicenceFile(handle.db, upper, { now })).toMatchObject({ result: "invalid", reason: "no_seal" });
    // Appending bytes (an incremental update) is a change as well.
    expect((await verifyLicenceFile(handle.db, Buffer.concat([file.bytes, Buffer.from("\n% x\n")]), { now })).result).toBe("invalid");

    const rows = await handle.db.select().from(licenceVerifications).where(eq(licenceVerifications.licenceId, licence.id));
    expect(rows.map((r) => [r.method, r.result])).toEqual([["pdf", "valid"]]);
  });

  it("says not current once the licence is revoked or expired, from the library's live record", async () => {
    const { actor, licence } = await issuedTo("张秀英");
    const file = await getMyLicenceFile(handle.db, actor, licence.id, { locale: "zh-CN", origin, now });
    expect(await verifyLicenceFile(handle.db, file.bytes, { now: new Date("2027-12-01T04:00:00Z") })).toMatchObject({ result: "expired" });
    await handle.db.update(licences).set({ status: "revoked", statusReason: "测试注销" }).where(eq(licences.id, licence.id));
    expect(await verifyLicenceFile(handle.db, file.bytes, { now })).toMatchObject({ result: "revoked" });
    // And a revoked licence is no longer offered as a file.
    await expect(getMyLicenceFile(handle.db, actor, licence.id, { locale: "zh-CN", origin, now })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses files sealed with another key, files without a seal, and what is not a PDF", async () => {
    const { actor, licence } = await issuedTo("黄伟");
    const file = await getMyLicenceFile(handle.db, actor, licence.id, { locale: "zh-CN", origin, now });
    const blank = Buffer.from(file.bytes);
    const seal = blank.indexOf("/OWSeal <") + 9;
    blank.write("0".repeat(128), seal, "latin1");
    const { privateKey } = generateKeyPairSync("ed25519");
    const forged = sealPdf(blank, privateKey);
    expect(await verifyLicenceFile(handle.db, forged, { now })).toMatchObject({ result: "invalid", reason: "bad_signature" });

    const unsealed = await (await PDFDocument.create()).save();
    expect(await verifyLicenceFile(handle.db, unsealed, { now })).toMatchObject({ result: "invalid", reason: "no_seal" });
    expect(await verifyLicenceFile(handle.db, Buffer.from("hello"), { now })).toMatchObject({ result: "invalid", reason: "not_pdf" });
    expect(await verifyLicenceFile(handle.db, Buffer.alloc(3 * 1024 * 1024, 0x25), { now })).toMatchObject({ result: "invalid" });
  });

  it("gives a resident only their own licence", async () => {
    const owner = await issuedTo("周敏");
    const other = await createCitizenUser(handle.db, "Test#Pass2026", { name: "陈志强" });
    await expect(getMyLicenceFile(handle.db, citizenActor(other), owner.licence.id, { locale: "zh-CN", origin, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMyLicenceFile(handle.db, citizenActor(other), "not-a-uuid", { locale: "zh-CN", origin, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("draws a rare name character (昪) from the fallback font instead of dropping it", async () => {
    const pdf = await renderLicencePdf({
      lang: "zh-CN",
      heading: "电子证照",
      title: "测试证照",
      statusLine: "有效",
      sections: [{ heading: "照面信息", rows: [{ label: "姓名", value: "王昪" }] }],
      qr: { url: `${origin}/verify?c=x`, caption: "扫码" },
      notes: [],
      licence: { identifier: "1.2.156.3005.2.X", version: 1 },
      attachment: { fileName: "m.json", json: {} },
      keywords: [],
      producedAt: now,
    });
    const fonts = Buffer.from(pdf).toString("latin1").match(/\/BaseFont \/[\w-]+/g) ?? [];
    expect(new Set(fonts).size).toBeGreaterThanOrEqual(3);
  });
});
