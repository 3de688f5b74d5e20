import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { serviceCentres } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { SLOT_STARTS } from "@/lib/appointments/slot-shapes";
import { runDailyJobs } from "./run-daily-jobs";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await h.db
    .insert(serviceCentres)
    .values({ code: "j1", nameZh: "测试中心", nameEn: "Test centre", addressZh: "地址", addressEn: "Address", divisionCode: "440304", phone: "0755-1", hoursZh: "9-18", hoursEn: "9-18" });
});
afterAll(async () => h.close());

describe("runDailyJobs", () => {
  it("opens the booking window and is harmless when run again", async () => {
    const now = new Date("2026-11-23T01:00:00Z");
    const first = await runDailyJobs(h.db, now);
    expect(first.slotsOpened).toBe(10 * SLOT_STARTS.length);
    expect(await runDailyJobs(h.db, now)).toEqual({ flagged: 0, slotsOpened: 0, uploadsPurged: 0, escalated: 0 });
  });
});
