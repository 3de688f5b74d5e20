import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database, DbHandle } from "./index";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
const grantsFile = path.join(process.cwd(), "db", "roles", "grants.sql");

/** The role the served app's login belongs to: no ownership, no UPDATE/DELETE on append-only tables. */
export const APP_ROLE = "onewindow_app";

/**
 * Applies the committed drizzle-kit migrations (both engines read the same folder), then the
 * least-privilege grants of db/roles/grants.sql in one transaction. Run as the owner.
 */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.engine === "postgres") {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(handle.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
  }
  await applyGrants(handle);
}

/** Runs db/roles/grants.sql; idempotent, so every migrate (and every start) re-derives the grants. */
export async function applyGrants(handle: DbHandle): Promise<void> {
  const statements = readFileSync(grantsFile, "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter((s) => s.replace(/^--.*$/gm, "").trim() !== "");
  await handle.db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
}

export type { Database };
