import "server-only";
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applicationMaterials, applications, services } from "@/db/schema";
import { receiptClock } from "@/lib/calendar/application-clock";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { systemNote } from "@/lib/i18n/system-notes";
import { applyTransition, enterStep } from "./lifecycle/apply-transition";
import { workflowOf } from "./lifecycle/transitions";
import { clockColumns } from "./filing-steps";

/**
 * 前置事项 (prerequisite chains). A material that another open application will issue — the
 * newborn's household register while 新生儿入户 is being decided — is not asked of the resident:
 * it is filed as `awaiting` that application, and the application needing it waits in status
 * `awaiting` (no clock, in no clerk's queue). The prerequisite's decision settles it in its own
 * transaction: approved, its new licence is attached to every material waiting for it and each
 * application with nothing left to wait for is received now (clock started, in the window's
 * queue, the resident told); refused, rejected or withdrawn, the waiting materials are released
 * to the resident as a supplement request (upload or take from the library), with a notice.
 */

/** Statuses in which an application will still issue its certificate (approved ones already did). */
const WILL_ISSUE = ["awaiting", "submitted", "supplement_requested", "accepted"] as const;

export type AwaitedIssuer = { applicationId: string; number: string; serviceCode: string; nameZh: string; nameEn: string };

export const awaitedKey = (holderId: string, licenceTypeId: string) => `${holderId}:${licenceTypeId}`;

/**
 * Open applications that will issue licence type T to holder H (their subject, or the applicant
 * when they have none), for each wanted (holder, type); the earliest filed wins. One query.
 * `exceptServiceId`: a service never waits for itself (a renewal needs the old card, not the new).
 */
export async function findAwaitedIssuers(
  db: Executor,
  wanted: readonly { holderId: string; licenceTypeId: string }[],
  { exceptServiceId }: { exceptServiceId?: string } = {},
): Promise<Map<string, AwaitedIssuer>> {
  const out = new Map<string, AwaitedIssuer>();
  if (wanted.length === 0) return out;
  const holders = [...new Set(wanted.map((w) => w.holderId))];
  const types = [...new Set(wanted.map((w) => w.licenceTypeId))];
  const holder = sql<string>`coalesce(${applications.subjectPersonId}, ${applications.applicantPersonId})`;
  const rows = await db
    .select({
      applicationId: applications.id,
      number: applications.number,
      holderId: holder,
      licenceTypeId: services.issuesLicenceTypeId,
      serviceCode: services.code,
      nameZh: services.nameZh,
      nameEn: services.nameEn,
    })
    .from(applications)
    .innerJoin(services, eq(services.id, applications.serviceId))
    .where(
      and(
        inArray(services.issuesLicenceTypeId, types),
        or(inArray(applications.subjectPersonId, holders), and(sql`${applications.subjectPersonId} IS NULL`, inArray(applications.applicantPersonId, holders))),
        inArray(applications.status, [...WILL_ISSUE]),
        exceptServiceId ? ne(applications.serviceId, exceptServiceId) : undefined,
      ),
    )
    .orderBy(asc(applications.submittedAt), asc(applications.number));
  const asked = new Set(wanted.map((w) => awaitedKey(w.holderId, w.licenceTypeId)));
  for (const r of rows) {
    if (!r.licenceTypeId) continue;
    const key = awaitedKey(r.holderId, r.licenceTypeId);
    if (!asked.has(key) || out.has(key)) continue;
    out.set(key, { applicationId: r.applicationId, number: r.number, serviceCode: r.serviceCode, nameZh: r.nameZh, nameEn: r.nameEn });
  }
  return out;
}

export type PrerequisiteOutcome = { approved: true; licenceId: string } | { approved: false };

export type SettledDependent = { applicationId: string; number: string; status: "awaiting" | "submitted" | "supplement_requested" };

/**
 * Settles what waits for `prerequisite` after its decision, in the decision's transaction. Each
 * dependent application row is locked (in id order, so two decisions at once cannot deadlock)
 * after its materials were updated, and counted again under the lock: of two prerequisites
 * approved at once for one application, the second to commit finds nothing left to wait for
 * and releases it — exactly once.
 */
