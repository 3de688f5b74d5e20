import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "../client";
import { createTestDatabase } from "../testing";
import { acceptanceClock, light, lightSql, receiptClock, resumeClock } from "../../lib/calendar/application-clock";
import { toChinaDate } from "../../lib/calendar/working-days";
import { signingKeyFromSeed } from "../../lib/licences/signing";
import type { ApplicationStatus } from "../schema/values";
import { seedDatabase } from "./index";

const TODAY = "2026-11-16";
let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedDatabase(h.db, { seed: "clock", persons: 400, applications: 600, today: TODAY, signingKey: signingKeyFromSeed("22".repeat(32)), passwordHash: "x" });
});
afterAll(async () => h.close());

type AppRow = {
  id: string;
  status: ApplicationStatus;
  received_at: Date | string | null;
  accept_due_on: string | null;
  due_on: string | null;
  legal_due_on: string | null;
  paused_working_days: number;
  deemed_accepted: boolean;
  clock_paused_at: Date | string | null;
  promised: number;
  legal: number;
};
type EventRow = { application_id: string; from_status: ApplicationStatus | null; to_status: ApplicationStatus; data: Record<string, unknown> | null; occurred_at: Date | string };

const day = (t: Date | string) => toChinaDate(new Date(t));

describe("seeded history follows the legal clock", () => {
  it("replaying every timeline through lib/calendar/application-clock gives the row's clock columns and the events' data", async () => {
    const apps = rowsOf<AppRow>(
      await h.db.execute(sql`
        SELECT a.id, a.status, a.received_at, a.accept_due_on::text AS accept_due_on, a.due_on::text AS due_on,
               a.legal_due_on::text AS legal_due_on, a.paused_working_days, a.deemed_accepted, a.clock_paused_at,
               s.promised_limit_days AS promised, s.legal_limit_days AS legal
        FROM applications a JOIN services s ON s.id = a.service_id`),
    );
    const events = rowsOf<EventRow>(
      await h.db.execute(sql`SELECT application_id, from_status, to_status, data, occurred_at FROM application_events ORDER BY application_id, occurred_at, id`),
    );
    const byApp = new Map<string, EventRow[]>();
    for (const e of events) byApp.set(e.application_id, [...(byApp.get(e.application_id) ?? []), e]);
    const seen = { deemed: 0, pausedNow: 0, resumed: 0, preAcceptSupplement: 0, completed: 0 };

    for (const a of apps) {
      const limits = { promisedLimitDays: Number(a.promised), legalLimitDays: Number(a.legal) };
      let received = "";
      let clock = { acceptDueOn: "", dueOn: "", legalDueOn: "", paused: 0, deemed: false, pausedOn: null as string | null };
      for (const e of byApp.get(a.id) ?? []) {
        const on = day(e.occurred_at);
        if (e.to_status === "submitted") {
          received = on;
          const r = receiptClock(on, limits);
          clock = { ...clock, acceptDueOn: r.acceptDueOn, dueOn: r.dueOn, legalDueOn: r.legalDueOn };
          expect(e.data, a.id).toMatchObject({ acceptDueOn: r.acceptDueOn, dueOn: r.dueOn, legalDueOn: r.legalDueOn });
        } else if (e.to_status === "accepted" && e.from_status === "submitted") {
          const c = acceptanceClock({ receivedOn: received, acceptDueOn: clock.acceptDueOn }, on, limits);
          clock = { ...clock, dueOn: c.dueOn, legalDueOn: c.legalDueOn, deemed: c.deemed };
          expect(e.data, a.id).toEqual({ deemed: c.deemed, clockStartOn: c.clockStartOn, dueOn: c.dueOn, legalDueOn: c.legalDueOn });
          if (c.deemed) seen.deemed += 1;
        } else if (e.to_status === "supplement_requested") {
          expect(e.data, a.id).toMatchObject({ paused: e.from_status === "accepted" });
          expect((e.data?.materialIds as unknown[]).length).toBeGreaterThan(0);
          if (e.from_status === "accepted") clock.pausedOn = on;
          else seen.preAcceptSupplement += 1;
        } else if (e.to_status === "accepted" && e.from_status === "supplement_requested") {
          const r = resumeClock({ pausedOn: clock.pausedOn!, pausedWorkingDays: clock.paused, dueOn: clock.dueOn, legalDueOn: clock.legalDueOn }, on);
          clock = { ...clock, paused: r.pausedWorkingDays, dueOn: r.dueOn, legalDueOn: r.legalDueOn, pausedOn: null };
          expect(e.data, a.id).toMatchObject({ pausedWorkingDays: r.paused, dueOn: r.dueOn, legalDueOn: r.legalDueOn });
          seen.resumed += 1;
        } else if (e.to_status === "completed") {
          expect(e.data, a.id).toMatchObject({ licenceId: null });
          seen.completed += 1;
        } else if (e.to_status === "rejected") {
          expect(e.data?.reason, a.id).toBeTruthy();
        }
      }
      expect(
        { accept: a.accept_due_on, due: a.due_on, legal: a.legal_due_on, paused: Number(a.paused_working_days), deemed: a.deemed_accepted },
        a.id,
      ).toEqual({ accept: clock.acceptDueOn, due: clock.dueOn, legal: clock.legalDueOn, paused: clock.paused, deemed: clock.deemed });
      expect(day(a.received_at!), a.id).toBe(received);
      expect(a.clock_paused_at !== null, a.id).toBe(a.status === "supplement_requested" && clock.pausedOn !== null);
      if (a.clock_paused_at !== null) seen.pausedNow += 1;
    }
    expect(seen.deemed).toBeGreaterThan(0);
    expect(seen.resumed).toBeGreaterThan(0);
    expect(seen.preAcceptSupplement).toBeGreaterThan(0);
    expect(seen.completed).toBeGreaterThan(100);
  });

  it("the queue's SQL light and the TS light agree on every seeded application", async () => {
    const rows = rowsOf<{ status: ApplicationStatus; accept_due_on: string | null; due_on: string | null; light: string }>(
      await h.db.execute(sql`SELECT status, accept_due_on::text AS accept_due_on, due_on::text AS due_on, ${lightSql(TODAY)} AS light FROM applications`),
    );
    const lights = new Set<string>();
    for (const r of rows) {
      const expected = light({ status: r.status, acceptDueOn: r.accept_due_on, dueOn: r.due_on }, TODAY);
      expect(r.light).toBe(expected);
      lights.add(expected);
    }
    expect(lights.has("none")).toBe(true);
    expect(lights.has("green") || lights.has("yellow") || lights.has("red")).toBe(true);
  });
});
