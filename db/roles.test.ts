import { randomBytes, randomUUID } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, rowsOf, type Database, type DbHandle } from "./client";
import { APP_ROLE } from "./migrate";
import { applicationEvents, applicationMaterials, auditLog, licenceAccessLog, licenceVerifications } from "./schema";
import { seedCatalogue } from "./seed/catalogue";
import { createTestDatabase } from "./testing";
import { processApplication } from "@/lib/applications/process-application";
import { submitApplication } from "@/lib/applications/submit-application";
import { recordAudit } from "@/lib/audit/record-audit";
import { runDailyJobs } from "@/lib/jobs/run-daily-jobs";
import { verifyLicence } from "@/lib/licences/verify-licence";
import { createClerkActor, createNewbornFamily, NEWBORN_HUKOU_ANSWERS } from "@/lib/testing/processing-factories";

/**
 * The app's database role, proven: connected as a member of onewindow_app (on PostgreSQL a
 * real login role; on PGlite, which has one login, `SET ROLE onewindow_app` on the only
 * connection), every statement that could rewrite history fails, and the ordinary work of
 * filing and processing still succeeds.
 */
let owner: DbHandle & { url?: string };
let app: Database;
let endApp: () => Promise<void>;

beforeAll(async () => {
  owner = await createTestDatabase();
  await seedCatalogue(owner.db);
  if (owner.engine === "postgres" && owner.url) {
    const login = `ow_app_test_${randomBytes(4).toString("hex")}`;
    const admin = new Client({ connectionString: owner.url });
    await admin.connect();
    await admin.query(`CREATE ROLE ${login} LOGIN IN ROLE ${APP_ROLE}`);
    await admin.end();
    const url = new URL(owner.url);
    url.username = login;
    url.password = "";
    const handle = await openDatabase({ databaseUrl: url.toString() });
    app = handle.db;
    endApp = async () => {
      await handle.close();
      const dropper = new Client({ connectionString: owner.url });
      await dropper.connect();
      await dropper.query(`DROP ROLE IF EXISTS ${login}`);
      await dropper.end();
    };
  } else {
    app = owner.db;
    endApp = async () => {
      await owner.db.execute(sql`RESET ROLE`);
    };
  }
});
afterAll(async () => {
  await endApp();
  await owner.close();
});

/** On PGlite owner and app share the one connection: each step says which it is. */
async function asApp<T>(f: (db: Database) => Promise<T>): Promise<T> {
  if (owner.engine === "pglite") await owner.db.execute(sql.raw(`SET ROLE ${APP_ROLE}`));
  try {
    return await f(app);
  } finally {
    if (owner.engine === "pglite") await owner.db.execute(sql`RESET ROLE`);
  }
}

async function errorOf(db: Database, statement: string): Promise<string> {
  try {
    await db.execute(sql.raw(statement));
    return "succeeded";
  } catch (e) {
    const err = e as { message?: string; cause?: { message?: string } };
    return `${err.cause?.message ?? ""} ${err.message ?? ""}`;
  }
}

const APPEND_ONLY = ["audit_log", "application_events", "licence_access_log", "licence_verifications"];

