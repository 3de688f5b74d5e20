import type { Executor } from "@/db/client";
import { appointmentSlots } from "@/db/schema";
import { slotShapes } from "@/lib/appointments/slot-shapes";
import { centreId } from "./catalogue";
import { CENTRE_KEYS } from "./catalogue-organisation";
import { stableUuid } from "./random";

/** The slots the running system would open (lib/appointments/open-slots.ts), with stable ids for a reproducible seed. */
export function appointmentSlotRows(today: string) {
  const shapes = slotShapes(today);
  return CENTRE_KEYS.flatMap((centre) =>
    shapes.map((shape) => ({
      id: stableUuid(`slot:${centre}:${shape.startsAt.toISOString()}`),
      centreId: centreId(centre),
      ...shape,
      booked: 0,
    })),
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
