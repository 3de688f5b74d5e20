/**
 * `npm start`: the one command that serves the portal with demo data. It keeps secrets in
 * .data, migrates, seeds a demo city on first start (PGlite by default, or DATABASE_URL),
 * builds when the sources changed, and serves on PORT (3000): on PostgreSQL from one
 * `next start` process per core (WEB_CONCURRENCY to choose), on PGlite from one.
 */
import { ensureLocalSecrets } from "./lib/local-secrets";
import { chinaToday, DEMO_SIZE, ensureBuild, isSeeded, openOwnerFromEnv, provisionAppLogin, seedInto } from "./lib/prepare";
import { appProcesses, serveCluster } from "./lib/serve";
import { migrateDatabase } from "@/db/migrate";

async function main() {
  const started = performance.now();
  const secrets = ensureLocalSecrets();
  const { DATABASE_APP_PASSWORD, ...serverSecrets } = secrets;
  const env: NodeJS.ProcessEnv = { ...process.env, ...serverSecrets, NODE_ENV: "production" };
  const handle = await openOwnerFromEnv(env);
  console.log(`Database: ${handle.engine === "pglite" ? `PGlite in ${env.PGLITE_DIR ?? ".data/pglite"}` : "PostgreSQL server"}`);
  if (await isSeeded(handle)) {
    await migrateDatabase(handle);
  } else {
    console.log(`Seeding a demo city (${DEMO_SIZE.persons} residents, ${DEMO_SIZE.applications} applications)…`);
    const { seconds } = await seedInto(handle, {
      ...DEMO_SIZE,
      seed: "onewindow",
      today: chinaToday(),
      signingKeyHex: secrets.LICENCE_SIGNING_KEY,
    mfaKeyHex: secrets.MFA_ENCRYPTION_KEY,
      reset: false,
    });
    console.log(`Seeded in ${seconds.toFixed(1)} s`);
  }
  const appUrl = await provisionAppLogin(handle, env, DATABASE_APP_PASSWORD);
  await handle.close();
  if (appUrl) {
    env.DATABASE_URL = appUrl;
    delete env.DATABASE_OWNER_URL;
    console.log(`The app connects as ${new URL(appUrl).username} (least privilege); migrations ran as the owner.`);
  }
  ensureBuild(env);
  const port = Number(process.env.PORT ?? 3000);
  const { processes, why } = appProcesses(env, handle.engine);
  console.log(`Prepared in ${((performance.now() - started) / 1000).toFixed(1)} s; serving http://localhost:${port} from ${processes} process${processes === 1 ? "" : "es"} (${why})`);
  serveCluster({ port, env, processes });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
