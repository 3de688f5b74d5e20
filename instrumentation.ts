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

/**
 * Every error Next catches while rendering, in a route handler or an action (Next 15+'s hook).
 * The database being away is an outage: noted (proxy.ts then answers pages with the branded 503
 * until the probe sees it back), logged once without a stack. Anything else is a real fault,
 * logged at error with the digest the error page shows.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routerKind: string; routePath: string; routeType: string },
): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { expectedError } = await import("./lib/errors");
  const known = expectedError(error);
  if (known?.code === "UNAVAILABLE") {
    const { noteDatabaseUnavailable } = await import("./lib/health/check-database");
    noteDatabaseUnavailable(error);
    return;
  }
  const { logger } = await import("./lib/logger");
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (known) {
    logger.info({ code: known.code, path: request.path, route: context.routePath, digest }, "request refused");
    return;
  }
  logger.error({ err: error, requestId: digest, method: request.method, path: request.path, route: context.routePath, type: context.routeType }, "request failed");
}
