import "server-only";
import { getDb } from "@/db";
import { logger } from "@/lib/logger";
import { runDailyJobs } from "./run-daily-jobs";

const globalForJobs = globalThis as unknown as { __onewindowDailyJobs?: NodeJS.Timeout; __onewindowDailyJobsFirst?: NodeJS.Timeout };

/**
 * Runs the daily housekeeping (lib/jobs/run-daily-jobs.ts) shortly after this server starts and
 * then every hour: each job is idempotent, so hourly runs catch midnight within the hour without
 * a scheduler, and several servers running it at once do no harm (lib/jobs/start-background-work.ts
 * still runs it in one process of the deployment only). Returns its stop.
 */
export function startDailyJobsWorker(intervalMs = 60 * 60_000, firstRunAfterMs = 30_000): () => void {
  const stop = () => {
    clearTimeout(globalForJobs.__onewindowDailyJobsFirst);
    clearInterval(globalForJobs.__onewindowDailyJobs);
    globalForJobs.__onewindowDailyJobs = undefined;
  };
  if (globalForJobs.__onewindowDailyJobs) return stop;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runDailyJobs(await getDb());
      logger.info(result, "daily jobs run");
    } catch (error) {
      logger.error({ err: error }, "daily jobs run failed");
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), firstRunAfterMs);
  first.unref();
  globalForJobs.__onewindowDailyJobsFirst = first;
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  globalForJobs.__onewindowDailyJobs = timer;
  return stop;
}
