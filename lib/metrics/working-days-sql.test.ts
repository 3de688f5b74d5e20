import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { calendarDays } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { HOLIDAYS } from "@/lib/calendar/holidays";
import { addCalendarDays, addWorkingDays, isWorkingDay, workingDaysBetween } from "@/lib/calendar/working-days";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await h.db.insert(calendarDays).values(HOLIDAYS.map((d) => ({ day: d.day, kind: d.kind, nameZh: d.nameZh, nameEn: d.nameEn })));
});
afterAll(async () => {
  await h.close();
});

const days: string[] = [];
for (let d = "2024-01-01"; d <= "2026-12-31"; d = addCalendarDays(d, 1)) days.push(d);

describe("the SQL working-day functions mirror lib/calendar/working-days.ts over 2024–2026", () => {
  it("agree on every day's kind, make-up working days and weekday holidays included", async () => {
    const rows = rowsOf<{ day: string; working: boolean }>(
      await h.db.execute(sql`SELECT d::date::text AS day, is_working_day(d::date) AS working
        FROM generate_series(date '2024-01-01', date '2026-12-31', interval '1 day') d ORDER BY d`),
    );
    expect(rows).toHaveLength(days.length);
    expect(rows.map((r) => r.working)).toEqual(days.map((d) => isWorkingDay(d)));
    // The fixture really contains both deviations from Monday–Friday.
    expect(isWorkingDay("2024-02-04")).toBe(true); // a Sunday, make-up working day
    expect(isWorkingDay("2024-10-01")).toBe(false); // a Tuesday, National Day
  });

  it("agree on working days between any day and the next 0–45 days", async () => {
    const rows = rowsOf<{ from: string; span: number; n: number }>(
      await h.db.execute(sql`SELECT d::date::text AS "from", k AS span, working_days_between(d::date, d::date + k) AS n
        FROM generate_series(date '2024-01-01', date '2026-12-31', interval '1 day') d, generate_series(-2, 45, 1) k
        ORDER BY d, k`),
    );
    const expected = days.flatMap((d) => Array.from({ length: 48 }, (_, i) => workingDaysBetween(d, addCalendarDays(d, i - 2))));
    expect(rows.map((r) => r.n)).toEqual(expected);
  });

  it("agree on the nth working day after a day, n = 0 (on the spot) to 25", async () => {
    const starts = days.filter((_, i) => i % 3 === 0);
    const rows = rowsOf<{ due: string }>(
      await h.db.execute(sql`SELECT add_working_days(d::date, n)::text AS due
        FROM generate_series(date '2024-01-01', date '2026-12-31', interval '3 day') d, generate_series(0, 25) n
        ORDER BY d, n`),
    );
    const expected = starts.flatMap((d) => Array.from({ length: 26 }, (_, n) => addWorkingDays(d, n)));
    expect(rows.map((r) => r.due)).toEqual(expected);
  });
});
