/**
 * `tsx --conditions=react-server scripts/bench-eligibility-checks.ts [--persons N] [--applications N] [--reuse] [--keep] [--proactive]`
 *
 * Throughput of the automatic eligibility checks (自动比对). Seeds a city (DATABASE_URL's server,
 * database onewindow_bench_checks, dropped afterwards unless --keep; without DATABASE_URL an
 * in-memory PGlite), files N pending primary-school applications for the city's parent-child
 * pairs (round robin, so a family may file several), runs the set-wise check once cold and
 * once over existing rows, and prints applications per second. --reuse runs on the database
 * DATABASE_URL names as it is (already seeded). --proactive also times the supervisor's
 * proactive-service count, first page and "notify all" for the elderly card.
 * Prints numbers; asserts nothing.
 */
import { Client } from "pg";
import { eq, sql } from "drizzle-orm";
import { openDatabase, rowsOf, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { services, users } from "@/db/schema";
import { stableUuid } from "@/db/seed/random";
import type { Actor } from "@/lib/auth/actor";
import { runEligibilityChecksForService } from "@/lib/eligibility/checks/run-eligibility-checks";
import { listProactiveResidents } from "@/lib/proactive/list-proactive-residents";
import { listProactiveServices } from "@/lib/proactive/list-proactive-services";
import { notifyEligibleResidents } from "@/lib/proactive/notify-eligible-residents";
import { parseArgs, positiveInt } from "./lib/args";
import { chinaToday, seedInto } from "./lib/prepare";

const BENCH_DB = "onewindow_bench_checks";
const SERVICE = "primary_school_enrolment";

async function adminQuery(serverUrl: string, statement: string) {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(statement);
  await admin.end();
}

async function openBench(reuse: boolean): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { handle: await openDatabase({ pgliteDir: "memory://" }), drop: async () => {} };
  if (reuse) return { handle: await openDatabase({ databaseUrl: serverUrl }), drop: async () => {} };
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE ${BENCH_DB}`);
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DB}`;
  return {
    handle: await openDatabase({ databaseUrl: url.toString() }),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`),
  };
}

async function timed<T>(label: string, f: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await f();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(52)} ${(seconds * 1000).toFixed(0).padStart(8)} ms`);
  return { value, seconds };
}

/** N pending enrolment applications, one INSERT … SELECT cycling over the parent-child pairs. */
async function fileApplications(handle: DbHandle, n: number): Promise<number> {
  const [service] = await handle.db.select({ id: services.id }).from(services).where(eq(services.code, SERVICE));
  if (!service) throw new Error(`no service ${SERVICE}`);
  const rows = rowsOf<{ n: number | string }>(
    await handle.db.execute(sql`WITH pairs AS (
        SELECT f.person_id AS child_id, f.relative_id AS parent_id,
          row_number() OVER (ORDER BY f.person_id, f.relative_id) - 1 AS k
        FROM family_relations f WHERE f.relation = 'parent'),
      total AS (SELECT count(*) AS n FROM pairs),
      filed AS (
        INSERT INTO applications (number, service_id, applicant_person_id, subject_person_id, status, channel, submitted_at, received_at)
        SELECT 'BENCH' || lpad(g::text, 8, '0'), ${service.id}::uuid, p.parent_id, p.child_id, 'submitted', 'online', now(), now()
        FROM generate_series(1, ${n}::int) g CROSS JOIN total JOIN pairs p ON p.k = (g - 1) % total.n
        RETURNING 1)
      SELECT count(*) AS n FROM filed`),
  );
  await handle.db.execute(sql`ANALYZE applications`);
  return Number(rows[0]?.n ?? 0);
}

async function actorFor(handle: DbHandle, staffNo: string): Promise<Actor> {
  const [u] = await handle.db.select().from(users).where(eq(users.id, stableUuid(`user:${staffNo}`)));
  if (!u) throw new Error(`no user ${staffNo}`);
  return { id: u.id, role: u.role, displayName: u.displayName, personId: u.personId, departmentId: u.departmentId, centreId: u.centreId };
}

async function benchProactive(handle: DbHandle) {
  const supervisor = await actorFor(handle, "SUP001");
  console.log("\nproactive service (SUP001, whole city)");
  const { value: list } = await timed("count per service (all rules, one statement)", () => listProactiveServices(handle.db, supervisor));
  for (const s of list) console.log(`  ${s.serviceCode.padEnd(36)} ${String(s.recipients).padStart(7)} to notify, ${s.subjects} qualifying`);
  await timed("count per service (again, warm)", () => listProactiveServices(handle.db, supervisor));
  await timed("first page, elderly card (50 rows)", () => listProactiveResidents(handle.db, supervisor, { serviceCode: "elderly_card" }));
  const { value: first } = await timed("notify all, elderly card (first time)", () =>
    notifyEligibleResidents(handle.db, supervisor, { serviceCode: "elderly_card" }),
  );
  console.log(`  ${first.newlyNotified} newly notified of ${first.eligible}, ${first.batches} batches`);
  const { value: again } = await timed("notify all, elderly card (again: idempotent)", () =>
    notifyEligibleResidents(handle.db, supervisor, { serviceCode: "elderly_card" }),
  );
  console.log(`  ${again.newlyNotified} newly notified of ${again.eligible}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { persons: "100000", applications: "100000", reuse: false, keep: false, proactive: false });
  const personsN = positiveInt(args.persons, "persons");
  const applicationsN = positiveInt(args.applications, "applications");
  const { handle, drop } = await openBench(args.reuse);
  try {
    console.log(`Engine: ${handle.engine}`);
    if (args.reuse) await migrateDatabase(handle);
    else {
      const { seconds } = await seedInto(handle, {
        persons: personsN,
        applications: Math.round(personsN * 0.4),
        seed: "bench",
        today: chinaToday(),
        signingKeyHex: "be".repeat(32),
        reset: false,
      });
      console.log(`seeded ${personsN} residents in ${seconds.toFixed(1)} s`);
    }
    if (args.proactive) await benchProactive(handle);
    console.log("\nautomatic eligibility checks, primary school enrolment");
    const { value: filed } = await timed(`file ${applicationsN} pending applications`, () => fileApplications(handle, applicationsN));
    for (const label of ["set-wise check, first run (insert)", "set-wise check, second run (replace)"]) {
      const { value, seconds } = await timed(label, () => runEligibilityChecksForService(handle.db, SERVICE));
      console.log(
        `  ${value.applications} applications (${filed} filed by the bench), ${value.rows} criterion rows, ${value.licenceReads} licence reads logged: ` +
          `${Math.round(value.applications / seconds)} applications/s, ${((seconds / Math.max(1, value.applications)) * 1000).toFixed(3)} ms per application`,
      );
    }
    const summary = rowsOf<{ criterion: string; result: string; n: number | string }>(
      await handle.db.execute(sql`SELECT criterion, result, count(*) AS n FROM eligibility_checks GROUP BY 1, 2 ORDER BY 1, 2`),
    );
    for (const r of summary) console.log(`  ${r.criterion.padEnd(28)} ${r.result.padEnd(8)} ${r.n}`);
  } finally {
    await handle.close();
    if (!args.keep) await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
