import "server-only";
import { noteDatabaseUnavailable } from "@/lib/health/check-database";
import { logger } from "@/lib/logger";

/**
 * Logs what a route answered with an error: a refusal (4xx) at info without a stack, the
 * database being away (503) once through the health probe, a real fault (500) at error with
 * its stack and the request id the caller was given.
 */
export function logApiFailure(error: unknown, status: number, requestId: string, route: string): void {
  if (status === 503) {
    noteDatabaseUnavailable(error);
    return;
  }
  if (status < 500) {
    const code = (error as { code?: unknown } | null)?.code;
    logger.info({ requestId, route, status, code: typeof code === "string" ? code : undefined }, "request refused");
    return;
  }
  logger.error({ err: error, requestId, route }, "request failed");
}
