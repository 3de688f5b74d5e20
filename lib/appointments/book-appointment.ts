import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { appointmentSlots, appointments, centreServices, persons, serviceCentres, services } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { bookAppointmentSchema, parseAppointmentInput, type BookAppointmentInput } from "./schemas";

export type BookedAppointment = { id: string; slotId: string; startsAt: string };

/** True when the database refused a row for a unique constraint (drizzle wraps the driver error). */
function isUniqueViolation(error: unknown): boolean {
  let e = error;
  for (let depth = 0; depth < 5 && typeof e === "object" && e !== null; depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The resident books a seat in a slot for a service that needs a counter visit, at a centre
 * whose windows accept it. Seat, appointment and audit row commit together. The seat is taken
 * by a conditional UPDATE (`booked < capacity`), so of two residents racing for the last seat
 * exactly one gets it; the CHECK on the table refuses an overbooking even if this code were wrong.
 */
export async function bookAppointment(
  db: Executor,
  actor: Actor,
  input: BookAppointmentInput,
  now = new Date(),
): Promise<BookedAppointment> {
  requirePermission(actor, "portal:citizen");
  const personId = actor.personId;
  if (!personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const { serviceCode, slotId } = parseAppointmentInput(bookAppointmentSchema, input);

  return db.transaction(async (tx) => {
    // One booking at a time per resident, so two tabs cannot both pass the "one per service" check.
    await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId)).for("update");

    const [service] = await tx
      .select({ id: services.id, requiresVisit: services.requiresVisit })
      .from(services)
      .where(and(eq(services.code, serviceCode), eq(services.active, true)));
    if (!service) throw new AppError("NOT_FOUND", "errors.notFound", { internal: `service ${serviceCode}` });
    if (!service.requiresVisit) throw new AppError("CONFLICT", "appointments.errors.noVisitNeeded");

    const [slot] = await tx
      .select({ id: appointmentSlots.id, centreCode: serviceCentres.code, covers: centreServices.serviceId })
      .from(appointmentSlots)
      .innerJoin(serviceCentres, eq(serviceCentres.id, appointmentSlots.centreId))
      .leftJoin(
        centreServices,
        and(eq(centreServices.centreId, appointmentSlots.centreId), eq(centreServices.serviceId, service.id)),
      )
      .where(eq(appointmentSlots.id, slotId));
    if (!slot) throw new AppError("NOT_FOUND", "errors.notFound", { internal: `slot ${slotId}` });
    if (!slot.covers) throw new AppError("CONFLICT", "appointments.errors.centreNotCovering");

    const [active] = await tx
      .select({ id: appointments.id })
      .from(appointments)
      .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
      .where(
        and(
          eq(appointments.personId, personId),
          eq(appointments.serviceId, service.id),
          eq(appointments.status, "booked"),
          gt(appointmentSlots.startsAt, now),
        ),
      )
      .limit(1);
    if (active) throw new AppError("CONFLICT", "appointments.errors.alreadyBookedService");

    const [seat] = await tx
      .update(appointmentSlots)
      .set({ booked: sql`${appointmentSlots.booked} + 1` })
      .where(
        and(
          eq(appointmentSlots.id, slotId),
          lt(appointmentSlots.booked, appointmentSlots.capacity),
          gt(appointmentSlots.startsAt, now),
        ),
      )
      .returning({ startsAt: appointmentSlots.startsAt, booked: appointmentSlots.booked, capacity: appointmentSlots.capacity });
    if (!seat) throw new AppError("CONFLICT", "appointments.errors.slotFull", { internal: `slot ${slotId} full or past` });

    let appointmentId: string;
    try {
      const [created] = await tx
        .insert(appointments)
        .values({ slotId, personId, serviceId: service.id, status: "booked", createdAt: now })
        .returning({ id: appointments.id });
      if (!created) throw new Error("appointment not inserted");
      appointmentId = created.id;
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError("CONFLICT", "appointments.errors.alreadyInSlot", { cause: error });
      }
      throw error;
    }

    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "appointment.book",
      entityType: "appointment",
      entityId: appointmentId,
      personId,
      detail: { service: serviceCode, centre: slot.centreCode, startsAt: seat.startsAt.toISOString() },
    });
    return { id: appointmentId, slotId, startsAt: seat.startsAt.toISOString() };
  });
}
