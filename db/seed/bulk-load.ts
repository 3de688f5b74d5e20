/**
 * The seed's write path: rows go into PostgreSQL with COPY (pg-copy-streams on node-postgres,
 * `COPY … FROM '/dev/blob'` on PGlite) instead of INSERT statements, one long COPY per table on
 * a connection of its own so the tables of a part load side by side; the tables' secondary
 * indexes and foreign keys are dropped for the load and rebuilt after it in one sorted pass
 * each. The generators decide what the rows are; this module only decides how they are written.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { Pool, PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { DbHandle } from "../client";

export type Row = Record<string, unknown>;

/** One table's rows on their way in; `write` resolves when the rows are handed on (backpressure). */
export type TableWriter = {
  write: (rows: readonly Row[]) => Promise<void>;
  /** Finishes the COPY; the rows are committed when it resolves. */
  end: () => Promise<void>;
};

/** Wall-clock seconds of a rebuild, and per table the seconds its own index and key builds took. */
export type Restored = { seconds: number; perTable: Record<string, number> };

export type TableStats = { rows: number; copySeconds: number; indexSeconds: number };

export type BulkLoader = {
  /** Connections the loader writes over at once (1 on PGlite). */
  parallelism: number;
  /** What was loaded per table: rows, seconds from open to commit, index rebuild seconds. */
  stats: Map<string, TableStats>;
  open: (table: string, columns: readonly string[]) => Promise<TableWriter>;
  /** Drops the tables' secondary indexes and foreign keys; the result rebuilds exactly those. */
  deferIndexes: (tables: readonly string[]) => Promise<{ restore: () => Promise<Restored> }>;
};

// ---------------------------------------------------------------------------------------------
// COPY text format: tab-separated, \N for NULL, backslash escapes.

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  const text = typeof value === "string" ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => (c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t")) : text;
}

/** Rows as COPY text lines, in `columns` order. */
export function copyText(columns: readonly string[], rows: readonly Row[]): string {
  let out = "";
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) out += "\t";
      out += copyValue(row[columns[i] as string]);
    }
    out += "\n";
  }
  return out;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const copySql = (table: string, columns: readonly string[]) =>
  `COPY ${ident(table)} (${columns.map(ident).join(", ")}) FROM STDIN`;

// ---------------------------------------------------------------------------------------------
// Deferred indexes: read their definitions from the catalogue, drop, and re-run them later.

type Job = { table: string; sql: string };
type Deferred = { drops: string[]; creates: Job[]; constraints: Job[] };

const DEFINITIONS_SQL = `
  SELECT 'index' AS kind, t.relname AS table_name, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
   WHERE n.nspname = 'public' AND t.relname = ANY($1::text[])
     AND NOT x.indisprimary
     AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('u', 'x'))
  UNION ALL
  SELECT CASE c.contype WHEN 'f' THEN 'fkey' ELSE 'unique' END, t.relname, c.conname, pg_get_constraintdef(c.oid)
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
   WHERE n.nspname = 'public' AND c.contype IN ('f', 'u')
     AND (t.relname = ANY($1::text[])
          OR (c.contype = 'f' AND c.confrelid IN (SELECT oid FROM pg_class WHERE relname = ANY($1::text[]) AND relnamespace = n.oid)))
   ORDER BY 1, 2, 3`;

type Definition = { kind: "index" | "fkey" | "unique"; table_name: string; name: string; definition: string };

function planDeferred(defs: Definition[]): Deferred {
  const fkeys = defs.filter((d) => d.kind === "fkey");
  const uniques = defs.filter((d) => d.kind === "unique");
  const indexes = defs.filter((d) => d.kind === "index");
  return {
    // Foreign keys first (a unique constraint may be what one of them references).
    drops: [
      ...fkeys.map((d) => `ALTER TABLE ${ident(d.table_name)} DROP CONSTRAINT ${ident(d.name)}`),
      ...uniques.map((d) => `ALTER TABLE ${ident(d.table_name)} DROP CONSTRAINT ${ident(d.name)}`),
      ...indexes.map((d) => `DROP INDEX ${ident(d.name)}`),
    ],
    creates: [
      ...uniques.map((d) => ({ table: d.table_name, sql: `ALTER TABLE ${ident(d.table_name)} ADD CONSTRAINT ${ident(d.name)} ${d.definition}` })),
      ...indexes.map((d) => ({ table: d.table_name, sql: d.definition })),
    ],
    constraints: fkeys.map((d) => ({ table: d.table_name, sql: `ALTER TABLE ${ident(d.table_name)} ADD CONSTRAINT ${ident(d.name)} ${d.definition}` })),
  };
}

/** Runs the plan's index builds, then its foreign keys, over `lanes` connections, timing each job. */
async function rebuild(plan: Deferred, lanes: number, run: (sql: string) => Promise<void>): Promise<Restored> {
  const started = performance.now();
  const perTable: Record<string, number> = {};
  const inLanes = async (jobs: Job[]) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(lanes, jobs.length)) }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++] as Job;
          const t = performance.now();
          await run(job.sql);
          perTable[job.table] = (perTable[job.table] ?? 0) + (performance.now() - t) / 1000;
        }
      }),
    );
  };
  await inLanes(plan.creates);
  // Validating a foreign key reads both tables: after every index it may use exists.
  await inLanes(plan.constraints);
  return { seconds: (performance.now() - started) / 1000, perTable };
}

