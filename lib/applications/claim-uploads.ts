import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { uploads } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Outcomes of a material check where the library cannot supply the material, so an upload may stand in. */
export const uploadableOutcomes: ReadonlySet<string> = new Set(["missing", "upload", "unusable", "expiring"]);

/**
 * Attaches the applicant's own, still unattached uploads to the new application. The
 * conditional update is the check: a file someone else owns, or one already attached
 * elsewhere (even by a concurrent submission), is not updated, and the whole filing fails.
 */
export async function claimUploads(tx: Executor, personId: string, applicationId: string, uploadIds: string[]): Promise<void> {
  if (uploadIds.length === 0) return;
  const claimed = await tx
    .update(uploads)
    .set({ applicationId })
    .where(and(inArray(uploads.id, uploadIds), eq(uploads.ownerPersonId, personId), isNull(uploads.applicationId)))
    .returning({ id: uploads.id });
  if (claimed.length !== uploadIds.length) {
    throw new AppError("VALIDATION", "errors.uploads.notYours", { internal: `claimed ${claimed.length} of ${uploadIds.length} uploads` });
  }
}
