import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { createCalendar, toChinaDate, workingDaysBetween } from "@/lib/calendar/working-days";
import { bump, emptyCounters, type StatsRow } from "./stats";

type Event = {
  application_id: string;
  from_status: string | null;
  to_status: string;
  data: Record<string, unknown> | null;
  occurred_at: string | Date;
};
type Application = { id: string; service_id: string; centre_id: string | null; channel: string; on_the_spot: boolean; due_on: string | null; legal_due_on: string | null };

/**
 * The daily rollup recomputed the slow, obvious way: walk each application's events in order
 * and apply the definitions in plain TypeScript with lib/calendar's working days. Due dates and
 * paused days come from the events' data (accepted / resubmission carry dueOn, legalDueOn,
 * pausedWorkingDays — the latest one before completion wins), else the application row.
 * Used by the metrics test to prove the trigger and the rebuild right; never on a page.
 */
export async function recomputeDailyStatsFromEvents(db: Executor): Promise<StatsRow[]> {
  const calendar = createCalendar(
    rowsOf<{ day: string; kind: "holiday" | "workday" }>(await db.execute(sql`SELECT day::text AS day, kind::text AS kind FROM calendar_days`)),
  );
  const apps = new Map(
    rowsOf<Application>(
      await db.execute(sql`SELECT a.id, a.service_id, a.centre_id, a.channel::text AS channel, s.on_the_spot,
        a.due_on::text AS due_on, a.legal_due_on::text AS legal_due_on
        FROM applications a JOIN services s ON s.id = a.service_id`),
    ).map((a) => [a.id, a]),
  );
  const materials = new Map<string, string[]>();
  for (const m of rowsOf<{ application_id: string; source: string }>(
    await db.execute(sql`SELECT application_id, source::text AS source FROM application_materials`),
  )) {
    materials.set(m.application_id, [...(materials.get(m.application_id) ?? []), m.source]);
  }
  const events = rowsOf<Event>(
    await db.execute(sql`SELECT application_id, from_status::text AS from_status, to_status::text AS to_status, data, occurred_at
      FROM application_events ORDER BY application_id, id`),
  );
  const ratings = rowsOf<{ application_id: string; score: number; created_at: string | Date }>(
    await db.execute(sql`SELECT application_id, score, created_at FROM ratings`),
  );

  const rows = new Map<string, StatsRow>();
  const rowFor = (app: Application, day: string): StatsRow => {
    const key = `${day}|${app.service_id}|${app.centre_id ?? ""}|${app.channel}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        day,
        serviceId: app.service_id,
        centreId: app.centre_id,
        channel: app.channel,
        ...emptyCounters(),
        acceptDays: [],
        completeDays: [],
        completeHours: [],
        ratingCounts: [0, 0, 0, 0, 0],
      };
      rows.set(key, row);
    }
    return row;
  };

  const byApplication = new Map<string, Event[]>();
  for (const e of events) byApplication.set(e.application_id, [...(byApplication.get(e.application_id) ?? []), e]);

  for (const [applicationId, timeline] of byApplication) {
    const app = apps.get(applicationId);
    if (!app) continue;
    let accepted = false;
    let supplemented = false;
    let receipt: Date | null = null;
    let clockStart: string | null = null;
    let dueOn = app.due_on;
    let legalDueOn = app.legal_due_on;
    let paused = 0;
    let submittedOnce = false;
    for (const e of timeline) {
      const at = new Date(e.occurred_at);
      const day = toChinaDate(at);
      const data = e.data ?? {};
      if (typeof data.dueOn === "string") dueOn = data.dueOn;
      if (typeof data.legalDueOn === "string") legalDueOn = data.legalDueOn;
      if (typeof data.pausedWorkingDays === "number") paused = data.pausedWorkingDays;
      switch (e.to_status) {
        case "submitted":
          // The first submission only (after a draft, or once an awaited prerequisite came).
          if (!submittedOnce) {
            submittedOnce = true;
            const row = rowFor(app, day);
            const sources = materials.get(applicationId) ?? [];
            row.submitted += 1;
            row.materialsRequired += sources.filter((s) => s !== "form").length;
            row.materialsFromLibrary += sources.filter((s) => s === "library").length;
            row.materialsUploaded += sources.filter((s) => s === "upload").length;
            row.materialsAtCounter += sources.filter((s) => s === "counter").length;
          }
          receipt = at;
          break;
        case "accepted":
          if (!accepted) {
            accepted = true;
            const row = rowFor(app, day);
            row.accepted += 1;
            if (data.deemed === true) row.deemedAccepted += 1;
            bump(row.acceptDays, workingDaysBetween(toChinaDate(receipt ?? at), day, calendar));
            clockStart = typeof data.clockStartOn === "string" ? data.clockStartOn : day;
          }
          break;
        case "supplement_requested":
          if (!supplemented) {
            supplemented = true;
            rowFor(app, day).supplementRequested += 1;
          }
          break;
        case "completed": {
          const row = rowFor(app, day);
          const onTheSpot = typeof data.onTheSpot === "boolean" ? data.onTheSpot : app.on_the_spot;
          row.completed += 1;
          if (dueOn !== null && day <= dueOn) row.completedWithinPromised += 1;
          const legal = legalDueOn ?? dueOn;
          if (legal !== null && day <= legal) row.completedWithinLegal += 1;
          if (onTheSpot) {
            row.completedOnTheSpot += 1;
            bump(row.completeHours, Math.floor((at.getTime() - (receipt ?? at).getTime()) / 3_600_000));
          } else {
            bump(row.completeDays, Math.max(0, workingDaysBetween(clockStart ?? day, day, calendar) - paused));
          }
          break;
        }
        case "rejected":
          rowFor(app, day).rejected += 1;
          break;
        case "withdrawn":
          rowFor(app, day).withdrawn += 1;
          break;
        default:
          break;
      }
    }
  }
  for (const r of ratings) {
    const app = apps.get(r.application_id);
    if (!app) continue;
    const row = rowFor(app, toChinaDate(new Date(r.created_at)));
    row.ratingCounts[r.score - 1] = (row.ratingCounts[r.score - 1] ?? 0) + 1;
  }
  return sortRows([...rows.values()]);
}

export function sortRows(rows: StatsRow[]): StatsRow[] {
  const key = (r: StatsRow) => `${r.day}|${r.serviceId}|${r.centreId ?? ""}|${r.channel}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Every row of application_daily_stats, in the shape above (0-based histograms). */
export async function readDailyStats(db: Executor): Promise<StatsRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT day::text AS day, service_id, centre_id, channel::text AS channel,
      submitted, accepted, deemed_accepted, supplement_requested, completed, completed_on_the_spot,
      completed_within_promised, completed_within_legal, rejected, withdrawn, materials_required,
      materials_from_library, materials_uploaded, materials_at_counter,
      array_to_json(accept_days)::text AS accept_days, array_to_json(complete_days)::text AS complete_days,
      array_to_json(complete_hours)::text AS complete_hours, array_to_json(rating_counts)::text AS rating_counts
      FROM application_daily_stats`),
  );
  const n = (v: unknown) => Number(v);
  const arr = (v: unknown) => JSON.parse(String(v)) as number[];
  return sortRows(
    rows.map((r) => ({
      day: String(r.day),
      serviceId: String(r.service_id),
      centreId: r.centre_id === null ? null : String(r.centre_id as string),
      channel: String(r.channel),
      submitted: n(r.submitted),
      accepted: n(r.accepted),
      deemedAccepted: n(r.deemed_accepted),
      supplementRequested: n(r.supplement_requested),
      completed: n(r.completed),
      completedOnTheSpot: n(r.completed_on_the_spot),
      completedWithinPromised: n(r.completed_within_promised),
      completedWithinLegal: n(r.completed_within_legal),
      rejected: n(r.rejected),
      withdrawn: n(r.withdrawn),
      materialsRequired: n(r.materials_required),
      materialsFromLibrary: n(r.materials_from_library),
      materialsUploaded: n(r.materials_uploaded),
      materialsAtCounter: n(r.materials_at_counter),
      acceptDays: arr(r.accept_days),
      completeDays: arr(r.complete_days),
      completeHours: arr(r.complete_hours),
      ratingCounts: arr(r.rating_counts),
    })),
  );
}
