import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { appointmentSlots, appointments } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { cancelAppointmentSchema, parseAppointmentInput, type CancelAppointmentInput } from "./schemas";

/**
 * The resident cancels their own booked appointment before it begins; the seat is freed in the
 * same transaction. The UPDATE repeats `status = 'booked'`, so a double-clicked cancel frees
 * the seat once and the second click gets CONFLICT.
 */
export async function cancelAppointment(
  db: Executor,
  actor: Actor,
  input: CancelAppointmentInput,
  now = new Date(),
): Promise<{ id: string }> {
  requirePermission(actor, "portal:citizen");
  const personId = actor.personId;
  if (!personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const { appointmentId } = parseAppointmentInput(cancelAppointmentSchema, input);

  return db.transaction(async (tx) => {
    const owned = and(eq(appointments.id, appointmentId), eq(appointments.personId, personId));
    const [appt] = await tx
      .select({ id: appointments.id, slotId: appointments.slotId, status: appointments.status, startsAt: appointmentSlots.startsAt })
      .from(appointments)
      .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
      .where(owned);
    if (!appt) throw new AppError("NOT_FOUND", "errors.notFound");
    if (appt.status !== "booked") throw new AppError("CONFLICT", "appointments.errors.notBooked", { internal: `cancel from ${appt.status}` });
    if (appt.startsAt <= now) throw new AppError("CONFLICT", "appointments.errors.alreadyBegun");

    const [changed] = await tx
      .update(appointments)
      .set({ status: "cancelled" })
      .where(and(owned, eq(appointments.status, "booked")))
      .returning({ id: appointments.id });
    if (!changed) throw new AppError("CONFLICT", "appointments.errors.notBooked", { internal: "cancelled meanwhile" });

    const [freed] = await tx
      .update(appointmentSlots)
      .set({ booked: sql`${appointmentSlots.booked} - 1` })
      .where(and(eq(appointmentSlots.id, appt.slotId), gt(appointmentSlots.booked, 0)))
      .returning({ id: appointmentSlots.id });
    if (!freed) throw new Error(`slot ${appt.slotId} had no seat booked`);

    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "appointment.cancel",
      entityType: "appointment",
      entityId: appt.id,
      personId,
      detail: { slotId: appt.slotId, startsAt: appt.startsAt.toISOString() },
    });
    return { id: appt.id };
  });
}
