import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf, type DbHandle } from "@/db/client";
import { APP_ROLE, migrateDatabase } from "@/db/migrate";
import { resetDatabase } from "@/db/reset";
import { seedDatabase } from "@/db/seed";
import { createBulkLoader } from "@/db/seed/bulk-load";
import { hashPassword } from "@/lib/auth/password";
import { signingKeyFromSeed } from "@/lib/licences/signing";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { seedDemoSecondFactor } from "@/db/seed/demo-second-factor";

export type SeedSize = { persons: number; applications: number };
export const DEMO_SIZE: SeedSize = { persons: 5000, applications: 4000 };

/** China's calendar date today, the reference every relative seed date hangs from. */
export function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The database as the served app (and the daily jobs) see it: DATABASE_URL, or PGlite; the
 * primary itself (DATABASE_DIRECT_URL) when the app's URL is a transaction-mode pooler.
 */
export async function openFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<DbHandle> {
  return openDatabase({ databaseUrl: env.DATABASE_DIRECT_URL || env.DATABASE_URL || undefined, pgliteDir: env.PGLITE_DIR || ".data/pglite" });
}

/** The owner's connection, for migrations, grants and seeding: DATABASE_OWNER_URL, else DATABASE_URL. */
export async function openOwnerFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<DbHandle> {
  return openDatabase({
    databaseUrl: env.DATABASE_OWNER_URL || env.DATABASE_DIRECT_URL || env.DATABASE_URL || undefined,
    pgliteDir: env.PGLITE_DIR || ".data/pglite",
  });
}

/** The login role `npm start` and the e2e server create for the app when only the owner's URL is given. */
export const APP_LOGIN = "onewindow_web";

/**
 * The URL the server connects with. PGlite has one role: nothing to do. With DATABASE_OWNER_URL
 * set, the operator provisioned both roles and DATABASE_URL is the app's own. With DATABASE_URL
 * alone (a developer's or CI's server), that URL is the owner's: a login role in onewindow_app
 * is created — or its password reset — from it, and the app connects as that role. An owner
 * that may not create roles is served as is, with a warning.
 */
export async function provisionAppLogin(owner: DbHandle, env: NodeJS.ProcessEnv, password: string): Promise<string | undefined> {
  if (owner.engine === "pglite" || !env.DATABASE_URL) return undefined;
  if (env.DATABASE_OWNER_URL) return env.DATABASE_URL;
  if (!/^[0-9a-f]{32,}$/.test(password)) throw new Error("the app login password must be 32+ hex characters");
  try {
    await owner.db.execute(
      sql.raw(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_LOGIN}') THEN
          CREATE ROLE ${APP_LOGIN} LOGIN IN ROLE ${APP_ROLE};
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`),
    );
    await owner.db.execute(sql.raw(`ALTER ROLE ${APP_LOGIN} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`));
    await owner.db.execute(
      sql.raw(`DO $$ BEGIN
        IF NOT pg_has_role('${APP_LOGIN}', '${APP_ROLE}', 'MEMBER') THEN GRANT ${APP_ROLE} TO ${APP_LOGIN}; END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`),
    );
  } catch (error) {
    console.warn(
      `WARNING: could not create the app's login role (${(error as Error).message}); the app connects as the owner.\n` +
        `  Set DATABASE_OWNER_URL (migrations) and DATABASE_URL (a member of ${APP_ROLE}) to run with least privilege.`,
    );
    return env.DATABASE_URL;
  }
  const url = new URL(env.DATABASE_URL);
  url.username = APP_LOGIN;
  url.password = password;
  return url.toString();
}

export async function seedInto(
  handle: DbHandle,
  opts: SeedSize & { seed: string; today: string; signingKeyHex: string; mfaKeyHex?: string; reset: boolean },
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
  // The demo staff sign in with the README's published authenticator secret, sealed with the
  // key the server will use (MFA_ENCRYPTION_KEY).
  const mfaKeyHex = opts.mfaKeyHex ?? process.env.MFA_ENCRYPTION_KEY;
  if (mfaKeyHex) await seedDemoSecondFactor(handle.db, { mfaKey: Buffer.from(mfaKeyHex, "hex") });
  else console.log("  demo staff have no authenticator (no MFA_ENCRYPTION_KEY): they enrol on first sign-in");
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
