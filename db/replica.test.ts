import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as DbModule from "./index";
import { clusterToolsMissing, freePort, startPrimary, startStandby, stopAndRemove, workDir, type Cluster } from "./pg-cluster";

/**
 * Beyond one machine: a real primary (initdb) and a real streaming standby (pg_basebackup -R)
 * of its own, the app's db module pointed at both through DATABASE_URL and DATABASE_REPLICA_URL.
 * With the standby's replay paused, a filing is at once in its filer's list (primary) while the
 * supervisor dashboard, which reads getReadDb(), does not show it yet; once replay resumes it
 * does. Runs in the PostgreSQL pass of `npm test` (DATABASE_URL set) where initdb is installed.
 */
const skipReason = !process.env.DATABASE_URL ? "runs in the PostgreSQL pass (DATABASE_URL unset)" : clusterToolsMissing();
if (skipReason) console.warn(`db/replica.test.ts skipped: ${skipReason}`);

const FIRST_PORT = Number(process.env.REPLICA_TEST_PORT ?? 5441);

async function query<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Until the standby has replayed everything the primary has written so far. */
async function caughtUp(primary: Cluster, standby: Cluster, timeoutMs = 30_000): Promise<void> {
  const [current] = await query<{ lsn: string }>(primary.url(), "SELECT pg_current_wal_lsn()::text AS lsn");
  const lsn = current?.lsn;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await query<{ done: boolean }>(standby.url(), "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [lsn]);
    if (row?.done) return;
    if (Date.now() > deadline) throw new Error("the standby did not catch up");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(skipReason)("lag-tolerant reads on a streaming standby", () => {
  const saved = { url: process.env.DATABASE_URL, replica: process.env.DATABASE_REPLICA_URL };
  let root = "";
  const clusters: Cluster[] = [];
  let primary: Cluster;
  let standby: Cluster;
  let app: typeof DbModule;

  beforeAll(async () => {
    root = workDir();
    primary = startPrimary(root, await freePort(FIRST_PORT, FIRST_PORT + 8));
    clusters.push(primary);
    await query(primary.url(), "CREATE DATABASE onewindow");
    const { openDatabase } = await import("./client");
    const { migrateDatabase } = await import("./migrate");
    const { seedDatabase } = await import("./seed");
    const { createBulkLoader } = await import("./seed/bulk-load");
    const { signingKeyFromSeed } = await import("../lib/licences/signing");
    const { toChinaDate } = await import("../lib/calendar/working-days");
    const handle = await openDatabase({ databaseUrl: primary.url("onewindow") });
    await migrateDatabase(handle);
    await seedDatabase(handle.db, {
      seed: "replica",
      persons: 300,
      applications: 200,
      today: toChinaDate(new Date()),
      signingKey: signingKeyFromSeed("33".repeat(32)),
      passwordHash: "not-a-real-hash",
      loader: createBulkLoader(handle),
    });
    await handle.close();
    standby = startStandby(root, primary, await freePort(primary.port + 1, FIRST_PORT + 9));
    clusters.push(standby);
    // The app's own db module, configured the way a deployment is.
    process.env.DATABASE_URL = primary.url("onewindow");
    process.env.DATABASE_REPLICA_URL = standby.url("onewindow");
    vi.resetModules();
    app = await import("./index");
    await caughtUp(primary, standby);
  }, 240_000);

  afterAll(async () => {
    await app?.closeDatabases();
    stopAndRemove(root, clusters);
    process.env.DATABASE_URL = saved.url;
    if (saved.replica === undefined) delete process.env.DATABASE_REPLICA_URL;
    else process.env.DATABASE_REPLICA_URL = saved.replica;
  });

  it("getReadDb() is the standby and getDb() the primary", async () => {
    const { sql } = await import("drizzle-orm");
    const { rowsOf } = await import("./client");
    const recovery = async (db: Awaited<ReturnType<typeof app.getDb>>) =>
      rowsOf<{ r: boolean }>(await db.execute(sql`SELECT pg_is_in_recovery() AS r`))[0]?.r;
    expect(await recovery(await app.getReadDb())).toBe(true);
    expect(await recovery(await app.getDb())).toBe(false);
  });

  it("shows a filing to its filer at once while the dashboard, on the standby, shows it after replay", async () => {
    const { sql } = await import("drizzle-orm");
    const { rowsOf } = await import("./client");
    const { demoPersonId } = await import("./seed/demo");
    const { getDashboard } = await import("../lib/metrics/get-dashboard");
    const { listMyApplicationsPage } = await import("../lib/applications/list-my-applications-page");
    const { submitApplication } = await import("../lib/applications/submit-application");
    const { supervisorActor } = await import("../lib/testing/proactive-factories");
    const primaryDb = await app.getDb();
    const readDb = await app.getReadDb();
    const [user] = rowsOf<{ id: string; display_name: string; person_id: string }>(
      await primaryDb.execute(sql`SELECT id, display_name, person_id FROM users WHERE person_id = ${demoPersonId("liXiaomei")}`),
    );
    if (!user) throw new Error("the demo resident has no account");
    const resident = { id: user.id, role: "citizen" as const, displayName: user.display_name, personId: user.person_id, departmentId: null, centreId: null };
    const supervisor = supervisorActor(null);
    const submitted = async (db: typeof readDb) => (await getDashboard(db, supervisor, {})).figures.submitted;
    const before = await submitted(readDb);
    expect(await submitted(primaryDb)).toBe(before);

    await query(standby.url(), "SELECT pg_wal_replay_pause()");
    try {
      const filed = await submitApplication(primaryDb, resident, {
        serviceCode: "social_insurance_record_print",
        subjectPersonId: null,
        idempotencyKey: randomUUID(),
        answers: { periodFrom: "2025-01-01", periodTo: "2026-11-01", purpose: "school" },
        consent: true,
      });
      // Read-your-own-writes: the filer's list comes from the primary.
      const mine = await listMyApplicationsPage(primaryDb, resident, {}, 5);
      expect(mine.rows.map((r) => r.number)).toContain(filed.number);
      expect(await submitted(primaryDb)).toBe(before + 1);
      // The standby has not replayed the filing: the dashboard really reads the standby.
      expect(await submitted(readDb)).toBe(before);
    } finally {
      await query(standby.url(), "SELECT pg_wal_replay_resume()");
    }
    await caughtUp(primary, standby);
    expect(await submitted(readDb)).toBe(before + 1);
  });
});
