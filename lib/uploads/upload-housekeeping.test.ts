import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applicationDrafts, uploadContents, uploads } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { citizenActor, createCitizenUser } from "@/lib/testing/factories";
import { purgeUnattachedUploads } from "./purge-unattached-uploads";
import { MAX_UNATTACHED_UPLOADS, storeUpload } from "./store-upload";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => h.close());

const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% ${n}\n%%EOF\n`);

describe("upload housekeeping", () => {
  it("refuses a resident's upload beyond the quota of files waiting for an application", async () => {
    const actor = citizenActor(await createCitizenUser(h.db, "Secret2026"));
    for (let i = 0; i < MAX_UNATTACHED_UPLOADS; i++) await storeUpload(h.db, actor, { fileName: `f${i}.pdf`, bytes: pdf(i) });
    await expect(storeUpload(h.db, actor, { fileName: "one-more.pdf", bytes: pdf(99) })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { file: "validation.uploads.quota" },
    });
    // Another resident is not affected.
    const other = citizenActor(await createCitizenUser(h.db, "Secret2026"));
    await expect(storeUpload(h.db, other, { fileName: "a.pdf", bytes: pdf(1) })).resolves.toMatchObject({ fileName: "a.pdf" });
  });

  it("purges stale unattached uploads with their bytes, but keeps fresh ones and those a draft still uses", async () => {
    const actor = citizenActor(await createCitizenUser(h.db, "Secret2026"));
    const stale = await storeUpload(h.db, actor, { fileName: "stale.pdf", bytes: pdf(1) });
    const inDraft = await storeUpload(h.db, actor, { fileName: "draft.pdf", bytes: pdf(2) });
    const fresh = await storeUpload(h.db, actor, { fileName: "fresh.pdf", bytes: pdf(3) });
    const old = new Date(Date.now() - 40 * 86_400_000);
    for (const id of [stale.id, inDraft.id]) await h.db.update(uploads).set({ createdAt: old }).where(eq(uploads.id, id));
    await h.db.insert(applicationDrafts).values({ personId: actor.personId!, targetKind: "service", targetCode: "X", uploads: { m1: inDraft.id } });

    const purged = await purgeUnattachedUploads(h.db);
    expect(purged).toBe(1);
    const left = new Set((await h.db.select({ id: uploads.id }).from(uploads).where(eq(uploads.ownerPersonId, actor.personId!))).map((r) => r.id));
    expect(left.has(stale.id)).toBe(false);
    expect(left.has(inDraft.id)).toBe(true);
    expect(left.has(fresh.id)).toBe(true);
    expect(await h.db.select().from(uploadContents).where(eq(uploadContents.uploadId, stale.id))).toHaveLength(0);
    expect(await purgeUnattachedUploads(h.db)).toBe(0);
  });
});