describe("the app role cannot rewrite history", () => {
  it("owns no table and is no superuser", async () => {
    const [who] = await asApp(async (db) =>
      rowsOf<{ me: string; owned: number; superuser: boolean }>(
        await db.execute(sql`
          SELECT current_user AS me,
                 (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned,
                 (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`),
      ),
    );
    expect(who?.me).not.toBe("postgres");
    expect(who?.owned).toBe(0);
    expect(who?.superuser).toBe(false);
  });

  it.each(APPEND_ONLY)("%s: UPDATE, DELETE and TRUNCATE are refused by privilege, not only by trigger", async (table) => {
    await asApp(async (db) => {
      const column = { audit_log: "action", application_events: "note", licence_access_log: "purpose", licence_verifications: "verifier_label" }[table];
      expect(await errorOf(db, `UPDATE ${table} SET ${column} = 'rewritten'`)).toMatch(/permission denied for table/);
      expect(await errorOf(db, `DELETE FROM ${table}`)).toMatch(/permission denied for table/);
      expect(await errorOf(db, `TRUNCATE ${table}`)).toMatch(/permission denied for table/);
    });
  });

  it("cannot switch the append-only triggers off, by table or by replication role", async () => {
    await asApp(async (db) => {
      for (const table of APPEND_ONLY) {
        expect(await errorOf(db, `ALTER TABLE ${table} DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
      }
      expect(await errorOf(db, "DROP TRIGGER audit_log_no_update_delete ON audit_log")).toMatch(/must be owner/);
      expect(await errorOf(db, "SET session_replication_role = replica")).toMatch(/permission denied to set parameter/);
      expect(
        await errorOf(db, "CREATE OR REPLACE FUNCTION reject_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"),
      ).toMatch(/must be owner|permission denied for schema public/);
    });
  });

  it("cannot create objects, change roles or grant itself more", async () => {
    await asApp(async (db) => {
      expect(await errorOf(db, "CREATE TABLE public.shadow_audit (id int)")).toMatch(/permission denied for schema public/);
      expect(await errorOf(db, `ALTER ROLE ${APP_ROLE} SUPERUSER`)).toMatch(/permission denied|must be superuser/);
      // GRANT without the grant option only warns; what matters is that nothing was granted.
      await errorOf(db, `GRANT UPDATE ON audit_log TO ${APP_ROLE}`);
      expect(await errorOf(db, "UPDATE audit_log SET action = 'x'")).toMatch(/permission denied for table/);
    });
    if (owner.engine === "postgres") {
      // Only a real login can be kept from becoming the owner again (PGlite's one login is a superuser).
      expect(await errorOf(app, "SET ROLE postgres")).toMatch(/permission denied to set role/);
    }
  });
});

describe("the app role still does the portal's work", () => {
  it("files, accepts, verifies a licence and audits, writing each append-only table", async () => {
    const family = await createNewbornFamily(owner.db);
    const clerk = await createClerkActor(owner.db, { department: "psb" });
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          ([
            ["audit_log", auditLog],
            ["application_events", applicationEvents],
            ["licence_access_log", licenceAccessLog],
            ["licence_verifications", licenceVerifications],
          ] as const).map(async ([name, table]) => [name, (await owner.db.select({ n: count() }).from(table))[0]?.n ?? 0] as const),
        ),
      );
    const before = await counts();

    await asApp(async (db) => {
      const filed = await submitApplication(db, family.actor, {
        serviceCode: "newborn_hukou",
        subjectPersonId: family.baby.id,
        idempotencyKey: randomUUID(),
        answers: NEWBORN_HUKOU_ANSWERS,
        consent: true,
      });
      const accepted = await processApplication(db, clerk, { action: "accept", applicationId: filed.id, version: 1 });
      expect(accepted.status).toBe("accepted");
      const [material] = await db
        .select({ id: applicationMaterials.id })
        .from(applicationMaterials)
        .where(eq(applicationMaterials.applicationId, filed.id))
        .limit(1);
      const materialWithLicence = await db
        .select({ id: applicationMaterials.id })
        .from(applicationMaterials)
        .where(sql`${applicationMaterials.applicationId} = ${filed.id} AND ${applicationMaterials.licenceId} IS NOT NULL`)
        .limit(1);
      expect(material).toBeDefined();
      await verifyLicence(db, clerk, { applicationId: filed.id, materialId: materialWithLicence[0]!.id });
      await recordAudit(db, { action: "test.app_role", entityType: "test" });
      // The daily jobs (flags, slots, upload purge, API pruning) run inside the server as this role.
      await runDailyJobs(db);
    });

    const after = await counts();
    for (const table of APPEND_ONLY) expect(after[table], table).toBeGreaterThan(before[table] ?? 0);
  });
});
