/**
 * `npm run bench -- [--persons N] [--applications N] [--reuse] [--runs N] [--rollups-by-trigger] [--db NAME]`
 * Seeds a city into a fresh database (the PostgreSQL server in DATABASE_URL, as database
 * onewindow_bench; else an in-memory PGlite), then times the queries behind each role's home
 * page and the sign-in lookup. Prints numbers; asserts nothing.
 */
import { onceOnlyShare } from "@/lib/catalogue/once-only-share";
import { Client } from "pg";
import { eq, sql } from "drizzle-orm";
import { openDatabase, rowsOf, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { persons, serviceCentres, services, users } from "@/db/schema";
import { DEMO_ID } from "@/db/seed/demo";
import { stableUuid } from "@/db/seed/random";
import { listStaff } from "@/lib/admin/list-staff";
import { searchServices } from "@/lib/services/search-services";
import { recommendServicesForResident } from "@/lib/eligibility/recommend-services-for-resident";
import { referenceRules } from "@/lib/eligibility/reference";
import { buildEligibilityQuery, loadServiceRules } from "@/lib/eligibility/rules";
import { day, withoutServed } from "@/lib/eligibility/sql-fragments";
import { listProactiveServices } from "@/lib/proactive/list-proactive-services";
import { getClerkOverview } from "@/lib/applications/get-clerk-overview";
import { getClerkApplicationOrThrow } from "@/lib/applications/get-clerk-application";
import { listClerkQueue } from "@/lib/applications/list-clerk-queue";
import { lookupResident } from "@/lib/persons/lookup-resident";
import { listMyApplicationsPage } from "@/lib/applications/list-my-applications-page";
import type { Actor } from "@/lib/auth/actor";
import { addCalendarDays } from "@/lib/calendar/working-days";
import { getDashboard } from "@/lib/metrics/get-dashboard";
import { getSupervisorOverview } from "@/lib/metrics/get-supervisor-overview";
import { listDashboardApplications } from "@/lib/metrics/list-dashboard-applications";
import { listFollowUps } from "@/lib/metrics/list-follow-ups";
import { listMyNotifications } from "@/lib/notifications/list-my-notifications";
import { getMyProfile } from "@/lib/persons/get-my-profile";
import { seedDatabase } from "@/db/seed";
import { DEMO_PASSWORD } from "@/db/seed/demo";
import { hashPassword } from "@/lib/auth/password";
import { signingKeyFromSeed } from "@/lib/licences/signing";
import { parseArgs, positiveInt } from "./lib/args";
import { chinaToday, seedInto } from "./lib/prepare";

async function openBenchDatabase(reuse: boolean, name: string): Promise<DbHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openDatabase({ pgliteDir: "memory://" });
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--db must be a plain database name: ${name}`);
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
  const args = parseArgs(process.argv.slice(2), { persons: "100000", applications: "", runs: "20", reuse: false, "rollups-by-trigger": false, db: "onewindow_bench" });
  const personsN = positiveInt(args.persons, "persons");
  const applicationsN = args.applications ? positiveInt(args.applications, "applications") : Math.round(personsN * 0.8);
  const runs = positiveInt(args.runs, "runs");
  const handle = await openBenchDatabase(args.reuse, args.db);
  console.log(`Engine: ${handle.engine}`);
  if (args.reuse) {
    await migrateDatabase(handle);
  } else if (args["rollups-by-trigger"]) {
    // For comparison only: the seed with the rollup triggers on during the bulk load.
    await migrateDatabase(handle);
    const started = performance.now();
    const summary = await seedDatabase(handle.db, {
      seed: "bench",
      persons: personsN,
      applications: applicationsN,
      today: chinaToday(),
      signingKey: signingKeyFromSeed("be".repeat(32)),
      passwordHash: await hashPassword(DEMO_PASSWORD),
      log: (m) => console.log(`  ${m}`),
      rollupsByTrigger: true,
    });
    await handle.db.execute(sql`ANALYZE`);
    console.log(`seed (rollups by trigger): ${summary.applications} applications in ${((performance.now() - started) / 1000).toFixed(1)} s`);
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
  // Issue 12: the share of required materials a register supplies (no upload), catalogue-wide and per life event.
  const once = await onceOnlyShare(handle.db);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(`once only: ${once.withoutUpload} of ${once.required} required materials need no upload (${pct(once.share)})`);
  for (const b of once.bundles) console.log(`  ${b.nameZh} (${b.code}): ${b.withoutUpload} of ${b.required} (${pct(b.share)})`);
  console.log("");

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
  // Issue 11: the catalogue is a district centre's 事项清单 (300+ services), searched as residents type.
  await time("catalogue search: one term (营业执照)", runs, () => searchServices(handle.db, { q: "营业执照" }));
  await time("catalogue search: two terms (身份证 补办)", runs, () => searchServices(handle.db, { q: "身份证 补办" }));
  await time("catalogue search: description only (短信告知)", runs, () => searchServices(handle.db, { q: "短信告知" }));
  await time("catalogue: whole list, one theme (business)", runs, () => searchServices(handle.db, { theme: "business" }));
  await time("citizen recommendations (all rules, one query)", runs, () => recommendServicesForResident(handle.db, citizen));
  // Issue 11: the compiled definitions against the first build's hand-written SQL, side by side.
  const rules = await loadServiceRules(handle.db);
  const on = chinaToday();
  const handWritten = sql.join(
    rules.map((r) => sql`(SELECT ${r.serviceId}::uuid AS service_id, c.person_id, c.subject_person_id, '[]'::jsonb AS reason
      FROM (${referenceRules[r.code as keyof typeof referenceRules].candidates({ today: on })}) c)`),
    sql` UNION ALL `,
  );
  const countsOf = (query: ReturnType<typeof sql>) =>
    handle.db.execute(sql`SELECT q.service_id, count(DISTINCT q.person_id), count(DISTINCT q.subject_person_id) FROM (${query}) q GROUP BY q.service_id`);
  const proactiveRuns = Math.max(3, Math.round(runs / 4));
  for (let round = 0; round < 2; round++) {
    await time("proactive counts, all services: hand-written SQL (reference)", proactiveRuns, () =>
      countsOf(withoutServed(handWritten, rules.map((r) => r.serviceId), day(on), { setWise: true })),
    );
    await time("proactive counts, all services: compiled definitions", proactiveRuns, () => countsOf(buildEligibilityQuery(rules, { today: on })));
  }
  await time("proactive services page (SUP001, compiled, scoped)", proactiveRuns, () => listProactiveServices(handle.db, supervisor, {}));
  await time("clerk home, department clerk (PSB001)", runs, () => getClerkOverview(handle.db, clerk));
  await time("clerk home, comprehensive window (FT001)", runs, () => getClerkOverview(handle.db, windowClerk));
  await time("supervisor overview, whole city (SUP001)", runs, () => getSupervisorOverview(handle.db, supervisor));
  await time("supervisor overview, one centre (SUP002)", runs, () => getSupervisorOverview(handle.db, centreSupervisor));
  await time("admin staff list", runs, () => listStaff(handle.db, admin));

  // Issue 4: the clerk's queue (open work, a closed status, a deep page), detail and look-up.
  for (const [who, actor] of [["PSB001", clerk], ["FT001", windowClerk]] as const) {
    await time(`clerk queue, open, page 1 (${who})`, runs, () => listClerkQueue(handle.db, actor, {}));
    await time(`clerk queue, completed, page 1 (${who})`, runs, () => listClerkQueue(handle.db, actor, { status: "completed" }));
    await time(`clerk queue, overdue (red) (${who})`, runs, () => listClerkQueue(handle.db, actor, { light: "red" }));
  }
  let deep = await listClerkQueue(handle.db, clerk, { status: "completed" });
  for (let page = 0; page < 20 && deep.nextCursor; page++) deep = await listClerkQueue(handle.db, clerk, { status: "completed", after: deep.nextCursor });
  const deepCursor = deep.nextCursor ?? undefined;
  await time("clerk queue, completed, page 21 (PSB001)", runs, () => listClerkQueue(handle.db, clerk, { status: "completed", after: deepCursor }));
  const [openApp] = (await listClerkQueue(handle.db, clerk, {})).rows;
  if (openApp) await time("clerk application detail (logs licence reads)", runs, () => getClerkApplicationOrThrow(handle.db, clerk, openApp.id));
  await time("clerk ID look-up (logs licence reads)", runs, () => lookupResident(handle.db, clerk, DEMO_ID.liXiaomei));

  // Issue 5 dashboards: a year of rollups per cut, plus the live figures from applications.
  const today = chinaToday();
  const year = { from: addCalendarDays(today, -364), to: today };
  const [busiest] = rowsOf<{ id: string }>(
    await handle.db.execute(sql`SELECT service_id AS id FROM applications GROUP BY service_id ORDER BY count(*) DESC LIMIT 1`),
  );
  const [futian] = await handle.db.select({ id: serviceCentres.id }).from(serviceCentres).where(eq(serviceCentres.code, "futian"));
  const [svc] = busiest ? await handle.db.select({ code: services.code }).from(services).where(eq(services.id, busiest.id)) : [];
  await time("dashboard: whole city, one year (SUP001)", runs, () => getDashboard(handle.db, supervisor, year));
  await time(`dashboard: one service, one year (${svc?.code ?? "?"})`, runs, () =>
    getDashboard(handle.db, supervisor, { ...year, service: busiest?.id }),
  );
  await time("dashboard: one centre by month, one year", runs, () =>
    getDashboard(handle.db, supervisor, { ...year, centre: futian?.id, groupBy: "month" }),
  );
  await time("dashboard: by department, one year", runs, () => getDashboard(handle.db, supervisor, { ...year, groupBy: "department" }));
  await time("dashboard: centre supervisor, 30 days (SUP002)", runs, () => getDashboard(handle.db, centreSupervisor, {}));
  await time("dashboard: reuse per clerk, one year", runs, () => getDashboard(handle.db, supervisor, { ...year, groupBy: "clerk" }));
  await time("drill-down: completed, one year, page 1", runs, () =>
    listDashboardApplications(handle.db, supervisor, { ...year, metric: "completed" }),
  );
  await time("drill-down: overdue now, page 1", runs, () => listDashboardApplications(handle.db, supervisor, { ...year, metric: "overdue" }));
  await time("follow-ups list, open first", runs, () => listFollowUps(handle.db, supervisor, { status: "open" }));
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
