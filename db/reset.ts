import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";

/** Empties the database completely (schema and migration journal) so the seed starts clean. */
export async function resetDatabase(handle: DbHandle): Promise<void> {
  await handle.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await handle.db.execute(sql`DROP SCHEMA public CASCADE`);
  await handle.db.execute(sql`CREATE SCHEMA public`);
}
