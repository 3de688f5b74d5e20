import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applicationDrafts, auditLog, serviceBundles, uploads } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { citizenActor, createCitizenUser, createDepartment, createPerson, createService, relate } from "@/lib/testing/factories";
import { storeUpload } from "@/lib/uploads/store-upload";
import { deleteDraft, draftHref, listMyDrafts, loadDraft, saveDraft, saveDraftSchema, type SaveDraftInput } from "./drafts";

let h: DbHandle;
let serviceCode: string;
let bundleCode: string;
beforeAll(async () => {
  h = await createTestDatabase();
  serviceCode = (await createService(h.db, (await createDepartment(h.db)).id, { nameZh: "居住证申领" })).code;
  bundleCode = `bundle_${Date.now()}`;
  await h.db.insert(serviceBundles).values({ code: bundleCode, nameZh: "出生一件事", nameEn: "Birth", descriptionZh: "-", descriptionEn: "-", theme: "birth" });
});
afterAll(async () => {
  await h.close();
});

const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function resident() {
  const made = await createCitizenUser(h.db, "Secret2026");
  return { ...made, actor: citizenActor(made) };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const input = (over: Partial<SaveDraftInput> = {}) =>
  saveDraftSchema.parse({ target: { kind: "service", code: serviceCode }, subjectPersonId: null, answers: {}, ...over });

describe("drafts", () => {
  it("saves an incomplete form, replaces it on the next save, restores answers and uploads, and lists it", async () => {
    const { actor } = await resident();
    const file = await storeUpload(h.db, actor, { fileName: "租赁合同.pdf", bytes: pdf });
    const material = randomUUID();
    await saveDraft(h.db, actor, input({ answers: { employer: "", phone: "123" } }), new Date("2026-11-20T01:00:00Z"));
    const saved = await saveDraft(h.db, actor, input({ answers: { employer: "华创电子", phone: "" }, uploads: { [material]: file.id } }));

    const rows = await h.db.select().from(applicationDrafts).where(eq(applicationDrafts.personId, actor.personId ?? ""));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(saved.id);
    const loaded = await loadDraft(h.db, actor, { kind: "service", code: serviceCode });
    expect(loaded).toMatchObject({
      subjectPersonId: null,
      answers: { employer: "华创电子", phone: "" },
      uploads: { [material]: { id: file.id, fileName: "租赁合同.pdf" } },
      updatedAt: saved.updatedAt,
    });
    expect(await listMyDrafts(h.db, actor)).toEqual([
      expect.objectContaining({ kind: "service", code: serviceCode, nameZh: "居住证申领", updatedAt: saved.updatedAt }),
    ]);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityId, saved.id));
    expect(audits.map((a) => a.action)).toEqual(["draft.save", "draft.save"]);
  });

  it("keeps a bundle's draft apart from a service's, with its child, and links back to the child", async () => {
    const { actor } = await resident();
    const child = await createPerson(h.db, { birthDate: "2026-11-01" });
    await relate(h.db, actor.personId ?? "", child.id);
    await saveDraft(h.db, actor, input({ answers: { ethnicity: "汉族" } }));
    await saveDraft(h.db, actor, input({ target: { kind: "bundle", code: bundleCode }, subjectPersonId: child.id, answers: { ethnicity: "回族" } }));
    expect((await loadDraft(h.db, actor, { kind: "bundle", code: bundleCode }))?.answers).toEqual({ ethnicity: "回族" });
    expect((await loadDraft(h.db, actor, { kind: "service", code: serviceCode }))?.answers).toEqual({ ethnicity: "汉族" });
    const list = await listMyDrafts(h.db, actor);
    const bundle = list.find((d) => d.kind === "bundle");
    expect(bundle).toMatchObject({ nameZh: "出生一件事", subjectPersonId: child.id });
    expect(draftHref(bundle ?? { kind: "bundle", code: "", subjectPersonId: null })).toBe(`/my/apply/bundle/${bundleCode}?for=${child.id}`);
  });

  it("is the resident's own: another resident neither sees nor deletes it", async () => {
    const owner = await resident();
    const other = await resident();
    await saveDraft(h.db, owner.actor, input({ answers: { a: "1" } }));
    expect(await loadDraft(h.db, other.actor, { kind: "service", code: serviceCode })).toBeNull();
    expect(await listMyDrafts(h.db, other.actor)).toEqual([]);
    expect(await deleteDraft(h.db, other.actor, { kind: "service", code: serviceCode })).toBe(false);
    expect(await loadDraft(h.db, owner.actor, { kind: "service", code: serviceCode })).not.toBeNull();
  });

  it("refuses another resident's upload, an attached upload, a stranger child and an unknown service", async () => {
    const { actor } = await resident();
    const other = await resident();
    const theirs = await storeUpload(h.db, other.actor, { fileName: "x.pdf", bytes: pdf });
    const e = await refusal(saveDraft(h.db, actor, input({ uploads: { [randomUUID()]: theirs.id } })));
    expect(e).toMatchObject({ code: "VALIDATION", messageKey: "errors.drafts.uploadsNotYours" });

    const mine = await storeUpload(h.db, actor, { fileName: "y.pdf", bytes: pdf });
    await saveDraft(h.db, actor, input({ uploads: { [randomUUID()]: mine.id } }));
    // Once an application claims the file it is no longer the draft's.
    await h.db.update(uploads).set({ applicationId: randomUUID() }).where(eq(uploads.id, mine.id));
    expect((await loadDraft(h.db, actor, { kind: "service", code: serviceCode }))?.uploads).toEqual({});
    expect((await refusal(saveDraft(h.db, actor, input({ uploads: { [randomUUID()]: mine.id } })))).code).toBe("VALIDATION");

    const stranger = await createPerson(h.db);
    expect((await refusal(saveDraft(h.db, actor, input({ subjectPersonId: stranger.id })))).code).toBe("NOT_FOUND");
    expect((await refusal(saveDraft(h.db, actor, input({ target: { kind: "service", code: "no_such_service" } })))).code).toBe("NOT_FOUND");
  });

  it("deletes the draft once, with an audit row", async () => {
    const { actor } = await resident();
    const saved = await saveDraft(h.db, actor, input({ answers: { a: "1" } }));
    expect(await deleteDraft(h.db, actor, { kind: "service", code: serviceCode })).toBe(true);
    expect(await deleteDraft(h.db, actor, { kind: "service", code: serviceCode })).toBe(false);
    expect(await loadDraft(h.db, actor, { kind: "service", code: serviceCode })).toBeNull();
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityId, saved.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["draft.delete", "draft.save"]);
  });

  it("takes the form's shape, bounded in size", () => {
    expect(saveDraftSchema.safeParse({ target: { kind: "service", code: serviceCode }, subjectPersonId: null, answers: { a: 1 } }).success).toBe(false);
    expect(saveDraftSchema.safeParse({ target: { kind: "service", code: serviceCode }, subjectPersonId: null, answers: { "a b": "x" } }).success).toBe(false);
    expect(saveDraftSchema.safeParse({ target: { kind: "other", code: serviceCode }, subjectPersonId: null, answers: {} }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, "x"]));
    expect(saveDraftSchema.safeParse({ target: { kind: "service", code: serviceCode }, subjectPersonId: null, answers: many }).success).toBe(false);
    const big = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, "x".repeat(1000)]));
    expect(saveDraftSchema.safeParse({ target: { kind: "service", code: serviceCode }, subjectPersonId: null, answers: big }).success).toBe(false);
    expect(saveDraftSchema.safeParse({ target: { kind: "service", code: serviceCode }, subjectPersonId: null, answers: { f: "" } }).success).toBe(true);
  });

  it("is for residents only", async () => {
    const staff = { id: randomUUID(), role: "clerk" as const, displayName: "x", personId: null, departmentId: null, centreId: null };
    expect((await refusal(loadDraft(h.db, staff, { kind: "service", code: serviceCode }))).code).toBe("FORBIDDEN");
  });
});
