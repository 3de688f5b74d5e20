import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { centreServices, serviceCentres, services } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";

export type AppointmentCentre = { code: string; nameZh: string; nameEn: string; addressZh: string; addressEn: string; hoursZh: string; hoursEn: string };
export type AppointmentService = { code: string; nameZh: string; nameEn: string; centres: AppointmentCentre[] };

/** The services that need a counter visit, each with the centres whose windows accept it. */
export async function listAppointmentOptions(db: Executor, actor: Actor): Promise<AppointmentService[]> {
  requirePermission(actor, "portal:citizen");
  const rows = await db
    .select({
      serviceCode: services.code,
      serviceZh: services.nameZh,
      serviceEn: services.nameEn,
      code: serviceCentres.code,
      nameZh: serviceCentres.nameZh,
      nameEn: serviceCentres.nameEn,
      addressZh: serviceCentres.addressZh,
      addressEn: serviceCentres.addressEn,
      hoursZh: serviceCentres.hoursZh,
      hoursEn: serviceCentres.hoursEn,
    })
    .from(services)
    .innerJoin(centreServices, eq(centreServices.serviceId, services.id))
    .innerJoin(serviceCentres, eq(serviceCentres.id, centreServices.centreId))
    .where(and(eq(services.requiresVisit, true), eq(services.active, true)))
    .orderBy(asc(services.code), asc(serviceCentres.code));

  const byService = new Map<string, AppointmentService>();
  for (const { serviceCode, serviceZh, serviceEn, ...centre } of rows) {
    let service = byService.get(serviceCode);
    if (!service) {
      service = { code: serviceCode, nameZh: serviceZh, nameEn: serviceEn, centres: [] };
      byService.set(serviceCode, service);
    }
    service.centres.push(centre);
  }
  return [...byService.values()];
}
