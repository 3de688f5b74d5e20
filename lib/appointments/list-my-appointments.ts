import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { appointmentSlots, appointments, serviceCentres, services } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { AppointmentStatusName } from "./schemas";

export type MyAppointment = {
  id: string;
  status: AppointmentStatusName;
  startsAt: string;
  endsAt: string;
  serviceZh: string;
  serviceEn: string;
  centreZh: string;
  centreEn: string;
  addressZh: string;
  addressEn: string;
  /** Booked and not yet begun. */
  cancellable: boolean;
};

/** The resident's own appointments, latest slot first. */
export async function listMyAppointments(db: Executor, actor: Actor, now = new Date()): Promise<MyAppointment[]> {
  requirePermission(actor, "portal:citizen");
  const personId = actor.personId;
  if (!personId) throw new AppError("FORBIDDEN", "errors.forbidden");

  const rows = await db
    .select({
      id: appointments.id,
      status: appointments.status,
      startsAt: appointmentSlots.startsAt,
      endsAt: appointmentSlots.endsAt,
      serviceZh: services.nameZh,
      serviceEn: services.nameEn,
      centreZh: serviceCentres.nameZh,
      centreEn: serviceCentres.nameEn,
      addressZh: serviceCentres.addressZh,
      addressEn: serviceCentres.addressEn,
    })
    .from(appointments)
    .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(serviceCentres, eq(serviceCentres.id, appointmentSlots.centreId))
    .where(eq(appointments.personId, personId))
    .orderBy(desc(appointmentSlots.startsAt), desc(appointments.createdAt))
    .limit(100);

  return rows.map((r) => ({
    ...r,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    cancellable: r.status === "booked" && r.startsAt > now,
  }));
}
