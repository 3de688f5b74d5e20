import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { applications } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/values";
import { createTestDatabase } from "@/db/testing";
import { createApplication, createDepartment, createPerson, createService } from "@/lib/testing/factories";
import {
  ACCEPT_WITHIN_WORKING_DAYS,
  acceptanceClock,
  isDeemedAcceptedBy,
  light,
  lightSql,
  receiptClock,
  resumeClock,
} from "./application-clock";
import { workingDaysBetween } from "./working-days";

const limits = { promisedLimitDays: 10, legalLimitDays: 20 };

describe("receiptClock", () => {
  it("gives 5 working days to answer completeness, skipping the weekend", () => {
    // Friday 2026-11-20: Mon 23 … Fri 27 are the five working days.
    const c = receiptClock("2026-11-20", limits);
    expect(ACCEPT_WITHIN_WORKING_DAYS).toBe(5);
    expect(c.acceptDueOn).toBe("2026-11-27");
    expect(c.dueOn).toBe("2026-12-04");
    expect(c.legalDueOn).toBe("2026-12-18");
  });

  it("skips the National Day week and counts the make-up Saturday 10 October", () => {
    // Received Wednesday 30 Sep 2026; 1–7 Oct are holidays, Sat 10 Oct is a working day.
    const c = receiptClock("2026-09-30", limits);
    // Working days after it: 8, 9, 10 (Sat, make-up), 12, 13 October.
    expect(c.acceptDueOn).toBe("2026-10-13");
    expect(workingDaysBetween("2026-09-30", c.acceptDueOn)).toBe(5);
  });

  it("uses China time for an instant: 23:30 UTC is already the next day in Shenzhen", () => {
    expect(receiptClock(new Date("2026-11-19T23:30:00Z"), limits).receivedOn).toBe("2026-11-20");
  });

  it("an on-the-spot limit of 0 days is due the receipt day, or the next working day on a weekend", () => {
    expect(receiptClock("2026-11-20", { promisedLimitDays: 0, legalLimitDays: 0 }).dueOn).toBe("2026-11-20");
    expect(receiptClock("2026-11-21", { promisedLimitDays: 0, legalLimitDays: 0 }).dueOn).toBe("2026-11-23");
  });
});

describe("acceptanceClock", () => {
  const app = { receivedOn: "2026-11-20", acceptDueOn: "2026-11-27" };

  it("an acceptance within 5 working days starts the clock on the day of acceptance", () => {
    const c = acceptanceClock(app, "2026-11-24", limits);
    expect(c).toEqual({ deemed: false, clockStartOn: "2026-11-24", dueOn: "2026-12-08", legalDueOn: "2026-12-22" });
  });

  it("on the last day of the 5 it is still a real acceptance", () => {
    expect(acceptanceClock(app, "2026-11-27", limits).deemed).toBe(false);
  });

  it("one day late it is deemed accepted on the receipt day (逾期不告知视为受理)", () => {
    const c = acceptanceClock(app, "2026-11-28", limits);
    expect(c.deemed).toBe(true);
    expect(c.clockStartOn).toBe("2026-11-20");
    expect(c.dueOn).toBe("2026-12-04");
    expect(c.legalDueOn).toBe("2026-12-18");
  });

  it("computes the completeness deadline when the row has none (an application filed before the clock existed)", () => {
    expect(acceptanceClock({ receivedOn: "2026-11-20", acceptDueOn: null }, "2026-11-30", limits).deemed).toBe(true);
  });

  it("isDeemedAcceptedBy is strict: the deadline day itself is still in time", () => {
    expect(isDeemedAcceptedBy("2026-11-27", "2026-11-27")).toBe(false);
    expect(isDeemedAcceptedBy("2026-11-27", "2026-11-28")).toBe(true);
    expect(isDeemedAcceptedBy(null, "2030-01-01")).toBe(false);
  });
});

