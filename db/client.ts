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
};

/**
 * Opens a database: a `pg` pool when a URL is given, otherwise PGlite in `pgliteDir`.
 * The PGlite module is imported only when needed so a PostgreSQL deployment never loads WASM.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  pgliteDir?: string;
}): Promise<DbHandle> {
  if (options.databaseUrl) {
    const { Pool: PgPool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    // JIT compilation costs seconds on the portal's short aggregate queries (measured: 3.2 s of a
    // 3.9 s proactive count at 100k residents) and never pays back on them, so it is off.
    // A server that does not answer fails a connection in 5 s instead of hanging the request.
    const pool: Pool = new PgPool({ connectionString: options.databaseUrl, max: 10, options: "-c jit=off", connectionTimeoutMillis: 5000 });
    // An idle connection the server closes (restart, failover, a dropped test database) must
    // not crash the process: the pool replaces it on the next query.
    pool.on("error", (error) => {
      console.warn(`postgres pool: idle connection closed (${error.message})`);
    });
    const db = drizzle({ client: pool, schema }) as unknown as Database;
    return { db, engine: "postgres", close: () => pool.end() };
  }
  const dir = options.pgliteDir ?? ".data/pglite";
  const { PGlite: PGliteClass } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client: PGlite = await PGliteClass.create(dir);
  const db = drizzle({ client, schema }) as unknown as Database;
  return { db, engine: "pglite", close: () => client.close() };
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
