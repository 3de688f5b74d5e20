import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, uploadContents, uploads } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { inClerkScope } from "@/lib/applications/clerk-scope";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { recordUploadAccess } from "@/lib/licences/record-licence-access";

/** The reason for use the resident reads in "who used my data" when staff open a file they uploaded. */
export const UPLOAD_VIEW_PURPOSE = "办件材料查阅";

export type UploadForViewer = { fileName: string; contentType: string; sizeBytes: number; content: Buffer };

/**
 * An upload's bytes for its owner, or for a clerk whose scope covers the service of the
 * application it is attached to. Anyone else — and an unattached upload for any clerk —
 * gets NOT_FOUND, exactly as for an id that does not exist. A member of staff's read is
 * logged to the owner's "who used my data", with its application, in the reading transaction:
 * a read that cannot be logged is not served. The owner's own reads are not logged.
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
    row = await db.transaction(async (tx) => {
      const [found] = await tx
        .select(columns)
        .from(uploads)
        .innerJoin(uploadContents, eq(uploadContents.uploadId, uploads.id))
        .innerJoin(applications, and(eq(applications.id, uploads.applicationId), eq(applications.applicantPersonId, uploads.ownerPersonId)))
        .where(and(eq(uploads.id, uploadId), inClerkScope(applications.serviceId, actor)));
      if (found) await recordUploadAccess(tx, { uploadId, actor, purpose: UPLOAD_VIEW_PURPOSE });
      return found;
    });
  }
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return row;
}
