import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { createDepartment, createService } from "@/lib/testing/factories";
import { createCentre, createServiceMaterials, fileTimeline, seedCalendar, type Timeline } from "@/lib/testing/metrics-factories";
import { exportDashboardTable } from "./export-dashboard-table";
import { getDashboard } from "./get-dashboard";
import { listDashboardApplications } from "./list-dashboard-applications";
import { readDailyStats, recomputeDailyStatsFromEvents } from "./recompute-from-events";
import { addRows, figuresOf } from "./stats";

/*
 * Known timelines around the 2026 Mid-Autumn and National Day holidays (China time):
 * working days there: Sun 20 Sep is a make-up working day; Fri 25 Sep – Sun 27 Sep and
 * Thu 1 – Wed 7 Oct are holidays; Sat 10 Oct is a make-up working day.
 * S1: promised 5, legal 20 working days. S2: on the spot (即办), promised 0, legal 1.
 */
let h: DbHandle;
let s1: string;
let s2: string;
let c1: string;
let deptId: string;
let supervisor: Actor;
let centreSupervisor: Actor;
const ids: Record<string, string> = {};
const NOW = new Date("2026-10-16T04:00:00Z"); // Fri 16 Oct 2026, 12:00 in China
const ALL = { from: "2026-09-14", to: "2026-10-16" };
const at = (local: string) => `${local}:00+08:00`;

