/**
 * Next.js calls `register` once when a server instance starts. The Node.js runtime starts the
 * notification outbox worker (SMS behind one adapter) and the hourly run of the idempotent
 * daily jobs (expiry flags, booking window, upload clean-up); the edge runtime has no database.
 * NEXT_RUNTIME is set by Next itself (and lets the edge bundle drop the import), so it is read
 * here rather than through lib/env.ts.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startDeliveryWorker } = await import("./lib/notifications/delivery/start-delivery-worker");
    startDeliveryWorker();
    const { startDailyJobsWorker } = await import("./lib/jobs/start-daily-jobs-worker");
    startDailyJobsWorker();
  }
}
