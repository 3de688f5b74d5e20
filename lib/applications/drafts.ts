import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { applicationDrafts, serviceBundles, services, uploads } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { loadApplicantContext } from "./applicant-context";
import { bundleMaterialKey } from "./bundle-schema";
import { findBundleOrThrow } from "./prepare-bundle";
import { findActiveServiceOrThrow } from "./prepare-application";

const code = z.string().regex(/^[a-z0-9_]{2,64}$/);

/** A draft belongs to one service or one bundle of one resident. */
export const draftTargetSchema = z.object({ kind: z.enum(["service", "bundle"]), code });
export type DraftTarget = z.infer<typeof draftTargetSchema>;

export const DRAFT_MAX_FIELDS = 100;
/** Characters of all answers together: a draft is what a person types, not a file store. */
export const DRAFT_MAX_CHARS = 20_000;

/**
 * A draft is checked loosely: required fields may be empty and values need not be valid yet,
 * but it must be the form's shape (field name → text) and bounded in size.
 */
export const saveDraftSchema = z.object({
  target: draftTargetSchema,
  subjectPersonId: z.uuid().nullable(),
  answers: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), z.string().max(1000, { message: "answers.tooLong" }))
    .refine((a) => Object.keys(a).length <= DRAFT_MAX_FIELDS, { message: "answers.tooLong" })
    .refine((a) => Object.values(a).reduce((n, v) => n + v.length, 0) <= DRAFT_MAX_CHARS, { message: "answers.tooLong" }),
  /** Material id (a service) or bundle material key → upload id. */
  uploads: z
    .record(z.union([z.uuid(), bundleMaterialKey]), z.uuid())
    .refine((r) => Object.keys(r).length <= 50)
    .default({}),
});
export type SaveDraftInput = z.input<typeof saveDraftSchema>;

export type SavedDraft = { id: string; updatedAt: string };

export type LoadedDraft = {
  subjectPersonId: string | null;
  answers: Record<string, string>;
  /** Only uploads the resident still owns and no application has claimed. */
  uploads: Record<string, { id: string; fileName: string }>;
  updatedAt: string;
};

export type MyDraft = {
  kind: DraftTarget["kind"];
  code: string;
  nameZh: string;
  nameEn: string;
  subjectPersonId: string | null;
  updatedAt: string;
};

function personOf(actor: Actor): string {
  requirePermission(actor, "portal:citizen");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  return actor.personId;
}

async function assertTargetExists(db: Executor, target: DraftTarget) {
  if (target.kind === "service") await findActiveServiceOrThrow(db, target.code);
  else await findBundleOrThrow(db, target.code);
}

/**
 * Saves what the resident has typed so far, one draft per (resident, service or bundle): a
 * second save replaces the first. The child must be the resident's own and every upload the
 * resident's own, not yet claimed by an application.
 */
export async function saveDraft(
  db: Executor,
  actor: Actor,
  input: z.output<typeof saveDraftSchema>,
  now = new Date(),
): Promise<SavedDraft> {
  const personId = personOf(actor);
  await assertTargetExists(db, input.target);
  // Throws NOT_FOUND for anyone but the resident's own child.
  if (input.subjectPersonId) await loadApplicantContext(db, personId, input.subjectPersonId);

  const uploadIds = [...new Set(Object.values(input.uploads))];
  if (uploadIds.length > 0) {
    const own = await db
      .select({ id: uploads.id })
      .from(uploads)
      .where(and(inArray(uploads.id, uploadIds), eq(uploads.ownerPersonId, personId), isNull(uploads.applicationId)));
    if (own.length !== uploadIds.length) throw new AppError("VALIDATION", "errors.drafts.uploadsNotYours");
  }

  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(applicationDrafts)
      .values({
        personId,
        targetKind: input.target.kind,
        targetCode: input.target.code,
        subjectPersonId: input.subjectPersonId,
        answers: input.answers,
        uploads: input.uploads,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [applicationDrafts.personId, applicationDrafts.targetKind, applicationDrafts.targetCode],
        set: { subjectPersonId: input.subjectPersonId, answers: input.answers, uploads: input.uploads, updatedAt: now },
      })
      .returning({ id: applicationDrafts.id, updatedAt: applicationDrafts.updatedAt });
    if (!row) throw new Error("draft not saved");
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "draft.save",
      entityType: "application_draft",
      entityId: row.id,
      personId,
      detail: { target: `${input.target.kind}:${input.target.code}`, fields: Object.keys(input.answers).length, uploads: uploadIds.length },
    });
    return { id: row.id, updatedAt: row.updatedAt.toISOString() };
  });
}

