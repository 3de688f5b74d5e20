/**
 * The app as the benchmarks run it: a seeded city of a given size (a database of its own on the
 * PostgreSQL server in DATABASE_URL, default the local one, or PGlite), the production build,
 * and `npm start`'s server on a port, in a process group of its own.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { rowsOf } from "@/db/client";
import { ensureLocalSecrets } from "./local-secrets";
import { chinaToday, ensureBuild, openFromEnv, seedInto } from "./prepare";

export async function databaseEnv(opts: { pglite: boolean; persons: number; reuse: boolean }): Promise<Record<string, string>> {
  if (opts.pglite) return { PGLITE_DIR: `.data/bench-http-${opts.persons}` };
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `onewindow_bench_http_${opts.persons}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  if (!exists || !opts.reuse) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

export async function seedIfNeeded(env: NodeJS.ProcessEnv, persons: number, signingKeyHex: string, mfaKeyHex: string): Promise<void> {
  const handle = await openFromEnv(env);
  try {
    const [row] = rowsOf<{ n: number }>(
      await handle.db.execute(sql`SELECT CASE WHEN to_regclass('public.persons') IS NULL THEN 0 ELSE (SELECT count(*) FROM persons) END::int AS n`),
    );
    const count = row?.n ?? 0;
    if (count === persons) {
      console.log(`Reusing the seeded city (${persons} residents)`);
      return;
    }
    console.log(`Seeding ${persons} residents…`);
    const { seconds } = await seedInto(handle, {
      persons,
      applications: Math.round(persons * 0.8),
      seed: "onewindow",
      today: chinaToday(),
      signingKeyHex,
      mfaKeyHex,
      reset: true,
    });
    console.log(`Seeded in ${seconds.toFixed(1)} s`);
  } finally {
    await handle.close();
  }
}

export async function waitUntilServing(url: string, server: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs / 1000} s`);
}


export type BenchServer = { base: string; pid: number; stop: () => void };

/** Seeds if needed, builds if needed, starts the server and waits until it answers `probe`. */
export async function startBenchServer(opts: {
  persons: number;
  port: number;
  reuse: boolean;
  pglite: boolean;
  processes?: string;
  probe: string;
}): Promise<BenchServer> {
  const secrets = ensureLocalSecrets();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...secrets,
    ...(await databaseEnv({ pglite: opts.pglite, persons: opts.persons, reuse: opts.reuse })),
    NODE_ENV: "production",
    PORT: String(opts.port),
    LOG_LEVEL: "warn",
    ...(opts.processes ? { WEB_CONCURRENCY: opts.processes } : {}),
  };
  if (opts.pglite) delete env.DATABASE_URL;
  await seedIfNeeded(env, opts.persons, secrets.LICENCE_SIGNING_KEY, secrets.MFA_ENCRYPTION_KEY);
  ensureBuild(env);
  const server = spawn("npx", ["tsx", "scripts/start.ts"], { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  const base = `http://127.0.0.1:${opts.port}`;
  const stop = () => {
    // The server runs in its own process group: end it and its app processes together.
    if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  };
  try {
    await waitUntilServing(`${base}${opts.probe}`, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, pid: server.pid ?? 0, stop };
}
