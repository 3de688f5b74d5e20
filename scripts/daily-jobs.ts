/**
 * `tsx --conditions=react-server scripts/daily-jobs.ts`: the once-a-day jobs, run after midnight
 * China time (the lead wires the schedule). Each job is idempotent, so a re-run is harmless.
 *  - flag open applications whose attached licence expired, and tell the applicants;
 *  - prune old API rate windows and idempotency records.
 */
import { pruneApiState } from "@/lib/api/rate-limit";
import { flagExpiredAttachments } from "@/lib/licences/flag-expired-attachments";
import { openFromEnv } from "./lib/prepare";

async function main() {
  const handle = await openFromEnv();
  try {
    const started = performance.now();
    const { flagged } = await flagExpiredAttachments(handle.db);
    await pruneApiState(handle.db);
    console.log(`Daily jobs done (${handle.engine}): ${flagged} application(s) flagged for expired licences in ${Math.round(performance.now() - started)} ms.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