/** The resident's draft for a service or bundle, or null. */
export async function loadDraft(db: Executor, actor: Actor, target: DraftTarget): Promise<LoadedDraft | null> {
  const personId = personOf(actor);
  const [draft] = await db
    .select()
    .from(applicationDrafts)
    .where(
      and(
        eq(applicationDrafts.personId, personId),
        eq(applicationDrafts.targetKind, target.kind),
        eq(applicationDrafts.targetCode, target.code),
      ),
    );
  if (!draft) return null;
  const ids = [...new Set(Object.values(draft.uploads))];
  const files =
    ids.length === 0
      ? []
      : await db
          .select({ id: uploads.id, fileName: uploads.fileName })
          .from(uploads)
          .where(and(inArray(uploads.id, ids), eq(uploads.ownerPersonId, personId), isNull(uploads.applicationId)));
  const byId = new Map(files.map((f) => [f.id, f]));
  const chosen: LoadedDraft["uploads"] = {};
  for (const [material, uploadId] of Object.entries(draft.uploads)) {
    const file = byId.get(uploadId);
    if (file) chosen[material] = file;
  }
  const answers: Record<string, string> = {};
  for (const [k, v] of Object.entries(draft.answers)) if (typeof v === "string") answers[k] = v;
  return { subjectPersonId: draft.subjectPersonId, answers, uploads: chosen, updatedAt: draft.updatedAt.toISOString() };
}

/**
 * Discards the resident's draft ("discard draft", and after the application is filed).
 * Returns whether there was one.
 */
export async function deleteDraft(db: Executor, actor: Actor, target: DraftTarget): Promise<boolean> {
  const personId = personOf(actor);
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(applicationDrafts)
      .where(
        and(
          eq(applicationDrafts.personId, personId),
          eq(applicationDrafts.targetKind, target.kind),
          eq(applicationDrafts.targetCode, target.code),
        ),
      )
      .returning({ id: applicationDrafts.id });
    const row = deleted[0];
    if (!row) return false;
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "draft.delete",
      entityType: "application_draft",
      entityId: row.id,
      personId,
      detail: { target: `${target.kind}:${target.code}` },
    });
    return true;
  });
}

/** The resident's drafts, newest first, with the service's or bundle's name (one query). */
export async function listMyDrafts(db: Executor, actor: Actor, { limit = 20 }: { limit?: number } = {}): Promise<MyDraft[]> {
  const personId = personOf(actor);
  const rows = await db
    .select({
      kind: applicationDrafts.targetKind,
      code: applicationDrafts.targetCode,
      subjectPersonId: applicationDrafts.subjectPersonId,
      updatedAt: applicationDrafts.updatedAt,
      nameZh: sql<string | null>`coalesce(${services.nameZh}, ${serviceBundles.nameZh})`,
      nameEn: sql<string | null>`coalesce(${services.nameEn}, ${serviceBundles.nameEn})`,
    })
    .from(applicationDrafts)
    .leftJoin(services, and(eq(applicationDrafts.targetKind, "service"), eq(services.code, applicationDrafts.targetCode)))
    .leftJoin(serviceBundles, and(eq(applicationDrafts.targetKind, "bundle"), eq(serviceBundles.code, applicationDrafts.targetCode)))
    .where(eq(applicationDrafts.personId, personId))
    .orderBy(desc(applicationDrafts.updatedAt))
    .limit(limit);
  return rows.map((r) => ({
    kind: r.kind === "bundle" ? "bundle" : "service",
    code: r.code,
    nameZh: r.nameZh ?? r.code,
    nameEn: r.nameEn ?? r.code,
    subjectPersonId: r.subjectPersonId,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Where the resident continues a draft. */
export function draftHref(d: Pick<MyDraft, "kind" | "code" | "subjectPersonId">): string {
  const base = d.kind === "bundle" ? `/my/apply/bundle/${d.code}` : `/my/apply/${d.code}`;
  return d.subjectPersonId ? `${base}?for=${d.subjectPersonId}` : base;
}
