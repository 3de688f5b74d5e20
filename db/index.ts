import "server-only";
import { env } from "@/lib/env";
import { openDatabase, type Database, type DbHandle } from "./client";

export type { Database, DbHandle, Executor, Transaction } from "./client";

const globalForDb = globalThis as unknown as {
  __onewindowDb?: Promise<DbHandle>;
  __onewindowReadDb?: Promise<DbHandle>;
};

/**
 * The process-wide database, opened on first use rather than at import: `next build` imports
 * server modules while collecting page data, and PGlite is a single-writer, single-connection
 * database, so there must be exactly one instance per process.
 */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.__onewindowDb ??= openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR,
    poolMax: env.DATABASE_POOL_MAX,
    applicationName: "onewindow",
    viaPooler: env.DATABASE_DIRECT_URL !== undefined,
  });
  return globalForDb.__onewindowDb;
}

/** The primary: every write, and every read that must see the caller's own writes at once. */
export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

/**
 * For reads that tolerate a few seconds of replication lag — dashboards, proactive lists, the
 * catalogue: a streaming standby (DATABASE_REPLICA_URL) when one is configured, the primary
 * otherwise. Never write through it, and never use it for a page that shows what its viewer
 * just did (a filing, a status change): the standby may not have replayed it yet.
 */
export async function getReadDb(): Promise<Database> {
  if (!env.DATABASE_URL || !env.DATABASE_REPLICA_URL) return getDb();
  globalForDb.__onewindowReadDb ??= openDatabase({
    databaseUrl: env.DATABASE_REPLICA_URL,
    poolMax: env.DATABASE_POOL_MAX,
    applicationName: "onewindow-read",
    viaPooler: env.DATABASE_DIRECT_URL !== undefined,
  });
  return (await globalForDb.__onewindowReadDb).db;
}

/** Ends this process's connections (primary and replica), e.g. on shutdown or after a test. */
export async function closeDatabases(): Promise<void> {
  const handles = [globalForDb.__onewindowDb, globalForDb.__onewindowReadDb];
  globalForDb.__onewindowDb = undefined;
  globalForDb.__onewindowReadDb = undefined;
  for (const handle of handles) if (handle) await (await handle).close();
}