// ---------------------------------------------------------------------------------------------
// node-postgres

function pgLoader(pool: Pool, parallelism: number): Omit<BulkLoader, "stats"> {
  const run = async (sql: string) => {
    const client = await pool.connect();
    try {
      // Rebuilding an index is one sort; give it memory for that (this session only).
      await client.query("SET maintenance_work_mem = '256MB'");
      await client.query(sql);
    } finally {
      client.release(true); // discard: the session's settings never reach the app's pool use
    }
  };
  return {
    parallelism,
    async open(table, columns) {
      const client: PoolClient = await pool.connect();
      // Set from the stream's error event; a holder, so the checks below are not narrowed away.
      const state: { failed: Error | null } = { failed: null };
      try {
        await client.query("BEGIN");
        // Seed data can be regenerated: do not wait for each commit's WAL flush.
        await client.query("SET LOCAL synchronous_commit = off");
      } catch (e) {
        client.release(true);
        throw e;
      }
      const stream = client.query(copyFrom(copySql(table, columns)));
      const done = new Promise<void>((resolve, reject) => {
        stream.on("finish", resolve);
        stream.on("error", (e: Error) => {
          state.failed = e;
          reject(e);
        });
      });
      done.catch(() => {});
      return {
        async write(rows) {
          if (state.failed) throw state.failed;
          if (rows.length === 0) return;
          if (!stream.write(copyText(columns, rows))) {
            // The stream's own "error" listener above records a failure; here only wait.
            await Promise.race([new Promise<void>((resolve) => stream.once("drain", resolve)), done]);
            const failure = state.failed as Error | null; // set meanwhile by the error listener
            if (failure) throw failure;
          }
        },
        async end() {
          try {
            stream.end();
            await done;
            await client.query("COMMIT");
            client.release();
          } catch (e) {
            client.release(true);
            throw e;
          }
        },
      };
    },
    async deferIndexes(tables) {
      const client = await pool.connect();
      let plan: Deferred;
      try {
        plan = planDeferred((await client.query<Definition>(DEFINITIONS_SQL, [tables])).rows);
        for (const drop of plan.drops) await client.query(drop);
      } finally {
        client.release();
      }
      return { restore: () => rebuild(plan, parallelism, run) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PGlite: one connection, so one COPY at a time, each a chunk handed over as a blob.

function pgliteLoader(client: PGlite): Omit<BulkLoader, "stats"> {
  return {
    parallelism: 1,
    open(table, columns) {
      const sql = `COPY ${ident(table)} (${columns.map(ident).join(", ")}) FROM '/dev/blob'`;
      return Promise.resolve({
        async write(rows) {
          if (rows.length === 0) return;
          await client.query(sql, [], { blob: new Blob([copyText(columns, rows)]) });
        },
        end: () => Promise.resolve(),
      });
    },
    async deferIndexes(tables) {
      const defs = await client.query<Definition>(DEFINITIONS_SQL, [tables]);
      const plan = planDeferred(defs.rows);
      for (const drop of plan.drops) await client.exec(drop);
      return {
        restore: () =>
          rebuild(plan, 1, async (sql) => {
            await client.exec(sql);
          }),
      };
    },
  };
}

/** Counts rows and seconds per table around an engine's loader. */
function withStats(loader: Omit<BulkLoader, "stats">): BulkLoader {
  const stats = new Map<string, TableStats>();
  const entry = (table: string) => {
    let e = stats.get(table);
    if (!e) stats.set(table, (e = { rows: 0, copySeconds: 0, indexSeconds: 0 }));
    return e;
  };
  return {
    ...loader,
    stats,
    async open(table, columns) {
      const started = performance.now();
      const writer = await loader.open(table, columns);
      const e = entry(table);
      return {
        write: (rows) => {
          e.rows += rows.length;
          return writer.write(rows);
        },
        end: async () => {
          await writer.end();
          e.copySeconds += (performance.now() - started) / 1000;
        },
      };
    },
    async deferIndexes(tables) {
      const deferred = await loader.deferIndexes(tables);
      return {
        async restore() {
          const result = await deferred.restore();
          for (const [t, seconds] of Object.entries(result.perTable)) entry(t).indexSeconds += seconds;
          return result;
        },
      };
    },
  };
}

/** The COPY loader for a database handle; `parallelism` connections on PostgreSQL (default 3). */
export function createBulkLoader(handle: DbHandle, parallelism = 3): BulkLoader {
  if (!handle.driver) throw new Error("this database handle exposes no driver for COPY");
  return withStats(handle.driver.engine === "postgres" ? pgLoader(handle.driver.pool, parallelism) : pgliteLoader(handle.driver.client));
}

/** Writes the rows of several tables side by side, one writer each (a generated chunk at a time). */
export async function writeTables(writers: Record<string, TableWriter>, rows: Record<string, readonly Row[]>): Promise<void> {
  await Promise.all(Object.entries(rows).map(([table, r]) => (writers[table] as TableWriter).write(r)));
}