beforeAll(async () => {
  h = await createTestDatabase();
  const db = h.db;
  await seedCalendar(db);
  const dept = await createDepartment(db);
  deptId = dept.id;
  s1 = (await createService(db, dept.id, { promisedLimitDays: 5, legalLimitDays: 20, onTheSpot: false })).id;
  s2 = (await createService(db, (await createDepartment(db)).id, { promisedLimitDays: 0, legalLimitDays: 1, onTheSpot: true })).id;
  c1 = (await createCentre(db, [s2])).id;
  const m1 = await createServiceMaterials(db, s1);
  const m2 = await createServiceMaterials(db, s2);
  supervisor = { id: "00000000-0000-4000-8000-000000000001", role: "supervisor", displayName: "SUP", personId: null, departmentId: null, centreId: null };
  centreSupervisor = { ...supervisor, centreId: c1 };

  const timelines: Record<string, Timeline> = {
    // Receipt Fri 18 Sep evening; accepted Mon 21 (Sat no, Sun make-up yes, Mon yes: 2 days).
    // Due 5 working days after 21 Sep skipping the 25–27 holiday: 29 Sep. Completed 29 Sep: 5 days.
    A1: {
      serviceId: s1, serviceMaterialIds: m1, channel: "online", materials: ["library", "library", "upload", "form"],
      app: { dueOn: "2026-09-29", legalDueOn: "2026-10-26" },
      events: [
        { to: "submitted", at: at("2026-09-18T20:00") },
        { to: "accepted", at: at("2026-09-21T10:00"), data: { deemed: false, clockStartOn: "2026-09-21", dueOn: "2026-09-29", legalDueOn: "2026-10-26" } },
        { to: "approved", at: at("2026-09-29T14:00") },
        { to: "completed", at: at("2026-09-29T15:00"), data: { licenceId: null, onTheSpot: false } },
      ],
      rating: { score: 5, at: at("2026-09-30T09:00") },
    },
    // Counter, accepted at once (0 days); supplement Tue 22 → resubmitted Mon 28: paused 3
    // (23, 24, 28). Due 8 working days after 21 Sep: 9 Oct. Completed Mon 12 Oct: late;
    // 10 working days after 21 Sep (incl. make-up Sat 10 Oct) − 3 paused = 7.
    A2: {
      serviceId: s1, serviceMaterialIds: m1, channel: "counter", centreId: "C1", materials: ["library", "counter"],
      app: { dueOn: "2026-10-09", legalDueOn: "2026-10-29", pausedWorkingDays: 3 },
      events: [
        { to: "submitted", at: at("2026-09-21T09:30") },
        { to: "accepted", at: at("2026-09-21T09:40"), data: { deemed: false, clockStartOn: "2026-09-21", dueOn: "2026-09-29", legalDueOn: "2026-10-26" } },
        { to: "supplement_requested", at: at("2026-09-22T10:00"), data: { materialIds: [], reason: "不清晰", paused: true } },
        { to: "accepted", at: at("2026-09-28T11:00"), data: { pausedWorkingDays: 3, dueOn: "2026-10-09", legalDueOn: "2026-10-29" } },
        { to: "approved", at: at("2026-10-12T10:00") },
        { to: "completed", at: at("2026-10-12T11:00"), data: { licenceId: null, onTheSpot: false } },
      ],
      rating: { score: 2, comment: "等太久了", at: at("2026-10-13T10:00") },
    },
    // Received Wed 30 Sep, nobody answered: deemed accepted Wed 14 Oct (8, 9, 10, 12, 13, 14: 6 days).
    // Clock from the receipt: due 13 Oct — overdue now.
    A3: {
      serviceId: s1, serviceMaterialIds: m1, channel: "online", materials: ["upload"],
      app: { dueOn: "2026-10-13", legalDueOn: "2026-11-03", deemedAccepted: true },
      events: [
        { to: "submitted", at: at("2026-09-30T16:00") },
        { to: "accepted", at: at("2026-10-14T09:00"), data: { deemed: true, clockStartOn: "2026-09-30", dueOn: "2026-10-13", legalDueOn: "2026-11-03" } },
      ],
    },
    // On the spot at the counter on make-up Saturday 10 Oct: 09:05 → 11:40 is 2 hours.
    A4: {
      serviceId: s2, serviceMaterialIds: m2, channel: "counter", centreId: "C1", materials: ["library"],
      app: { dueOn: "2026-10-10", legalDueOn: "2026-10-12" },
      events: [
        { to: "submitted", at: at("2026-10-10T09:05") },
        { to: "accepted", at: at("2026-10-10T09:10"), data: { deemed: false, clockStartOn: "2026-10-10", dueOn: "2026-10-10", legalDueOn: "2026-10-12" } },
        { to: "completed", at: at("2026-10-10T11:40"), data: { licenceId: null, onTheSpot: true } },
      ],
      rating: { score: 4, at: at("2026-10-10T12:00") },
    },
    // On-the-spot service filed online on Sunday night: accepted Monday (1 day), done 12.5 h later.
    A5: {
      serviceId: s2, serviceMaterialIds: m2, channel: "online",
      app: { dueOn: "2026-10-12", legalDueOn: "2026-10-13" },
      events: [
        { to: "submitted", at: at("2026-10-11T21:00") },
        { to: "accepted", at: at("2026-10-12T09:00"), data: { deemed: false, clockStartOn: "2026-10-12", dueOn: "2026-10-12", legalDueOn: "2026-10-13" } },
        { to: "completed", at: at("2026-10-12T09:30"), data: { licenceId: null, onTheSpot: true } },
      ],
      rating: { score: 1, comment: "网上说即办，结果等到第二天", at: at("2026-10-12T10:00") },
    },
    A6: {
      serviceId: s1, serviceMaterialIds: m1, channel: "online", materials: ["upload"],
      events: [
        { to: "submitted", at: at("2026-10-08T10:00") },
        { to: "rejected", at: at("2026-10-09T10:00"), data: { reason: "不属于服务对象" } },
      ],
    },
    A7: {
      serviceId: s1, serviceMaterialIds: m1, channel: "mobile", materials: ["library"],
      events: [
        { to: "submitted", at: at("2026-10-12T08:00") },
        { to: "withdrawn", at: at("2026-10-12T12:00") },
      ],
    },
    // Supplement before acceptance: the clock to accept restarts at the resubmission (Mon 21 Sep
    // evening → Tue 22: 1 day). Due 30 Sep — overdue now.
    A8: {
      serviceId: s1, serviceMaterialIds: m1, channel: "online", materials: ["upload", "library"],
      app: { dueOn: "2026-09-30", legalDueOn: "2026-10-27" },
      events: [
        { to: "submitted", at: at("2026-09-15T10:00") },
        { to: "supplement_requested", at: at("2026-09-16T10:00"), data: { materialIds: [], reason: "缺页", paused: false } },
        { to: "submitted", at: at("2026-09-21T20:00") },
        { to: "accepted", at: at("2026-09-22T09:00"), data: { deemed: false, clockStartOn: "2026-09-22", dueOn: "2026-09-30", legalDueOn: "2026-10-27" } },
      ],
    },
    // Accepted Mon 12 Oct, due Mon 19 Oct: the next working day after today — due within a day.
    A9: {
      serviceId: s1, serviceMaterialIds: m1, channel: "online",
      app: { dueOn: "2026-10-19", legalDueOn: "2026-11-09" },
      events: [
        { to: "submitted", at: at("2026-10-12T09:00") },
        { to: "accepted", at: at("2026-10-12T10:00"), data: { deemed: false, clockStartOn: "2026-10-12", dueOn: "2026-10-19", legalDueOn: "2026-11-09" } },
      ],
    },
  };
  for (const [name, t] of Object.entries(timelines)) {
    const made = await fileTimeline(db, { ...t, centreId: t.centreId === "C1" ? c1 : null });
    ids[name] = made.app.id;
  }
});
afterAll(async () => {
  await h.close();
});

