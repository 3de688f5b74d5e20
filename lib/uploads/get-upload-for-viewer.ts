import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, uploadContents, uploads } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { inClerkScope } from "@/lib/applications/clerk-scope";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export type UploadForViewer = { fileName: string; contentType: string; sizeBytes: number; content: Buffer };

/**
 * An upload's bytes for its owner, or for a clerk whose scope covers the service of the
 * application it is attached to. Anyone else — and an unattached upload for any clerk —
 * gets NOT_FOUND, exactly as for an id that does not exist.
 */
export async function getUploadForViewerOrThrow(db: Executor, actor: Actor, uploadId: string): Promise<UploadForViewer> {
  const columns = {
    fileName: uploads.fileName,
    contentType: uploads.contentType,
    sizeBytes: uploads.sizeBytes,
    content: uploadContents.content,
  };
  let row: UploadForViewer | undefined;
  if (actor.role === "citizen" && actor.personId) {
    [row] = await db
      .select(columns)
      .from(uploads)
      .innerJoin(uploadContents, eq(uploadContents.uploadId, uploads.id))
      .where(and(eq(uploads.id, uploadId), eq(uploads.ownerPersonId, actor.personId)));
  } else if (can(actor.role, "licence:read-for-processing") && (actor.departmentId || actor.centreId)) {
    // Window, reviewers and approvers: an upload of an application in their scope.
    [row] = await db
      .select(columns)
      .from(uploads)
      .innerJoin(uploadContents, eq(uploadContents.uploadId, uploads.id))
      .innerJoin(applications, and(eq(applications.id, uploads.applicationId), eq(applications.applicantPersonId, uploads.ownerPersonId)))
      .where(and(eq(uploads.id, uploadId), inClerkScope(applications.serviceId, actor)));
  }
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return row;
}
