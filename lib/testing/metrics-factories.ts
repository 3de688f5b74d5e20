/**
 * Known application timelines for the metrics tests: an application row in its final state,
 * its materials by source, its events in order, and optionally a rating — inserted directly,
 * as process-application would leave them (the row is written before its events).
 */
import { randomInt } from "node:crypto";
import type { Executor } from "@/db/client";
import {
  applicationEvents,
  applicationMaterials,
  applications,
  calendarDays,
  centreServices,
  ratings,
  serviceCentres,
  serviceMaterials,
  uploads,
  type ApplicationStatus,
} from "@/db/schema";
import { HOLIDAYS } from "@/lib/calendar/holidays";
import { createLicence, createLicenceType, createPerson } from "./factories";

let counter = 0;
const unique = () => `${Date.now() % 100000}${counter++}${randomInt(1000)}`;

export async function seedCalendar(db: Executor): Promise<void> {
  await db
    .insert(calendarDays)
    .values(HOLIDAYS.map((d) => ({ day: d.day, kind: d.kind, nameZh: d.nameZh, nameEn: d.nameEn })))
    .onConflictDoNothing();
}

export async function createCentre(db: Executor, serviceIds: string[] = []) {
  const code = `c_${unique()}`;
  const [centre] = await db
    .insert(serviceCentres)
    .values({
      code,
      nameZh: `测试中心${code}`,
      nameEn: `Test centre ${code}`,
      addressZh: "地址",
      addressEn: "Address",
      divisionCode: "440304",
      phone: "0755-00000000",
      hoursZh: "工作日",
      hoursEn: "Working days",
    })
    .returning();
  if (!centre) throw new Error("centre not created");
  if (serviceIds.length > 0) await db.insert(centreServices).values(serviceIds.map((serviceId) => ({ centreId: centre.id, serviceId })));
  return centre;
}

/** Five materials: two licences, an upload, a form, another upload (positions 1–5). */
export async function createServiceMaterials(db: Executor, serviceId: string): Promise<string[]> {
  const t1 = await createLicenceType(db);
  const t2 = await createLicenceType(db);
  const kinds = [
    { kind: "licence" as const, licenceTypeId: t1.id },
    { kind: "licence" as const, licenceTypeId: t2.id },
    { kind: "upload" as const, licenceTypeId: null },
    { kind: "form" as const, licenceTypeId: null },
    { kind: "upload" as const, licenceTypeId: null },
  ];
  const rows = await db
    .insert(serviceMaterials)
    .values(kinds.map((k, i) => ({ serviceId, position: i + 1, nameZh: `材料${i + 1}`, nameEn: `Material ${i + 1}`, ...k })))
    .returning({ id: serviceMaterials.id });
  return rows.map((r) => r.id);
}

export type TimelineEvent = { to: ApplicationStatus; at: string; data?: Record<string, unknown> };
export type Timeline = {
  serviceId: string;
  serviceMaterialIds: string[];
  channel: "online" | "counter" | "mobile" | "self_service";
  centreId?: string | null;
  /** Sources of the materials filed, in the service's material order. */
  materials?: ("library" | "upload" | "counter" | "form")[];
  events: TimelineEvent[];
  app?: Partial<typeof applications.$inferInsert>;
  rating?: { score: number; comment?: string; at: string };
  clerkId?: string | null;
};

export async function fileTimeline(db: Executor, t: Timeline) {
  const person = await createPerson(db);
  const last = t.events[t.events.length - 1];
  if (!last) throw new Error("timeline without events");
  const [app] = await db
    .insert(applications)
    .values({
      number: `M${unique()}`,
      serviceId: t.serviceId,
      applicantPersonId: person.id,
      status: last.to,
      channel: t.channel,
      centreId: t.centreId ?? null,
      submittedAt: new Date(t.events[0]?.at ?? last.at),
      assignedClerkId: t.clerkId ?? null,
      ...t.app,
    })
    .returning();
  if (!app) throw new Error("application not created");
  const sources = t.materials ?? [];
  for (const [i, source] of sources.entries()) {
    const serviceMaterialId = t.serviceMaterialIds[i];
    if (!serviceMaterialId) throw new Error("not enough service materials");
    let licenceId: string | null = null;
    let uploadId: string | null = null;
    if (source === "library") licenceId = (await createLicence(db, { holderPersonId: person.id })).id;
    if (source === "upload") {
      const key = unique();
      const [u] = await db
        .insert(uploads)
        .values({ ownerPersonId: person.id, applicationId: app.id, fileName: "a.pdf", contentType: "application/pdf", sizeBytes: 10, sha256: "0".repeat(64), storageKey: `test/${key}` })
        .returning({ id: uploads.id });
      uploadId = u?.id ?? null;
    }
    await db.insert(applicationMaterials).values({ applicationId: app.id, personId: person.id, serviceMaterialId, source, licenceId, uploadId });
  }
  let from: ApplicationStatus = "draft";
  for (const e of t.events) {
    await db.insert(applicationEvents).values({
      applicationId: app.id,
      personId: person.id,
      fromStatus: from,
      toStatus: e.to,
      data: e.data ?? null,
      occurredAt: new Date(e.at),
    });
    from = e.to;
  }
  let ratingId: string | null = null;
  if (t.rating) {
    const [r] = await db
      .insert(ratings)
      .values({ applicationId: app.id, personId: person.id, score: t.rating.score, comment: t.rating.comment ?? null, createdAt: new Date(t.rating.at) })
      .returning({ id: ratings.id });
    ratingId = r?.id ?? null;
  }
  return { app, person, ratingId };
}
