import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, uploadContents, uploads } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import type { AppError } from "@/lib/errors";
import { citizenActor, createApplication, createCitizenUser, createDepartment, createService, createStaffUser } from "@/lib/testing/factories";
import { getUploadForViewerOrThrow } from "./get-upload-for-viewer";
import { storeUpload } from "./store-upload";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("rest-of-png")]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("rest-of-jpeg")]);

async function citizen() {
  return citizenActor(await createCitizenUser(h.db, "Secret2026"));
}

async function clerkOf(departmentId: string): Promise<Actor> {
  const user = await createStaffUser(h.db, "Secret2026", { departmentId });
  return { id: user.id, role: "clerk", displayName: user.displayName, personId: null, departmentId, centreId: null };
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);

describe("storing an upload", () => {
  it.each([
    ["scan.pdf", pdf, "application/pdf"],
    ["photo.png", png, "image/png"],
    ["photo.jpg", jpeg, "image/jpeg"],
    // The name says nothing: a PDF named .png is stored as a PDF.
    ["misnamed.png", pdf, "application/pdf"],
  ])("recognises %s by its bytes", async (fileName, bytes, contentType) => {
    const actor = await citizen();
    const stored = await storeUpload(h.db, actor, { fileName, bytes });
    expect(stored).toMatchObject({ fileName, contentType, sizeBytes: bytes.length });
    const [row] = await h.db.select().from(uploads).where(eq(uploads.id, stored.id));
    expect(row?.ownerPersonId).toBe(actor.personId);
    expect(row?.applicationId).toBeNull();
    expect(row?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.entityId, stored.id))).toHaveLength(1);
  });

  it("refuses HTML named .pdf, an empty file and one over 5 MiB, storing nothing", async () => {
    const actor = await citizen();
    const html = await refusal(storeUpload(h.db, actor, { fileName: "scan.pdf", bytes: Buffer.from("<html><script>alert(1)</script></html>") }));
    expect(html).toMatchObject({ code: "VALIDATION", fieldErrors: { file: "validation.uploads.type" } });
    const empty = await refusal(storeUpload(h.db, actor, { fileName: "a.pdf", bytes: new Uint8Array() }));
    expect(empty).toMatchObject({ code: "VALIDATION", fieldErrors: { file: "validation.uploads.empty" } });
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    pdf.copy(big);
    const tooLarge = await refusal(storeUpload(h.db, actor, { fileName: "big.pdf", bytes: big }));
    expect(tooLarge).toMatchObject({ code: "VALIDATION", fieldErrors: { file: "validation.uploads.tooLarge" } });
    expect(await h.db.select().from(uploads).where(eq(uploads.ownerPersonId, actor.personId ?? ""))).toHaveLength(0);
    // Exactly 5 MiB is allowed.
    const atLimit = await storeUpload(h.db, actor, { fileName: "limit.pdf", bytes: big.subarray(0, 5 * 1024 * 1024) });
    expect(atLimit.sizeBytes).toBe(5 * 1024 * 1024);
  });

  it("keeps only the base name, without control characters, at most 100 characters", async () => {
    const actor = await citizen();
    const stored = await storeUpload(h.db, actor, { fileName: `..\\..\\C:/etc/${"长".repeat(120)}\u0000.pdf`, bytes: pdf });
    expect(stored.fileName).toBe("长".repeat(100));
    expect((await storeUpload(h.db, actor, { fileName: "../", bytes: pdf })).fileName).toBe("file");
  });

  it("refuses staff", async () => {
    const dept = await createDepartment(h.db);
    await expect(storeUpload(h.db, await clerkOf(dept.id), { fileName: "a.pdf", bytes: pdf })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("reading an upload back", () => {
  it("gives the owner identical bytes and hides them from another resident", async () => {
    const owner = await citizen();
    const bytes = Buffer.concat([pdf, Buffer.from([0x00, 0xff, 0x80, 0x7f])]);
    const stored = await storeUpload(h.db, owner, { fileName: "证明.pdf", bytes });
    const read = await getUploadForViewerOrThrow(h.db, owner, stored.id);
    expect(Buffer.isBuffer(read.content)).toBe(true);
    expect(read.content.equals(bytes)).toBe(true);
    expect(read).toMatchObject({ fileName: "证明.pdf", contentType: "application/pdf", sizeBytes: bytes.length });
    const [raw] = await h.db.select().from(uploadContents).where(eq(uploadContents.uploadId, stored.id));
    expect(raw?.content.equals(bytes)).toBe(true);
    await expect(getUploadForViewerOrThrow(h.db, await citizen(), stored.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getUploadForViewerOrThrow(h.db, owner, crypto.randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows a clerk in scope the file once it is attached to an application, and no other clerk", async () => {
    const owner = await citizen();
    const dept = await createDepartment(h.db);
    const service = await createService(h.db, dept.id);
    const inScope = await clerkOf(dept.id);
    const outOfScope = await clerkOf((await createDepartment(h.db)).id);
    const stored = await storeUpload(h.db, owner, { fileName: "a.png", bytes: png });
    // Not yet part of any application: no clerk sees it.
    await expect(getUploadForViewerOrThrow(h.db, inScope, stored.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const application = await createApplication(h.db, owner.personId ?? "", service.id);
    await h.db.update(uploads).set({ applicationId: application.id }).where(eq(uploads.id, stored.id));
    expect((await getUploadForViewerOrThrow(h.db, inScope, stored.id)).content.equals(png)).toBe(true);
    await expect(getUploadForViewerOrThrow(h.db, outOfScope, stored.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getUploadForViewerOrThrow(h.db, { ...inScope, role: "supervisor" }, stored.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
