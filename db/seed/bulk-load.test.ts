import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "../client";
import { createTestDatabase } from "../testing";
import { signingKeyFromSeed } from "../../lib/licences/signing";
import { copyText, createBulkLoader } from "./bulk-load";
import { seedDatabase } from "./index";

const OPTIONS = {
  seed: "copy",
  persons: 300,
  applications: 240,
  today: "2026-10-15",
  signingKey: signingKeyFromSeed("22".repeat(32)),
  passwordHash: "not-a-real-hash",
};

/** One md5 per table over all its rows in a fixed order (the event log's identity ids left out). */
async function digest(handle: DbHandle): Promise<Record<string, string>> {
  const tables: Record<string, string> = {
    persons: "t::text ORDER BY t.id",
    family_relations: "t::text ORDER BY t.person_id, t.relative_id",
    licences: "t::text ORDER BY t.id",
    applications: "t::text ORDER BY t.id",
    application_materials: "t::text ORDER BY t.id",
    uploads: "t::text ORDER BY t.id",
    ratings: "t::text ORDER BY t.id",
    application_events:
      "(t.application_id, t.person_id, t.from_status, t.to_status, t.actor_user_id, t.actor_role, t.note, t.data, t.occurred_at)::text ORDER BY t.application_id, t.occurred_at, t.to_status",
    application_daily_stats: "t::text ORDER BY t::text",
  };
  const out: Record<string, string> = {};
  for (const [table, agg] of Object.entries(tables)) {
    const [row] = rowsOf<{ d: string; n: number }>(
      await handle.db.execute(sql.raw(`SELECT md5(string_agg(${agg.replace(" ORDER BY", ", '|' ORDER BY")})) AS d, count(*)::int AS n FROM ${table} t`)),
    );
    out[table] = `${String(row?.n)}:${String(row?.d)}`;
  }
  return out;
}

/** Index and constraint definitions of the public schema, to see that the rebuild restored them all. */
async function definitions(handle: DbHandle): Promise<string[]> {
  const rows = rowsOf<{ d: string }>(
    await handle.db.execute(sql`
      SELECT pg_get_indexdef(indexrelid) AS d FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
      UNION ALL
      SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace`),
  );
  return rows.map((r) => r.d).sort();
}

describe("COPY seeding", () => {
  let inserted: DbHandle;
  let copied: DbHandle;
  let schemaBefore: string[];

  beforeAll(async () => {
    [inserted, copied] = [await createTestDatabase(), await createTestDatabase()];
    schemaBefore = await definitions(copied);
    await seedDatabase(inserted.db, OPTIONS);
    await seedDatabase(copied.db, { ...OPTIONS, loader: createBulkLoader(copied) });
  }, 300_000);
  afterAll(async () => {
    await inserted?.close();
    await copied?.close();
  });

  it("writes exactly the rows the INSERT path writes, table by table", async () => {
    const [a, b] = [await digest(inserted), await digest(copied)];
    expect(Number(a.persons?.split(":")[0])).toBe(OPTIONS.persons);
    expect(Number(a.applications?.split(":")[0])).toBe(OPTIONS.applications);
    expect(b).toEqual(a);
  });

  it("puts back every index, unique constraint and foreign key it dropped for the load", async () => {
    expect(await definitions(copied)).toEqual(schemaBefore);
  });

  it("keeps the foreign keys enforced after the rebuild", async () => {
    await expect(
      copied.db.execute(sql`INSERT INTO family_relations (person_id, relative_id, relation) VALUES (gen_random_uuid(), gen_random_uuid(), 'spouse')`),
    ).rejects.toThrow();
  });
});

describe("copyText", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDatabase();
  });
  afterAll(async () => h?.close());

  it("round-trips tabs, newlines, backslashes, nulls, booleans, numbers and JSON through COPY", async () => {
    await h.db.execute(sql`CREATE TABLE copy_probe (id int PRIMARY KEY, t text, b boolean, j jsonb, n numeric)`);
    const rows = [
      { id: 1, t: "a\tb\nc\\d\re", b: true, j: { note: "x\ty\\z\n", list: [1, "两"] }, n: 2.5 },
      { id: 2, t: null, b: false, j: null, n: undefined },
      { id: 3, t: "\\N", b: null, j: [], n: -7 },
    ];
    const loader = createBulkLoader(h);
    const writer = await loader.open("copy_probe", ["id", "t", "b", "j", "n"]);
    await writer.write(rows);
    await writer.end();
    const back = rowsOf<{ id: number; t: string | null; b: boolean | null; j: unknown; n: string | null }>(
      await h.db.execute(sql`SELECT id, t, b, j, n::text AS n FROM copy_probe ORDER BY id`),
    );
    expect(back).toEqual([
      { id: 1, t: "a\tb\nc\\d\re", b: true, j: { note: "x\ty\\z\n", list: [1, "两"] }, n: "2.5" },
      { id: 2, t: null, b: false, j: null, n: null },
      { id: 3, t: "\\N", b: null, j: [], n: "-7" },
    ]);
    expect(copyText(["a"], [{ a: "\\N" }])).toBe("\\\\N\n");
  });
});