describe("processing-time figures from the rollups (issue 5)", () => {
  it("match the hand-computed numbers for the whole period", async () => {
    const d = await getDashboard(h.db, supervisor, ALL, NOW);
    const f = d.figures;
    expect(f).toMatchObject({
      submitted: 9,
      accepted: 7,
      deemedAccepted: 1,
      supplementRequested: 2,
      completed: 4,
      completedOnTheSpot: 2,
      completedWithinPromised: 3,
      completedWithinLegal: 4,
      rejected: 1,
      withdrawn: 1,
      materialsRequired: 11,
      materialsFromLibrary: 6,
      materialsUploaded: 4,
      materialsAtCounter: 1,
    });
    // Accept days 0,0,0,1,1,2,6: median (4th) 1, p90 (7th) 6. Complete days 5,7. Hours 2,12.
    expect(f.acceptDays).toEqual({ n: 7, median: 1, p90: 6 });
    expect(f.completeDays).toEqual({ n: 2, median: 5, p90: 7 });
    expect(f.completeHours).toEqual({ n: 2, median: 2, p90: 12 });
    expect(f.ratingCounts).toEqual([1, 1, 0, 1, 1]);
    expect(f.averageRating).toBe(3);
    expect(f.poorRatingShare).toBe(0.5);
    expect(f.withinPromisedShare).toBe(0.75);
    expect(f.withinLegalShare).toBe(1);
    expect(f.onTheSpotShare).toBe(0.5);
    expect(f.supplementRate).toBeCloseTo(2 / 9, 12);
    expect(f.materialsExemptedShare).toBeCloseTo(6 / 11, 12);
    expect(d.live).toEqual({ open: 3, overdue: 2, dueSoon: 1, escalated: 0 });
    expect(d.poorComments.map((c) => c.score)).toEqual([2, 1]);
  });

  it("cut by service, department, centre, channel and month", async () => {
    const byService = await getDashboard(h.db, supervisor, { ...ALL, service: s2 }, NOW);
    expect(byService.figures).toMatchObject({ submitted: 2, completed: 2, completedOnTheSpot: 2, materialsFromLibrary: 1 });
    expect(byService.figures.completeHours).toEqual({ n: 2, median: 2, p90: 12 });
    const byDept = await getDashboard(h.db, supervisor, { ...ALL, department: deptId }, NOW);
    expect(byDept.figures).toMatchObject({ submitted: 7, completed: 2, rejected: 1 });
    expect(byDept.live).toEqual({ open: 3, overdue: 2, dueSoon: 1, escalated: 0 });
    const byCentre = await getDashboard(h.db, supervisor, { ...ALL, centre: c1 }, NOW);
    expect(byCentre.figures).toMatchObject({ submitted: 2, completed: 2, materialsAtCounter: 1 });
    const byChannel = await getDashboard(h.db, supervisor, { ...ALL, channel: "mobile" }, NOW);
    expect(byChannel.figures).toMatchObject({ submitted: 1, withdrawn: 1, materialsFromLibrary: 1 });
    const october = await getDashboard(h.db, supervisor, { month: "2026-10", groupBy: "month" }, NOW);
    expect(october.period).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(october.figures).toMatchObject({ submitted: 5, completed: 3, accepted: 4 });
    expect(october.breakdown.rows.map((r) => r.key)).toEqual(["2026-10"]);
    const byMonth = await getDashboard(h.db, supervisor, { ...ALL, groupBy: "month" }, NOW);
    expect(byMonth.breakdown.rows.map((r) => [r.key, r.figures.submitted]).sort()).toEqual([["2026-09", 4], ["2026-10", 5]]);
  });

  it("gives a centre's supervisor only the centre's services", async () => {
    const d = await getDashboard(h.db, centreSupervisor, ALL, NOW);
    expect(d.figures).toMatchObject({ submitted: 2, completed: 2 });
    expect(d.live.open).toBe(0);
    expect(d.options.services.map((s) => s.id)).toEqual([s2]);
  });

  it("equal a plain recomputation from application_events, row for row", async () => {
    const rollups = await readDailyStats(h.db);
    const recomputed = await recomputeDailyStatsFromEvents(h.db);
    expect(rollups.length).toBeGreaterThan(10);
    expect(rollups).toEqual(recomputed);
    const d = await getDashboard(h.db, supervisor, ALL, NOW);
    expect(d.figures).toEqual(figuresOf(addRows(recomputed.filter((r) => r.day >= ALL.from && r.day <= ALL.to))));
  });

  it("rebuild_application_daily_stats() writes the same rows as the triggers", async () => {
    const before = await readDailyStats(h.db);
    await h.db.execute(sql`SELECT rebuild_application_daily_stats()`);
    expect(await readDailyStats(h.db)).toEqual(before);
  });

  it("keeps long histograms exact (positions past the summed head)", async () => {
    // Filed online on Friday morning, done on Monday at noon: 74 hours; another in 2 hours.
    for (const [submitted, done] of [["2026-11-06T10:00", "2026-11-09T12:00"], ["2026-11-10T09:00", "2026-11-10T11:30"]] as const) {
      await fileTimeline(h.db, {
        serviceId: s2, serviceMaterialIds: [], channel: "online",
        app: { dueOn: done.slice(0, 10), legalDueOn: "2026-11-30" },
        events: [
          { to: "submitted", at: at(submitted) },
          { to: "accepted", at: at(done.replace(/T.*/, "T09:00")), data: { deemed: false, clockStartOn: done.slice(0, 10), dueOn: done.slice(0, 10), legalDueOn: "2026-11-30" } },
          { to: "completed", at: at(done), data: { licenceId: null, onTheSpot: true } },
        ],
      });
    }
    const d = await getDashboard(h.db, supervisor, { from: "2026-11-01", to: "2026-11-30", service: s2 }, NOW);
    expect(d.figures.completeHours).toEqual({ n: 2, median: 2, p90: 74 });
    expect(d.figures.acceptDays).toEqual({ n: 2, median: 0, p90: 1 });
    expect(await readDailyStats(h.db)).toEqual(await recomputeDailyStatsFromEvents(h.db));
  });

  it("exports a table as CSV and audits the export", async () => {
    const file = await exportDashboardTable(h.db, supervisor, { ...ALL, groupBy: "channel", table: "breakdown" }, { en: false, header: (k) => k }, NOW);
    const lines = file.csv.split("\r\n");
    expect(lines[0]).toBe("\uFEFFname,submitted,accepted,completed,rejected,acceptMedian,acceptP90,completeMedian,completeP90,hoursMedian,withinPromised,withinLegal,onTheSpot,supplementRate,exempted,averageRating");
    expect(lines.some((l) => l.startsWith("网上办,6,"))).toBe(true);
    const drill = await exportDashboardTable(h.db, supervisor, { ...ALL, metric: "overdue", table: "applications" }, { en: false, header: (k) => k }, NOW);
    expect(drill.csv).not.toMatch(/\d{17}[\dX]/);
    const audits = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "metrics.export"), eq(auditLog.actorUserId, supervisor.id)));
    expect(audits.map((a) => a.entityId).sort()).toEqual(["applications", "breakdown"]);
  });

  it("drills down from a number to the applications behind it", async () => {
    const completed = await listDashboardApplications(h.db, supervisor, { ...ALL, metric: "completed" }, NOW);
    expect(completed.rows.map((r) => r.id).sort()).toEqual([ids.A1, ids.A2, ids.A4, ids.A5].sort());
    expect(completed.rows.every((r) => /\*{6,}/.test(r.applicantIdMasked))).toBe(true);
    const late = await listDashboardApplications(h.db, supervisor, { ...ALL, metric: "late" }, NOW);
    expect(late.rows.map((r) => r.id)).toEqual([ids.A2]);
    const overdue = await listDashboardApplications(h.db, supervisor, { ...ALL, metric: "overdue" }, NOW);
    expect(overdue.rows.map((r) => r.id).sort()).toEqual([ids.A3, ids.A8].sort());
    const accepted = await listDashboardApplications(h.db, supervisor, { ...ALL, metric: "accepted" }, NOW);
    expect(accepted.rows).toHaveLength(7);
    const submitted = await listDashboardApplications(h.db, centreSupervisor, { ...ALL, metric: "submitted" }, NOW);
    expect(submitted.rows.map((r) => r.id).sort()).toEqual([ids.A4, ids.A5].sort());
  });
});
