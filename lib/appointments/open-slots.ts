import "server-only";
import type { Executor } from "@/db/client";
import { appointmentSlots, serviceCentres } from "@/db/schema";
import { BOOKING_WINDOW_DAYS, slotShapes } from "./slot-shapes";

/**
 * Opens the booking window: every centre gets its slots for the next working days. Run daily
 * (scripts/daily-jobs.ts); slots already open are left alone, bookings included, so running it
 * twice or on two servers at once opens each slot once (unique centre + start).
 */
export async function openAppointmentSlots(db: Executor, { today, days = BOOKING_WINDOW_DAYS }: { today: string; days?: number }): Promise<number> {
  const centres = await db.select({ id: serviceCentres.id }).from(serviceCentres);
  const shapes = slotShapes(today, days);
  const rows = centres.flatMap((c) => shapes.map((s) => ({ centreId: c.id, ...s, booked: 0 })));
  if (rows.length === 0) return 0;
  const opened = await db
    .insert(appointmentSlots)
    .values(rows)
    .onConflictDoNothing({ target: [appointmentSlots.centreId, appointmentSlots.startsAt] })
    .returning({ id: appointmentSlots.id });
  return opened.length;
}
