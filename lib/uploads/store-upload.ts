import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { uploadContents, uploads } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { detectFileType, MAX_UPLOAD_BYTES, sanitiseFileName } from "./detect-file-type";

export type StoredUpload = { id: string; fileName: string; contentType: string; sizeBytes: number };

/** Files a resident may keep waiting for an application; the clean-up job removes stale ones. */
export const MAX_UNATTACHED_UPLOADS = 30;

const refuse = (key: string) => new AppError("VALIDATION", "errors.uploads.invalid", { fieldErrors: { file: `validation.uploads.${key}` } });

/**
 * Keeps a resident's file until an application claims it. The type comes from the bytes
 * alone; the row and its bytes commit together with the audit entry.
 */
export async function storeUpload(db: Executor, actor: Actor, input: { fileName: string; bytes: Uint8Array }): Promise<StoredUpload> {
  requirePermission(actor, "application:file");
  // Staff file on a resident's behalf at the counter; online uploads belong to a resident.
  const personId = actor.role === "citizen" ? actor.personId : null;
  if (!personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const { bytes } = input;
  if (bytes.length === 0) throw refuse("empty");
  if (bytes.length > MAX_UPLOAD_BYTES) throw refuse("tooLarge");
  const contentType = detectFileType(bytes);
  if (!contentType) throw refuse("type");
  const fileName = sanitiseFileName(input.fileName);
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sha256 = createHash("sha256").update(content).digest("hex");

  return db.transaction(async (tx) => {
    // One resident's uploads are counted one at a time, so two parallel uploads cannot both slip under the quota.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`uploads:${personId}`}))`);
    const [waiting] = await tx
      .select({ n: count() })
      .from(uploads)
      .where(and(eq(uploads.ownerPersonId, personId), isNull(uploads.applicationId)));
    if ((waiting?.n ?? 0) >= MAX_UNATTACHED_UPLOADS) {
      throw new AppError("VALIDATION", "errors.uploads.invalid", {
        fieldErrors: { file: "validation.uploads.quota" },
      });
    }
    const [row] = await tx
      .insert(uploads)
      .values({ ownerPersonId: personId, fileName, contentType, sizeBytes: bytes.length, sha256, storageKey: `db:${randomUUID()}` })
      .returning({ id: uploads.id, fileName: uploads.fileName, contentType: uploads.contentType, sizeBytes: uploads.sizeBytes });
    if (!row) throw new Error("upload not stored");
    await tx.insert(uploadContents).values({ uploadId: row.id, content });
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "upload.store",
      entityType: "upload",
      entityId: row.id,
      personId,
      detail: { contentType, sizeBytes: bytes.length, sha256 },
    });
    return row;
  });
}
