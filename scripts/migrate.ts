/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL or the PGlite folder. */
import { migrateDatabase } from "@/db/migrate";
import { openOwnerFromEnv } from "./lib/prepare";

async function main() {
  const handle = await openOwnerFromEnv();
  await migrateDatabase(handle);
  await handle.close();
  console.log(`Migrated (${handle.engine}).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
