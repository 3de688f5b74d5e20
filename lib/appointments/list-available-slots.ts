import "server-only";
import { and, asc, eq, gt, lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { appointmentSlots, centreServices, serviceCentres, services } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { toChinaDate } from "@/lib/calendar/working-days";
import { listSlotsSchema, type ListSlotsInput } from "./schemas";

export type AvailableSlot = { id: string; startsAt: string; endsAt: string; seatsLeft: number };
export type SlotDay = { day: string; slots: AvailableSlot[] };

/**
 * Upcoming slots with a seat left at a centre that accepts the service, grouped by China date.
 * Empty when the service needs no visit or the centre does not accept it: one query decides.
 */
export async function listAvailableSlots(db: Executor, actor: Actor, input: ListSlotsInput, now = new Date()): Promise<SlotDay[]> {
  requirePermission(actor, "portal:citizen");
  const parsed = listSlotsSchema.safeParse(input);
  if (!parsed.success) return [];
  const { serviceCode, centreCode } = parsed.data;

  const rows = await db
    .select({
      id: appointmentSlots.id,
      startsAt: appointmentSlots.startsAt,
      endsAt: appointmentSlots.endsAt,
      capacity: appointmentSlots.capacity,
      booked: appointmentSlots.booked,
    })
    .from(appointmentSlots)
    .innerJoin(serviceCentres, eq(serviceCentres.id, appointmentSlots.centreId))
    .innerJoin(centreServices, eq(centreServices.centreId, appointmentSlots.centreId))
    .innerJoin(services, eq(services.id, centreServices.serviceId))
    .where(
      and(
        eq(serviceCentres.code, centreCode),
        eq(services.code, serviceCode),
        eq(services.requiresVisit, true),
        eq(services.active, true),
        gt(appointmentSlots.startsAt, now),
        lt(appointmentSlots.booked, appointmentSlots.capacity),
      ),
    )
    .orderBy(asc(appointmentSlots.startsAt));

  const days: SlotDay[] = [];
  for (const r of rows) {
    const day = toChinaDate(r.startsAt);
    const slot = { id: r.id, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), seatsLeft: r.capacity - r.booked };
    const last = days.at(-1);
    if (last?.day === day) last.slots.push(slot);
    else days.push({ day, slots: [slot] });
  }
  return days;
}
