import { addWorkingDays } from "@/lib/calendar/working-days";

/** Half-hour counter slots, China time, within the halls' opening hours (9:00–12:00, 14:00–18:00). */
export const SLOT_STARTS = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30"] as const;
export const SLOT_MINUTES = 30;
/** Residents can book this many working days ahead. */
export const BOOKING_WINDOW_DAYS = 10;
/** The last slot before a break has one seat: the window must be free to close on time. */
const SINGLE_SEAT = new Set<string>(["11:30", "17:30"]);

export type SlotShape = { startsAt: Date; endsAt: Date; capacity: number };

/** The slots of one centre on the next `days` working days after `today` (holidays skipped, make-up days included). */
export function slotShapes(today: string, days = BOOKING_WINDOW_DAYS): SlotShape[] {
  const dates = Array.from({ length: days }, (_, i) => addWorkingDays(today, i + 1));
  return dates.flatMap((day) =>
    SLOT_STARTS.map((time) => {
      const startsAt = new Date(`${day}T${time}:00+08:00`);
      return { startsAt, endsAt: new Date(startsAt.getTime() + SLOT_MINUTES * 60_000), capacity: SINGLE_SEAT.has(time) ? 1 : 3 };
    }),
  );
}
