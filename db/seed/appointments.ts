import type { Executor } from "@/db/client";
import { appointmentSlots } from "@/db/schema";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { centreId } from "./catalogue";
import { CENTRE_KEYS } from "./catalogue-organisation";
import { stableUuid } from "./random";

/** Half-hour counter slots, China time, within the halls' opening hours (9:00–12:00, 14:00–18:00). */
const SLOT_STARTS = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30"];
const SLOT_MINUTES = 30;
const DAYS_AHEAD = 10;
/** The last slot before a break has one seat: the window must be free to close on time. */
const SINGLE_SEAT = new Set(["11:30", "17:30"]);

export function appointmentSlotRows(today: string) {
  const days = Array.from({ length: DAYS_AHEAD }, (_, i) => addWorkingDays(today, i + 1));
  return CENTRE_KEYS.flatMap((centre) =>
    days.flatMap((day) =>
      SLOT_STARTS.map((time) => {
        const startsAt = new Date(`${day}T${time}:00+08:00`);
        return {
          id: stableUuid(`slot:${centre}:${startsAt.toISOString()}`),
          centreId: centreId(centre),
          startsAt,
          endsAt: new Date(startsAt.getTime() + SLOT_MINUTES * 60_000),
          capacity: SINGLE_SEAT.has(time) ? 1 : 3,
          booked: 0,
        };
      }),
    ),
  );
}

/**
 * Appointment slots for every centre on the next working days after `today` (YYYY-MM-DD,
 * China time). Needs the catalogue's centres; one bulk insert.
 */
export async function seedAppointmentSlots(db: Executor, { today }: { today: string }): Promise<number> {
  const rows = appointmentSlotRows(today);
  await db.insert(appointmentSlots).values(rows);
  return rows.length;
}
