/**
 * Seeds a fresh, migrated database: divisions, the catalogue, the population (demo
 * households first), accounts, and a year of application history. Deterministic given
 * (seed, persons, applications, today): each part draws from its own fork of the seed's
 * generator, so changing one part does not shift the others.
 */
import type { KeyObject } from "node:crypto";
import type { Executor } from "../client";
import { seedAppointmentSlots } from "./appointments";
import { seedCatalogue } from "./catalogue";
import { seedDivisions } from "./divisions";
import { seedHistory } from "./history";
import { seedPopulation } from "./population";
import { Random } from "./random";
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
};

export type SeedSummary = {
  divisions: number;
  persons: number;
  licences: number;
  relations: number;
  users: number;
  applications: number;
  events: number;
  /** Wall-clock seconds per part (not part of the seeded data). */
  seconds: Record<"divisions" | "catalogue" | "population" | "users" | "history", number>;
};

export async function seedDatabase(db: Executor, opts: SeedOptions): Promise<SeedSummary> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new RangeError(`today must be YYYY-MM-DD: ${opts.today}`);
  const log = opts.log ?? (() => {});
  const rng = new Random(opts.seed);
  // Fork every part up front, in a fixed order.
  const populationRng = rng.fork("population");
  const historyRng = rng.fork("history");

  const seconds = { divisions: 0, catalogue: 0, population: 0, users: 0, history: 0 };
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
  const population = await timed("population", () =>
    seedPopulation(db, { rng: populationRng, persons: opts.persons, today: opts.today, signingKey: opts.signingKey, log }),
  );
  const users = await timed("users", () => seedUsers(db, { passwordHash: opts.passwordHash, today: opts.today }));
  const history = await timed("history", () =>
    seedHistory(db, { rng: historyRng, applications: opts.applications, today: opts.today, log }),
  );

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
