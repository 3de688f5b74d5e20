import "server-only";
import { BACKGROUND_WORK_KEY } from "@/db/leader-lock";
import { env } from "@/lib/env";
import { startDeliveryWorker } from "@/lib/notifications/delivery/start-delivery-worker";
import { runAsLeader, type LeaderHandle } from "./run-as-leader";
import { startDailyJobsWorker } from "./start-daily-jobs-worker";

const globalForWork = globalThis as unknown as { __onewindowBackgroundWork?: LeaderHandle };

/**
 * The SMS outbox (every 10 s) and the hourly daily jobs, run once per deployment however many
 * app processes and machines serve it: every process competes for one advisory lock on the
 * primary, and only its holder runs them. Called from instrumentation.ts.
 */
export function startBackgroundWork(): LeaderHandle {
  globalForWork.__onewindowBackgroundWork ??= runAsLeader(
    () => {
      const stops = [startDeliveryWorker(), startDailyJobsWorker()];
      return () => stops.forEach((stop) => stop());
    },
    {
      url: env.DATABASE_URL ? (env.DATABASE_DIRECT_URL ?? env.DATABASE_URL) : undefined,
      key: BACKGROUND_WORK_KEY,
    },
  );
  return globalForWork.__onewindowBackgroundWork;
}