export async function settleDependents(
  tx: Executor,
  prerequisite: { id: string; number: string; serviceZh: string; serviceEn: string },
  outcome: PrerequisiteOutcome,
  now: Date,
): Promise<SettledDependent[]> {
  const names = { number: prerequisite.number, serviceZh: prerequisite.serviceZh, serviceEn: prerequisite.serviceEn };
  const touched = await tx
    .update(applicationMaterials)
    .set(
      outcome.approved
        ? { source: "library", licenceId: outcome.licenceId, awaitingApplicationId: null, note: systemNote("notes.awaitedIssued", names) }
        : { source: "counter", awaitingApplicationId: null, supplementRequested: true, note: systemNote("notes.awaitedFailed", names) },
    )
    .where(eq(applicationMaterials.awaitingApplicationId, prerequisite.id))
    .returning({ applicationId: applicationMaterials.applicationId });
  const dependentIds = [...new Set(touched.map((t) => t.applicationId))].sort();
  const today = toChinaDate(now);
  const settled: SettledDependent[] = [];
  for (const id of dependentIds) {
    const [app] = await tx
      .select({
        id: applications.id,
        number: applications.number,
        personId: applications.applicantPersonId,
        status: applications.status,
        version: applications.version,
        workflow: applications.workflow,
        service: {
          nameZh: services.nameZh,
          nameEn: services.nameEn,
          promisedLimitDays: services.promisedLimitDays,
          legalLimitDays: services.legalLimitDays,
          onTheSpot: services.onTheSpot,
        },
      })
      .from(applications)
      .innerJoin(services, eq(services.id, applications.serviceId))
      .where(eq(applications.id, id))
      .for("update", { of: applications });
    if (!app || app.status !== "awaiting") continue;
    const service = app.service;
    const materials = await tx
      .select({ id: applicationMaterials.id, source: applicationMaterials.source, supplementRequested: applicationMaterials.supplementRequested })
      .from(applicationMaterials)
      .where(and(eq(applicationMaterials.applicationId, id), eq(applicationMaterials.personId, app.personId)));
    if (materials.some((m) => m.source === "awaiting")) {
      settled.push({ applicationId: id, number: app.number, status: "awaiting" });
      continue;
    }
    const released = materials.filter((m) => m.supplementRequested).map((m) => m.id);
    const workflow = workflowOf({ workflow: app.workflow, onTheSpot: service.onTheSpot, promisedLimitDays: service.promisedLimitDays });
    const params = { number: app.number, serviceZh: service.nameZh, serviceEn: service.nameEn };
    const stale = () => new AppError("CONFLICT", "track.errors.changedMeanwhile", { internal: "awaiting application moved under its lock" });
    if (released.length > 0) {
      // The resident provides what the failed prerequisite would have issued (supplement before acceptance: no clock yet).
      const reason = systemNote("notes.prerequisiteFailed", names);
      await applyTransition(tx, {
        action: "release",
        actor: null,
        app: { id, personId: app.personId, status: "awaiting", version: app.version },
        events: [{ from: "awaiting", to: "supplement_requested", note: reason, data: { materialIds: released, reason, paused: false, step: "accept", prerequisite: prerequisite.number } }],
        set: { clockPausedAt: null, ...enterStep(workflow, 0, today) },
        audit: { prerequisite: prerequisite.number, approved: false, materials: released.length },
        notice: { key: "applicationPrerequisiteFailed", params: { ...params, prerequisiteZh: prerequisite.serviceZh, prerequisiteEn: prerequisite.serviceEn, prerequisiteNumber: prerequisite.number } },
        now,
        stale,
      });
      settled.push({ applicationId: id, number: app.number, status: "supplement_requested" });
      continue;
    }
    // Complete now: received today, the completeness and promised clocks start, the window's queue has it.
    const clock = receiptClock(today, service);
    await applyTransition(tx, {
      action: "release",
      actor: null,
      app: { id, personId: app.personId, status: "awaiting", version: app.version },
      events: [
        {
          from: "awaiting",
          to: "submitted",
          note: systemNote("notes.prerequisiteMet", names),
          data: { acceptDueOn: clock.acceptDueOn, dueOn: clock.dueOn, legalDueOn: clock.legalDueOn, prerequisite: prerequisite.number },
        },
      ],
      set: { ...clockColumns(clock, now), ...enterStep(workflow, 0, today) },
      audit: { prerequisite: prerequisite.number, approved: true },
      notice: { key: "applicationPrerequisiteMet", params: { ...params, prerequisiteZh: prerequisite.serviceZh, prerequisiteEn: prerequisite.serviceEn, dueOn: clock.dueOn } },
      now,
      stale,
    });
    settled.push({ applicationId: id, number: app.number, status: "submitted" });
  }
  return settled;
}
