/**
 * Seeds a fresh, migrated database: divisions, the catalogue, the population (demo
 * households first), accounts, and a year of application history. Deterministic given
 * (seed, persons, applications, today): each part draws from its own fork of the seed's
 * generator, so changing one part does not shift the others.
 */
import type { KeyObject } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { seedAppointmentSlots } from "./appointments";
import type { BulkLoader } from "./bulk-load";
import { seedCatalogue } from "./catalogue";
import { seedDivisions } from "./divisions";
import { seedHistory } from "./history";
import { seedPopulation } from "./population";
import { Random, stableUuid } from "./random";
import { seedUsers } from "./users";

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo";

export type SeedOptions = {
  seed: string;
  persons: number;
  applications: number;
  /** YYYY-MM-DD, China time: every relative date and timestamp hangs from it. */
  today: string;
  signingKey: KeyObject;
  passwordHash: string;
  log?: (m: string) => void;
  /** Keep the rollup triggers on during the bulk load (slower; for measuring the difference). */
  rollupsByTrigger?: boolean;
  /**
   * Write the population and the history with COPY (db/seed/bulk-load.ts), their tables'
   * secondary indexes and foreign keys dropped for the load and rebuilt after each part.
   * Without one, rows go in as batched INSERTs in one transaction per chunk. Same rows either way.
   */
  loader?: BulkLoader;
};

const POPULATION_TABLES = ["persons", "family_relations", "licences"] as const;
const HISTORY_TABLES = ["applications", "uploads", "application_materials", "application_events", "ratings"] as const;

export type SeedSummary = {
  divisions: number;
  persons: number;
  licences: number;
  relations: number;
  users: number;
  applications: number;
  events: number;
  /** Wall-clock seconds per part (not part of the seeded data). */
  seconds: Record<"divisions" | "catalogue" | "population" | "users" | "history" | "rollups", number>;
};

export async function seedDatabase(db: Executor, opts: SeedOptions): Promise<SeedSummary> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new RangeError(`today must be YYYY-MM-DD: ${opts.today}`);
  const log = opts.log ?? (() => {});
  const rng = new Random(opts.seed);
  // Fork every part up front, in a fixed order.
  const populationRng = rng.fork("population");
  const historyRng = rng.fork("history");

  const seconds = { divisions: 0, catalogue: 0, population: 0, users: 0, history: 0, rollups: 0 };
  const timed = async <T>(part: keyof typeof seconds, f: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await f();
    seconds[part] = Math.round((performance.now() - started) / 10) / 100;
    log(`${part}: ${seconds[part]} s`);
    return result;
  };

  const divisions = await timed("divisions", () => seedDivisions(db));
  await timed("catalogue", () => seedCatalogue(db));
  await seedAppointmentSlots(db, { today: opts.today });
  const loader = opts.loader;
  const population = await timed("population", async () => {
    const deferred = await loader?.deferIndexes(POPULATION_TABLES);
    const result = await seedPopulation(db, { rng: populationRng, persons: opts.persons, today: opts.today, signingKey: opts.signingKey, log, loader });
    // The history reads the library back by holder: its indexes must be there first.
    if (deferred) log(`population indexes and keys rebuilt in ${(await deferred.restore()).seconds.toFixed(1)} s`);
    return result;
  });
  const users = await timed("users", () => seedUsers(db, { passwordHash: opts.passwordHash, today: opts.today }));
  // The rollup triggers would upsert one row per event; off during the bulk load, then one
  // set-wise rebuild computes the same rows (proven equal in lib/metrics/metrics.test.ts).
  const bulk = !opts.rollupsByTrigger;
  if (bulk) await setRollupTriggers(db, false);
  let history: Awaited<ReturnType<typeof seedHistory>>;
  try {
    history = await timed("history", async () => {
      const deferred = await loader?.deferIndexes(HISTORY_TABLES);
      const result = await seedHistory(db, { rng: historyRng, applications: opts.applications, today: opts.today, log, loader });
      if (deferred) log(`history indexes and keys rebuilt in ${(await deferred.restore()).seconds.toFixed(1)} s`);
      return result;
    });
  } finally {
    if (bulk) await setRollupTriggers(db, true);
  }
  await timed("rollups", async () => {
    if (bulk) await db.execute(sql`SELECT rebuild_application_daily_stats()`);
    await seedRatingFollowUps(db, opts.today);
  });

  return {
    divisions,
    persons: population.persons,
    licences: population.licences,
    relations: population.relations,
    users: users.users,
    applications: history.applications,
    events: history.events,
    seconds,
  };
}

async function setRollupTriggers(db: Executor, enabled: boolean): Promise<void> {
  const action = sql.raw(enabled ? "ENABLE" : "DISABLE");
  await db.execute(sql`ALTER TABLE application_events ${action} TRIGGER application_daily_stats_event`);
  await db.execute(sql`ALTER TABLE ratings ${action} TRIGGER application_daily_stats_rating`);
}

const FOLLOW_UP_ACTIONS = [
  "已致电申请人说明原因并致歉，对窗口人员进行提醒",
  "已核实情况，优化补正告知模板，一次性告知所需材料",
  "已协调部门加快审核，并向申请人反馈处理结果",
  "已约谈相关窗口负责人，纳入月度效能考核",
];

/**
 * 好差评整改: every poor rating (1–2) gets a follow-up due 15 working days after it, set-wise.
 * Most older ones were closed in time, some late, a few are still open (deterministic by id).
 */
async function seedRatingFollowUps(db: Executor, today: string): Promise<void> {
  const supervisorId = stableUuid("user:SUP001");
  const actions = JSON.stringify(FOLLOW_UP_ACTIONS);
  await db.execute(sql`
    INSERT INTO rating_follow_ups (rating_id, application_id, person_id, service_id, centre_id, score, due_on,
                                   status, action_taken, closed_at, closed_by_user_id, created_at)
    SELECT r.id, r.application_id, r.person_id, a.service_id, a.centre_id, r.score, f.due_on,
           CASE WHEN c.close_day < ${today}::date THEN 'closed' ELSE 'open' END::follow_up_status,
           CASE WHEN c.close_day < ${today}::date THEN (${actions}::jsonb ->> (x.h % 4)) END,
           CASE WHEN c.close_day < ${today}::date
                THEN greatest((c.close_day + time '16:00') AT TIME ZONE 'Asia/Shanghai', r.created_at + interval '1 hour') END,
           CASE WHEN c.close_day < ${today}::date THEN ${supervisorId}::uuid END,
           r.created_at
      FROM ratings r
      JOIN applications a ON a.id = r.application_id
      CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text)) % 100 AS h,
                                 (r.created_at AT TIME ZONE 'Asia/Shanghai')::date AS rated_on) x
      CROSS JOIN LATERAL (SELECT add_working_days(x.rated_on, 15) AS due_on) f
      CROSS JOIN LATERAL (SELECT CASE WHEN x.h < 70 THEN x.rated_on + 1 + (x.h % 12)
                                      WHEN x.h < 85 THEN f.due_on + 1 + (x.h % 6) END AS close_day) c
     WHERE r.score <= 2
    ON CONFLICT (rating_id) DO NOTHING`);
}
