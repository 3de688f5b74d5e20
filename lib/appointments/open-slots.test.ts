import { and, eq, gte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { appointmentSlots, serviceCentres } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { openAppointmentSlots } from "./open-slots";
import { SLOT_STARTS } from "./slot-shapes";

let handle: DbHandle;
let centreId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  const [centre] = await handle.db
    .insert(serviceCentres)
    .values({ code: "t1", nameZh: "测试中心", nameEn: "Test centre", addressZh: "地址", addressEn: "Address", divisionCode: "440304", phone: "0755-1", hoursZh: "9-18", hoursEn: "9-18" })
    .returning();
  centreId = centre!.id;
});
afterAll(async () => handle.close());

describe("openAppointmentSlots", () => {
  it("opens the next working days' slots once, skipping the National Day holiday, and keeps bookings", async () => {
    // 2026-10-08 (Thu, first day after the 1–7 Oct holiday): next working days are 9 Oct (Fri) and 10 Oct (Sat, make-up day).
    const opened = await openAppointmentSlots(handle.db, { today: "2026-10-08", days: 2 });
    expect(opened).toBe(2 * SLOT_STARTS.length);
    const rows = await handle.db.select().from(appointmentSlots).where(eq(appointmentSlots.centreId, centreId));
    const days = [...new Set(rows.map((r) => new Date(r.startsAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10)))].sort();
    expect(days).toEqual(["2026-10-09", "2026-10-10"]);

    await handle.db.update(appointmentSlots).set({ booked: 1 }).where(eq(appointmentSlots.id, rows[0]!.id));
    // A day later the window moves by one working day (Sunday skipped): only 12 Oct's slots are new.
    const again = await openAppointmentSlots(handle.db, { today: "2026-10-09", days: 2 });
    expect(again).toBe(SLOT_STARTS.length);
    const [kept] = await handle.db.select().from(appointmentSlots).where(and(eq(appointmentSlots.id, rows[0]!.id), gte(appointmentSlots.booked, 1)));
    expect(kept?.booked).toBe(1);
  });
});
