import "server-only";
import type { Executor } from "@/db/client";
import { pruneApiState } from "@/lib/api/rate-limit";
import { escalateOverdueSteps } from "@/lib/applications/lifecycle/apply-transition";
import { openAppointmentSlots } from "@/lib/appointments/open-slots";
import { pruneEndedSessions } from "@/lib/auth/end-session";
import { pruneSignInThrottles } from "@/lib/auth/throttle";
import { toChinaDate } from "@/lib/calendar/working-days";
import { flagExpiredAttachments } from "@/lib/licences/flag-expired-attachments";
import { purgeUnattachedUploads } from "@/lib/uploads/purge-unattached-uploads";

export type DailyJobsResult = { flagged: number; slotsOpened: number; uploadsPurged: number; escalated: number };

/**
 * The once-a-day housekeeping. Every job is idempotent, so running it hourly, twice, or on two
 * servers at once is harmless: open applications relying on a licence that expired are flagged
 * and their applicants told; each centre's booking window is opened; stale unattached uploads
 * are purged; open applications whose current step passed its own deadline are raised to the
 * department head (超期督办, once per step); old API rate windows, idempotency records, sign-in counters and expired signed-out sessions are pruned.
 */
export async function runDailyJobs(db: Executor, now = new Date()): Promise<DailyJobsResult> {
  const { flagged } = await flagExpiredAttachments(db, { now });
  const slotsOpened = await openAppointmentSlots(db, { today: toChinaDate(now) });
  const uploadsPurged = await purgeUnattachedUploads(db, { now });
  const escalated = await db.transaction((tx) => escalateOverdueSteps(tx, toChinaDate(now), now));
  await pruneApiState(db, now);
  await pruneSignInThrottles(db, now);
  await pruneEndedSessions(db, now);
  return { flagged, slotsOpened, uploadsPurged, escalated };
}