describe("resumeClock", () => {
  it("moves both due dates later by the working days the clock stood still", () => {
    // Paused Tue 24 Nov, answered Tue 1 Dec: 25, 26, 27, 30 Nov, 1 Dec = 5 working days.
    const c = resumeClock({ pausedOn: "2026-11-24", pausedWorkingDays: 2, dueOn: "2026-12-08", legalDueOn: "2026-12-22" }, "2026-12-01");
    expect(c.paused).toBe(5);
    expect(c.pausedWorkingDays).toBe(7);
    expect(c.dueOn).toBe("2026-12-15");
    expect(c.legalDueOn).toBe("2026-12-29");
  });

  it("an answer on the day of the request pauses nothing", () => {
    const c = resumeClock({ pausedOn: "2026-11-24", pausedWorkingDays: 0, dueOn: "2026-12-08", legalDueOn: "2026-12-22" }, "2026-11-24");
    expect(c).toEqual({ paused: 0, pausedWorkingDays: 0, dueOn: "2026-12-08", legalDueOn: "2026-12-22" });
  });

  it("a pause over a weekend only counts working days", () => {
    const c = resumeClock({ pausedOn: "2026-11-20", pausedWorkingDays: 0, dueOn: "2026-12-04", legalDueOn: "2026-12-18" }, "2026-11-22");
    expect(c.paused).toBe(0);
  });
});

describe("light", () => {
  const at = (status: ApplicationStatus, acceptDueOn: string | null, dueOn: string | null) => ({ status, acceptDueOn, dueOn });

  it("watches the completeness deadline before acceptance and the promised date after", () => {
    expect(light(at("submitted", "2026-11-27", "2026-11-21"), "2026-11-23")).toBe("green");
    expect(light(at("accepted", "2026-11-21", "2026-12-04"), "2026-11-23")).toBe("green");
    expect(light(at("approved", null, "2026-11-20"), "2026-11-23")).toBe("red");
  });

  it("is yellow on the due day and the working day before it, red the day after", () => {
    // Due Monday 30 Nov: Friday 27 is the working day before it.
    const a = at("accepted", null, "2026-11-30");
    expect(light(a, "2026-11-26")).toBe("green");
    expect(light(a, "2026-11-27")).toBe("yellow");
    expect(light(a, "2026-11-28")).toBe("yellow");
    expect(light(a, "2026-11-30")).toBe("yellow");
    expect(light(a, "2026-12-01")).toBe("red");
  });

  it("is paused while a supplement is outstanding, none for closed ones and those without a date", () => {
    expect(light(at("supplement_requested", "2026-01-01", "2026-01-01"), "2026-11-23")).toBe("paused");
    for (const s of ["draft", "completed", "rejected", "withdrawn"] as const) expect(light(at(s, "2026-01-01", "2026-01-01"), "2026-11-23")).toBe("none");
    expect(light(at("submitted", null, "2026-01-01"), "2026-11-23")).toBe("none");
  });
});

describe("lightSql agrees with light", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDatabase();
  });
  afterAll(async () => h.close());

  it("for every status and deadline around today", async () => {
    const person = await createPerson(h.db);
    const service = await createService(h.db, (await createDepartment(h.db)).id);
    const today = "2026-11-27"; // Friday: the next working day is Monday 30.
    const days = [null, "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-30", "2026-12-01"];
    const statuses: ApplicationStatus[] = ["submitted", "accepted", "approved", "supplement_requested", "completed", "rejected", "withdrawn", "draft"];
    const cases: { id: string; status: ApplicationStatus; acceptDueOn: string | null; dueOn: string | null }[] = [];
    for (const status of statuses) {
      for (const d of days) {
        const a = await createApplication(h.db, person.id, service.id);
        cases.push({ id: a.id, status, acceptDueOn: d, dueOn: d === null ? "2026-11-30" : d });
        cases.push({ id: (await createApplication(h.db, person.id, service.id)).id, status, acceptDueOn: "2026-11-30", dueOn: d });
      }
    }
    for (const c of cases) {
      await h.db.execute(
        sql`UPDATE ${applications} SET status = ${c.status}, accept_due_on = ${c.acceptDueOn}, due_on = ${c.dueOn} WHERE id = ${c.id}`,
      );
    }
    const rows = rowsOf<{ id: string; light: string }>(
      await h.db.execute(sql`SELECT id, ${lightSql(today)} AS light FROM ${applications} WHERE applicant_person_id = ${person.id}`),
    );
    const sqlLight = new Map(rows.map((r) => [r.id, r.light]));
    const seen = new Set<string>();
    for (const c of cases) {
      const expected = light(c, today);
      seen.add(expected);
      expect(sqlLight.get(c.id), `${c.status} ${c.acceptDueOn} ${c.dueOn}`).toBe(expected);
    }
    expect([...seen].sort()).toEqual(["green", "none", "paused", "red", "yellow"]);
  });
});
