import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { ratingFollowUps } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { seedDatabase } from "@/db/seed";
import { signingKeyFromSeed } from "@/lib/licences/signing";
import { readDailyStats, recomputeDailyStatsFromEvents } from "./recompute-from-events";

const TODAY = "2026-10-15";
let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedDatabase(h.db, {
    seed: "rollups",
    persons: 400,
    applications: 600,
    today: TODAY,
    signingKey: signingKeyFromSeed("22".repeat(32)),
    passwordHash: "not-a-real-hash",
  });
});
afterAll(async () => {
  await h.close();
});

describe("the seed's rollups (triggers off during the bulk load, then one rebuild)", () => {
  it("equal the recomputation from the seeded application events", async () => {
    const rollups = await readDailyStats(h.db);
    expect(rollups.reduce((s, r) => s + r.submitted, 0)).toBeGreaterThan(300);
    expect(rollups).toEqual(await recomputeDailyStatsFromEvents(h.db));
  });

  it("leave the triggers on afterwards", async () => {
    const triggers = rowsOf<{ tgname: string; tgenabled: string }>(
      await h.db.execute(sql`SELECT tgname, tgenabled FROM pg_trigger WHERE tgname LIKE 'application_daily_stats_%' ORDER BY tgname`),
    );
    expect(triggers).toEqual([
      { tgname: "application_daily_stats_event", tgenabled: "O" },
      { tgname: "application_daily_stats_rating", tgenabled: "O" },
    ]);
  });

  it("open a follow-up for every poor rating, due 15 working days later", async () => {
    const [poor] = rowsOf<{ n: number }>(await h.db.execute(sql`SELECT count(*)::int AS n FROM ratings WHERE score <= 2`));
    const followUps = await h.db.select().from(ratingFollowUps);
    expect(followUps).toHaveLength(poor?.n ?? -1);
    expect(followUps.length).toBeGreaterThan(0);
    const [mismatch] = rowsOf<{ n: number }>(
      await h.db.execute(sql`SELECT count(*)::int AS n FROM rating_follow_ups f JOIN ratings r ON r.id = f.rating_id
        WHERE f.due_on <> add_working_days((r.created_at AT TIME ZONE 'Asia/Shanghai')::date, 15)`),
    );
    expect(mismatch?.n).toBe(0);
    expect((await h.db.select().from(ratingFollowUps).where(eq(ratingFollowUps.status, "closed"))).length).toBeGreaterThan(0);
  });
});
