/**
 * `npm run jobs:daily`: the once-a-day jobs (lib/jobs/run-daily-jobs.ts) for a deployment that
 * schedules them outside the app (cron). The app server also runs them hourly by itself
 * (instrumentation.ts); each job is idempotent, so both together are harmless.
 */
import { runDailyJobs } from "@/lib/jobs/run-daily-jobs";
import { openFromEnv } from "./lib/prepare";

async function main() {
  const handle = await openFromEnv();
  try {
    const started = performance.now();
    const result = await runDailyJobs(handle.db);
    console.log(
      `Daily jobs done (${handle.engine}) in ${Math.round(performance.now() - started)} ms: ${result.flagged} application(s) flagged for expired licences, ${result.slotsOpened} appointment slot(s) opened, ${result.uploadsPurged} stale upload(s) purged.`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
