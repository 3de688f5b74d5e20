/**
 * Next.js calls `register` once when a server instance starts. The Node.js runtime competes for
 * the deployment's background work — the notification outbox worker (SMS behind one adapter) and
 * the hourly run of the idempotent daily jobs (expiry flags, booking window, upload clean-up) —
 * which only the process holding the leader lock runs; the edge runtime has no database.
 * NEXT_RUNTIME is set by Next itself (and lets the edge bundle drop the import), so it is read
 * here rather than through lib/env.ts.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startBackgroundWork } = await import("./lib/jobs/start-background-work");
    startBackgroundWork();
  }
}
