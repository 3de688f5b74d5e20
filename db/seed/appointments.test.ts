import { describe, expect, it } from "vitest";
import { isWorkingDay, toChinaDate } from "@/lib/calendar/working-days";
import { appointmentSlotRows } from "./appointments";
import { centreId } from "./catalogue";

describe("appointment slot seed", () => {
  // 2026-09-30 is the eve of the National Day holiday: the next working days skip 1–8 October.
  const rows = appointmentSlotRows("2026-09-30");

  it("makes 14 half-hour slots a day for 10 working days at each of the 5 centres", () => {
    expect(rows).toHaveLength(5 * 10 * 14);
    const days = new Set(rows.map((r) => toChinaDate(r.startsAt)));
    expect(days.size).toBe(10);
    for (const day of days) expect(isWorkingDay(day)).toBe(true);
    expect([...days].every((d) => d > "2026-09-30")).toBe(true);
  });

  it("starts at 09:00 and 14:00 China time, with one seat in the last slot before each break", () => {
    const futian = rows.filter((r) => r.centreId === centreId("futian")).slice(0, 14);
    expect(futian[0]?.startsAt.toISOString()).toMatch(/T01:00:00\.000Z$/);
    expect(futian[6]?.startsAt.toISOString()).toMatch(/T06:00:00\.000Z$/);
    expect(futian.map((r) => r.capacity)).toEqual([3, 3, 3, 3, 3, 1, 3, 3, 3, 3, 3, 3, 3, 1]);
    expect(futian.every((r) => r.endsAt.getTime() - r.startsAt.getTime() === 30 * 60_000)).toBe(true);
  });

  it("is deterministic and gives every slot its own id", () => {
    expect(appointmentSlotRows("2026-09-30").map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});
