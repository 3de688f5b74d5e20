import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { resetDatabase } from "@/db/reset";
import { seedDatabase } from "@/db/seed";
import { createBulkLoader } from "@/db/seed/bulk-load";
import { hashPassword } from "@/lib/auth/password";
import { signingKeyFromSeed } from "@/lib/licences/signing";
import { DEMO_PASSWORD } from "@/db/seed/demo";

export type SeedSize = { persons: number; applications: number };
export const DEMO_SIZE: SeedSize = { persons: 5000, applications: 4000 };

/** China's calendar date today, the reference every relative seed date hangs from. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Migrations and seeds go to the primary itself (DATABASE_DIRECT_URL) when the app's URL is a pooler. */
export async function openFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<DbHandle> {
  return openDatabase({ databaseUrl: env.DATABASE_DIRECT_URL || env.DATABASE_URL || undefined, pgliteDir: env.PGLITE_DIR || ".data/pglite" });
}

export async function seedInto(
  handle: DbHandle,
  opts: SeedSize & { seed: string; today: string; signingKeyHex: string; reset: boolean },
) {
  if (opts.reset) await resetDatabase(handle);
  await migrateDatabase(handle);
  const started = performance.now();
  const loader = createBulkLoader(handle);
  const summary = await seedDatabase(handle.db, {
    seed: opts.seed,
    persons: opts.persons,
    applications: opts.applications,
    today: opts.today,
    signingKey: signingKeyFromSeed(opts.signingKeyHex),
    passwordHash: await hashPassword(DEMO_PASSWORD),
    log: (m) => console.log(`  ${m}`),
    loader,
  });
  // Fresh planner statistics: right after a bulk load they still describe empty tables, and
  // the planner then picks bitmap scans over whole licence types (seconds instead of ms).
  const analyzeStarted = performance.now();
  await handle.db.execute(sql`ANALYZE`);
  const seconds = (performance.now() - started) / 1000;
  printTableTimes(loader.stats, (performance.now() - analyzeStarted) / 1000);
  return { summary, seconds };
}

/** Per table: rows, seconds from the COPY's start to its commit, and its index and key rebuilds. */
function printTableTimes(stats: ReturnType<typeof createBulkLoader>["stats"], analyzeSeconds: number): void {
  if (stats.size === 0) return;
  console.log("  | table | rows | COPY (s, side by side) | indexes + keys (s) |");
  for (const [table, s] of stats) {
    console.log(`  | ${table} | ${s.rows.toLocaleString("en")} | ${s.copySeconds.toFixed(1)} | ${s.indexSeconds.toFixed(1)} |`);
  }
  console.log(`  ANALYZE: ${analyzeSeconds.toFixed(1)} s`);
}

/** True when the database already holds a catalogue (so a restart keeps the data). */
export async function isSeeded(handle: DbHandle): Promise<boolean> {
  const [table] = rowsOf<{ present: boolean }>(
    await handle.db.execute(sql`SELECT to_regclass('public.services') IS NOT NULL AS present`),
  );
  if (!table?.present) return false;
  const [count] = rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM services`));
  return (count?.n ?? 0) > 0;
}

const SOURCE_DIRS = ["app", "components", "lib", "db", "public"];
const SOURCE_FILES = ["next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json", "proxy.ts"];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Builds the app when there is no build or a source file is newer than it. */
export function ensureBuild(env: NodeJS.ProcessEnv): void {
  const buildId = `${env.NEXT_DIST_DIR ?? ".next"}/BUILD_ID`;
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = Math.max(...SOURCE_DIRS.map(newestMtime), ...SOURCE_FILES.map(newestMtime));
  if (built > sources) return;
  console.log("Building the app (next build)…");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (result.status !== 0) throw new Error("next build failed");
}

/** Runs `next start` in the foreground, passing signals through. */
export function startNext(port: number, env: NodeJS.ProcessEnv): void {
  const child = spawn("npx", ["next", "start", "-p", String(port)], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}
