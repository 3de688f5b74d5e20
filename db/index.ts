import "server-only";
import { env } from "@/lib/env";
import { openDatabase, type Database, type DbHandle } from "./client";

export type { Database, DbHandle, Executor, Transaction } from "./client";

const globalForDb = globalThis as unknown as { __onewindowDb?: Promise<DbHandle> };

/**
 * The process-wide database, opened on first use rather than at import: `next build` imports
 * server modules while collecting page data, and PGlite is a single-writer, single-connection
 * database, so there must be exactly one instance per process.
 */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.__onewindowDb ??= openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR,
  });
  return globalForDb.__onewindowDb;
}

export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}
