import { mkdirSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool } from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Both engines' drizzle instances share this interface; lib code sees only this. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** What a lib function takes when it may run inside a caller's transaction. */
export type Executor = Database | Transaction;

export type DbHandle = {
  db: Database;
  engine: "pglite" | "postgres";
  close: () => Promise<void>;
  /** The driver underneath, for what drizzle does not do (COPY in db/seed/bulk-load.ts). */
  driver?: { engine: "postgres"; pool: Pool } | { engine: "pglite"; client: PGlite };
};

export type OpenOptions = {
  databaseUrl?: string;
  pgliteDir?: string;
  /** Connections this process may open to the server (node-postgres pool `max`); default 10. */
  poolMax?: number;
  /** Shown in pg_stat_activity, so a replica's or a worker's connections can be told apart. */
  applicationName?: string;
  /**
   * The URL goes through a transaction-mode pooler (PgBouncer): send no startup `options`,
   * which PgBouncer refuses, and rely on `jit = off` being set on the role or database instead.
   */
  viaPooler?: boolean;
};

/**
 * Opens a database: a `pg` pool when a URL is given, otherwise PGlite in `pgliteDir`.
 * The PGlite module is imported only when needed so a PostgreSQL deployment never loads WASM.
 * The pool keeps no session state the app relies on (no session SET, no session advisory lock,
 * no named prepared statement, no LISTEN), so a transaction-mode pooler can sit in front of it.
 */
export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const { Pool: PgPool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    // JIT compilation costs seconds on the portal's short aggregate queries (measured: 3.2 s of a
    // 3.9 s proactive count at 100k residents) and never pays back on them, so it is off.
    const pool: Pool = new PgPool({
      connectionString: options.databaseUrl,
      max: options.poolMax ?? 10,
      ...(options.viaPooler ? {} : { options: "-c jit=off" }),
      ...(options.applicationName ? { application_name: options.applicationName } : {}),
      // A server that does not answer fails a connection in 5 s instead of hanging the request.
      connectionTimeoutMillis: 5000,
    });
    // An idle connection the server closes (restart, failover, a dropped test database) must
    // not crash the process: the pool replaces it on the next query.
    pool.on("error", (error) => {
      console.warn(`postgres pool: idle connection closed (${error.message})`);
    });
    const db = drizzle({ client: pool, schema }) as unknown as Database;
    return { db, engine: "postgres", close: () => pool.end(), driver: { engine: "postgres", pool } };
  }
  const dir = options.pgliteDir ?? ".data/pglite";
  const { PGlite: PGliteClass } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client: PGlite = await PGliteClass.create(dir);
  const db = drizzle({ client, schema }) as unknown as Database;
  return { db, engine: "pglite", close: () => client.close(), driver: { engine: "pglite", client } };
}

/** Rows of a raw `db.execute(sql…)` result: both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Awaits lazy drizzle queries one after another, keeping the tuple of their results. Inside a
 * transaction there is one connection: `Promise.all` would only queue the queries on it (which
 * pg deprecates and pg 9 refuses), so this says what really happens.
 */
export async function inTurn<T extends readonly unknown[]>(queries: readonly [...{ [K in keyof T]: PromiseLike<T[K]> }]): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as unknown as T;
}
