import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { isDatabaseUnavailable } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { claimProbe, databaseDownSince, markDatabaseDown, markDatabaseUp, releaseProbe } from "./database-state";

const PROBE_EVERY_MS = 1000;
const PROBE_TIMEOUT_MS = 2000;

async function ping(): Promise<void> {
  const db = await getDb();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("timeout exceeded when trying to connect"), { code: "ETIMEDOUT" })), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.execute(sql`SELECT 1`), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** One check, as /api/health answers it: reachable or not, and since when it has been away. */
export async function checkDatabase(): Promise<{ reachable: boolean; downSince: number | null }> {
  try {
    await ping();
    markDatabaseUp();
    return { reachable: true, downSince: null };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    noteDatabaseUnavailable(error);
    return { reachable: false, downSince: databaseDownSince() };
  }
}

/**
 * Called wherever a connection error surfaces. The first one is logged (once, at warn, no
 * stack: the database being away is an outage, not a bug), and a probe pings every second
 * until a query succeeds, so pages come back without restarting the app.
 */
export function noteDatabaseUnavailable(error: unknown): void {
  if (markDatabaseDown()) {
    logger.warn({ reason: error instanceof Error ? error.message : String(error) }, "database unreachable: serving the outage page");
  }
  if (!claimProbe()) return;
  const loop = () => {
    ping()
      .then(() => {
        markDatabaseUp();
        releaseProbe();
        logger.info("database reachable again");
      })
      .catch(() => setTimeout(loop, PROBE_EVERY_MS).unref());
  };
  setTimeout(loop, PROBE_EVERY_MS).unref();
}
