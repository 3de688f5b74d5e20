/**
 * `npm run bench -- [--persons N] [--applications N] [--reuse] [--runs N]`
 * Seeds a city into a fresh database (the PostgreSQL server in DATABASE_URL, as database
 * onewindow_bench; else an in-memory PGlite), then times the queries behind each role's home
 * page and the sign-in lookup. Prints numbers; asserts nothing.
 */
import { Client } from "pg";
import { eq, sql } from "drizzle-orm";
import { openDatabase, rowsOf, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { persons, users } from "@/db/schema";
import { DEMO_ID } from "@/db/seed/demo";
import { stableUuid } from "@/db/seed/random";
import { listStaff } from "@/lib/admin/list-staff";
import { recommendServicesForResident } from "@/lib/eligibility/recommend-services-for-resident";
import { getClerkOverview } from "@/lib/applications/get-clerk-overview";
import { listMyApplicationsPage } from "@/lib/applications/list-my-applications-page";
import type { Actor } from "@/lib/auth/actor";
import { getSupervisorOverview } from "@/lib/metrics/get-supervisor-overview";
import { listMyNotifications } from "@/lib/notifications/list-my-notifications";
import { getMyProfile } from "@/lib/persons/get-my-profile";
import { parseArgs, positiveInt } from "./lib/args";
import { chinaToday, seedInto } from "./lib/prepare";

async function openBenchDatabase(reuse: boolean): Promise<DbHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openDatabase({ pgliteDir: "memory://" });
  const name = "onewindow_bench";
  if (!reuse) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return openDatabase({ databaseUrl: url.toString() });
}

async function time(label: string, runs: number, f: () => Promise<unknown>) {
  await f(); // warm caches and plans
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await f();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  console.log(`${label.padEnd(44)} median ${at(0.5).toFixed(1).padStart(8)} ms   p95 ${at(0.95).toFixed(1).padStart(8)} ms`);
}

async function actorFor(handle: DbHandle, userId: string): Promise<Actor> {
  const [u] = await handle.db.select().from(users).where(eq(users.id, userId));
  if (!u) throw new Error(`no user ${userId}`);
  return { id: u.id, role: u.role, displayName: u.displayName, personId: u.personId, departmentId: u.departmentId, centreId: u.centreId };
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { persons: "100000", applications: "", runs: "20", reuse: false });
  const personsN = positiveInt(args.persons, "persons");
  const applicationsN = args.applications ? positiveInt(args.applications, "applications") : Math.round(personsN * 0.8);
  const runs = positiveInt(args.runs, "runs");
  const handle = await openBenchDatabase(args.reuse);
  console.log(`Engine: ${handle.engine}`);
  if (args.reuse) {
    await migrateDatabase(handle);
  } else {
    const { seconds, summary } = await seedInto(handle, {
      persons: personsN,
      applications: applicationsN,
      seed: "bench",
      today: chinaToday(),
      signingKeyHex: "be".repeat(32),
      reset: false,
    });
    console.log(`seed: ${summary.persons} persons, ${summary.licences} licences, ${summary.applications} applications, ${summary.events} events in ${seconds.toFixed(1)} s (${Math.round(summary.persons / seconds)} persons/s)`);
  }
  const [counts] = rowsOf<{ persons: number; applications: number; licences: number }>(
    await handle.db.execute(
      sql`SELECT (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM applications)::int AS applications, (SELECT count(*) FROM licences)::int AS licences`,
    ),
  );
  console.log(`database: ${JSON.stringify(counts)}; ${runs} runs each\n`);

  const citizen = await actorFor(handle, stableUuid(`user:${DEMO_ID.liXiaomei}`));
  const clerk = await actorFor(handle, stableUuid("user:PSB001"));
  const windowClerk = await actorFor(handle, stableUuid("user:FT001"));
  const supervisor = await actorFor(handle, stableUuid("user:SUP001"));
  const centreSupervisor = await actorFor(handle, stableUuid("user:SUP002"));
  const admin = await actorFor(handle, stableUuid("user:ADM001"));

  await time("sign-in lookup by resident ID number", runs, () =>
    handle.db.select({ id: users.id }).from(users).innerJoin(persons, eq(persons.id, users.personId)).where(eq(persons.idNumber, DEMO_ID.liXiaomei)),
  );
  await time("citizen home (profile, applications, notices)", runs, () =>
    Promise.all([getMyProfile(handle.db, citizen), listMyApplicationsPage(handle.db, citizen, {}, 5), listMyNotifications(handle.db, citizen)]),
  );
  await time("citizen recommendations (all rules, one query)", runs, () => recommendServicesForResident(handle.db, citizen));
  await time("clerk home, department clerk (PSB001)", runs, () => getClerkOverview(handle.db, clerk));
  await time("clerk home, comprehensive window (FT001)", runs, () => getClerkOverview(handle.db, windowClerk));
  await time("supervisor overview, whole city (SUP001)", runs, () => getSupervisorOverview(handle.db, supervisor));
  await time("supervisor overview, one centre (SUP002)", runs, () => getSupervisorOverview(handle.db, centreSupervisor));
  await time("admin staff list", runs, () => listStaff(handle.db, admin));
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
