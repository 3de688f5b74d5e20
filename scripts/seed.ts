/**
 * `npm run db:seed -- --persons N [--applications N] [--seed S] [--today YYYY-MM-DD]`
 * Empties the database (DATABASE_URL, or PGlite in PGLITE_DIR) and seeds a city. The same
 * seed, size and date give the same data.
 */
import { parseArgs, positiveInt } from "./lib/args";
import { ensureLocalSecrets } from "./lib/local-secrets";
import { chinaToday, openOwnerFromEnv, seedInto } from "./lib/prepare";

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    persons: "5000",
    applications: "",
    seed: "onewindow",
    today: chinaToday(),
  });
  const persons = positiveInt(args.persons, "persons");
  const applications = args.applications ? positiveInt(args.applications, "applications") : Math.round(persons * 0.8);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(args.today)) throw new Error("--today must be YYYY-MM-DD");
  const secrets = ensureLocalSecrets();
  const handle = await openOwnerFromEnv();
  console.log(`Seeding ${persons} residents and ${applications} applications into ${handle.engine} (seed "${args.seed}", today ${args.today})`);
  const { summary, seconds } = await seedInto(handle, {
    persons,
    applications,
    seed: args.seed,
    today: args.today,
    signingKeyHex: secrets.LICENCE_SIGNING_KEY,
    mfaKeyHex: secrets.MFA_ENCRYPTION_KEY,
    reset: true,
  });
  await handle.close();
  console.log(JSON.stringify(summary, null, 2));
  console.log(`Seed finished in ${seconds.toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
