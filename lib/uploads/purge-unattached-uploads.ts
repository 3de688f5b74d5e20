import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";

/** How long a file may wait for an application (or sit in a draft's choice) before it is removed. */
export const UNATTACHED_UPLOAD_TTL_DAYS = 30;

/**
 * Deletes uploads no application claimed within the TTL and no draft still points to, with their
 * bytes. Set-wise and idempotent; run daily (scripts/daily-jobs.ts). Returns how many went.
 */
export async function purgeUnattachedUploads(db: Executor, { now = new Date(), ttlDays = UNATTACHED_UPLOAD_TTL_DAYS } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - ttlDays * 86_400_000);
  return db.transaction(async (tx) => {
    const stale = sql`
      SELECT u.id FROM uploads u
      WHERE u.application_id IS NULL AND u.created_at < ${cutoff.toISOString()}::timestamptz
        AND NOT EXISTS (SELECT 1 FROM application_materials m WHERE m.upload_id = u.id)
        AND NOT EXISTS (
          SELECT 1 FROM application_drafts d, jsonb_each_text(d.uploads) chosen
          WHERE d.person_id = u.owner_person_id AND chosen.value = u.id::text)`;
    await tx.execute(sql`DELETE FROM upload_contents WHERE upload_id IN (${stale})`);
    const deleted = rowsOf<{ id: string }>(
      await tx.execute(sql`DELETE FROM uploads WHERE id IN (${stale}) AND NOT EXISTS (SELECT 1 FROM upload_contents c WHERE c.upload_id = uploads.id) RETURNING id`),
    );
    return deleted.length;
  });
}
