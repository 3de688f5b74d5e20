import { describe, expect, it } from "vitest";
import { HOLIDAYS } from "./holidays";
import {
  DEFAULT_CALENDAR,
  addCalendarDays,
  addWorkingDays,
  calendarCovers,
  createCalendar,
  dayOfWeek,
  isIsoDay,
  isWorkingDay,
  toChinaDate,
  workingDaysBetween,
} from "./working-days";

describe("HOLIDAYS table", () => {
  it("has one entry per valid day, sorted", () => {
    const days = HOLIDAYS.map((h) => h.day);
    expect(new Set(days).size).toBe(days.length);
    expect([...days].sort()).toEqual(days);
    for (const h of HOLIDAYS) expect(isIsoDay(h.day)).toBe(true);
  });

  it("puts every make-up working day on a weekend", () => {
    const workdays = HOLIDAYS.filter((h) => h.kind === "workday");
    expect(workdays.length).toBeGreaterThan(10);
    for (const w of workdays) expect([0, 6]).toContain(dayOfWeek(w.day));
  });

  it("has the published break lengths", () => {
    const count = (prefix: string, nameZh: string) =>
      HOLIDAYS.filter((h) => h.kind === "holiday" && h.day.startsWith(prefix) && h.nameZh === nameZh).length;
    expect(count("2024", "春节")).toBe(8);
    expect(count("2025", "春节")).toBe(8);
    expect(count("2026", "春节")).toBe(9);
    expect(count("2024", "国庆节")).toBe(7);
    expect(count("2025", "国庆节、中秋节")).toBe(8);
    expect(count("2026", "国庆节")).toBe(7);
    expect(count("2025", "劳动节")).toBe(5);
  });
});

describe("date helpers", () => {
  it("validates ISO days, including leap years", () => {
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2025-02-29")).toBe(false);
    expect(isIsoDay("2000-02-29")).toBe(true);
    expect(isIsoDay("1900-02-29")).toBe(false);
    expect(isIsoDay("2025-13-01")).toBe(false);
    expect(isIsoDay("2025-1-01")).toBe(false);
    expect(isIsoDay("2025-04-31")).toBe(false);
  });

  it("knows the day of the week", () => {
    expect(dayOfWeek("1970-01-01")).toBe(4);
    expect(dayOfWeek("2024-02-29")).toBe(4);
    expect(dayOfWeek("2025-01-01")).toBe(3);
    expect(dayOfWeek("2026-01-01")).toBe(4);
  });

  it("adds calendar days across month, year and leap-day boundaries", () => {
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addCalendarDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addCalendarDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addCalendarDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addCalendarDays("2024-01-01", 366)).toBe("2025-01-01");
  });

  it("rejects malformed input", () => {
    expect(() => isWorkingDay("2025-02-29")).toThrow(RangeError);
    expect(() => addWorkingDays("2025/01/02", 1)).toThrow(RangeError);
    expect(() => addWorkingDays("2025-01-02", -1)).toThrow(RangeError);
    expect(() => addWorkingDays("2025-01-02", 1.5)).toThrow(RangeError);
    expect(() => workingDaysBetween("2025-01-02", "")).toThrow(RangeError);
  });
});

describe("isWorkingDay", () => {
  it("treats ordinary weekdays as working days and weekends as rest days", () => {
    expect(isWorkingDay("2025-03-12")).toBe(true); // Wednesday
    expect(isWorkingDay("2025-03-15")).toBe(false); // Saturday
    expect(isWorkingDay("2025-03-16")).toBe(false); // Sunday
  });

  it("counts a Saturday make-up working day", () => {
    expect(dayOfWeek("2025-02-08")).toBe(6);
    expect(isWorkingDay("2025-02-08")).toBe(true); // 春节调休上班
    expect(isWorkingDay("2024-10-12")).toBe(true); // 国庆调休上班 (Saturday)
    expect(isWorkingDay("2026-02-28")).toBe(true);
  });

  it("counts a Sunday make-up working day", () => {
    expect(isWorkingDay("2025-01-26")).toBe(true);
    expect(isWorkingDay("2026-01-04")).toBe(true);
  });

  it("does not count a weekday holiday", () => {
    expect(dayOfWeek("2025-01-01")).toBe(3);
    expect(isWorkingDay("2025-01-01")).toBe(false);
    expect(isWorkingDay("2024-02-15")).toBe(false); // Thursday in 春节
    expect(isWorkingDay("2025-10-08")).toBe(false); // Wednesday, 8th day of 国庆中秋
    expect(isWorkingDay("2026-02-23")).toBe(false); // Monday, 正月初七
  });

  it("treats Chinese New Year's Eve 2024 (not an official holiday) as a working day", () => {
    expect(isWorkingDay("2024-02-09")).toBe(true);
  });

  it("accepts a custom calendar (e.g. built from calendar_days rows)", () => {
    const cal = createCalendar([
      { day: "2027-01-01", kind: "holiday" },
      { day: "2027-01-02", kind: "workday" },
    ]);
    expect(isWorkingDay("2027-01-01", cal)).toBe(false); // Friday
    expect(isWorkingDay("2027-01-02", cal)).toBe(true); // Saturday
    expect(isWorkingDay("2025-01-01", cal)).toBe(true); // this calendar does not know 2025
    expect(calendarCovers("2027-06-01", cal)).toBe(true);
    expect(calendarCovers("2025-06-01", cal)).toBe(false);
  });

  it("refuses a calendar that contradicts itself", () => {
    expect(() =>
      createCalendar([
        { day: "2027-01-01", kind: "holiday" },
        { day: "2027-01-01", kind: "workday" },
      ]),
    ).toThrow(RangeError);
    expect(() => createCalendar([{ day: "2027-02-30", kind: "holiday" }])).toThrow(RangeError);
  });

  it("covers 2024 to 2026 by default", () => {
    expect(calendarCovers("2024-06-01")).toBe(true);
    expect(calendarCovers("2026-12-31")).toBe(true);
    expect(calendarCovers("2027-01-04")).toBe(false);
    expect(DEFAULT_CALENDAR.size).toBe(HOLIDAYS.length);
  });
});

describe("addWorkingDays", () => {
  it("does not count the start day", () => {
    // Monday 2025-03-10 + 1 → Tuesday
    expect(addWorkingDays("2025-03-10", 1)).toBe("2025-03-11");
    // Monday + 5 → next Monday (skips the weekend)
    expect(addWorkingDays("2025-03-10", 5)).toBe("2025-03-17");
  });

  it("skips weekends from a Friday and from a weekend start", () => {
    expect(addWorkingDays("2025-03-14", 1)).toBe("2025-03-17"); // Fri → Mon
    expect(addWorkingDays("2025-03-15", 1)).toBe("2025-03-17"); // Sat → Mon
    expect(addWorkingDays("2025-03-16", 1)).toBe("2025-03-17"); // Sun → Mon
  });

  it("n = 0 gives the start day if it is a working day, else the next working day", () => {
    expect(addWorkingDays("2025-03-12", 0)).toBe("2025-03-12");
    expect(addWorkingDays("2025-03-15", 0)).toBe("2025-03-17");
    expect(addWorkingDays("2025-02-08", 0)).toBe("2025-02-08"); // make-up Saturday
    expect(addWorkingDays("2024-09-30", 0)).toBe("2024-09-30"); // Monday before 国庆
    expect(addWorkingDays("2024-10-01", 0)).toBe("2024-10-08");
  });

  it("spans Spring Festival 2025 including both make-up days", () => {
    // Friday 2025-01-24; Sunday 01-26 is a make-up working day; 01-27 Monday works;
    // 01-28 … 02-04 holiday; 02-05 … 02-07 work; Saturday 02-08 make-up.
    expect(addWorkingDays("2025-01-24", 1)).toBe("2025-01-26");
    expect(addWorkingDays("2025-01-24", 2)).toBe("2025-01-27");
    expect(addWorkingDays("2025-01-24", 3)).toBe("2025-02-05");
    expect(addWorkingDays("2025-01-24", 6)).toBe("2025-02-08");
    expect(addWorkingDays("2025-01-24", 7)).toBe("2025-02-10");
  });

  it("spans Spring Festival 2026 (nine days off)", () => {
    // Friday 02-13; Sat 02-14 make-up; 02-15 … 02-23 off; 02-24 Tuesday back.
    expect(addWorkingDays("2026-02-13", 1)).toBe("2026-02-14");
    expect(addWorkingDays("2026-02-13", 2)).toBe("2026-02-24");
  });

  it("spans National Day 2024", () => {
    // Friday 09-27; Sun 09-29 make-up; Mon 09-30 works; 10-01 … 10-07 off; Sat 10-12 make-up.
    expect(addWorkingDays("2024-09-27", 1)).toBe("2024-09-29");
    expect(addWorkingDays("2024-09-27", 2)).toBe("2024-09-30");
    expect(addWorkingDays("2024-09-27", 3)).toBe("2024-10-08");
    expect(addWorkingDays("2024-09-27", 7)).toBe("2024-10-12");
    expect(addWorkingDays("2024-09-27", 8)).toBe("2024-10-14");
  });

  it("crosses month and year boundaries", () => {
    // Tuesday 2024-12-31 + 1: 2025-01-01 is a holiday → Thursday 01-02
    expect(addWorkingDays("2024-12-31", 1)).toBe("2025-01-02");
    // Wednesday 2025-12-31 + 1: 2026-01-01 … 03 off → Sunday 01-04 make-up day
    expect(addWorkingDays("2025-12-31", 1)).toBe("2026-01-04");
    expect(addWorkingDays("2025-04-30", 1)).toBe("2025-05-06"); // 劳动节 01 … 05
  });

  it("handles the 2024 leap day", () => {
    expect(isWorkingDay("2024-02-29")).toBe(true); // Thursday
    expect(addWorkingDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addWorkingDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addWorkingDays("2024-02-29", 2)).toBe("2024-03-04");
  });

  it("computes a 20-working-day legal limit across National Day 2025", () => {
    // Accepted Thursday 2025-09-25. Working days: 09-26, 09-28 (Sun make-up), 09-29, 09-30,
    // then 10-09, 10-10, 10-11 (Sat make-up) = 7; 10-13 … 10-17 = 12; 10-20 … 10-24 = 17;
    // 10-27, 10-28, 10-29 → the 20th is Wednesday 10-29 (a calendar-day count would say 10-15).
    expect(addWorkingDays("2025-09-25", 20)).toBe("2025-10-29");
  });
});

describe("workingDaysBetween", () => {
  it("is 0 when toDay is on or before fromDay", () => {
    expect(workingDaysBetween("2025-03-12", "2025-03-12")).toBe(0);
    expect(workingDaysBetween("2025-03-12", "2025-03-01")).toBe(0);
  });

  it("counts working days after fromDay up to and including toDay", () => {
    expect(workingDaysBetween("2025-03-10", "2025-03-11")).toBe(1);
    expect(workingDaysBetween("2025-03-14", "2025-03-16")).toBe(0); // Fri → Sun
    expect(workingDaysBetween("2025-03-14", "2025-03-17")).toBe(1);
  });

  it("counts make-up days and skips holidays across Spring Festival 2024", () => {
    // Working days in (02-01, 02-29]: 02-02; 02-04 (Sun make-up); 02-05 … 02-08; 02-09
    // (除夕, not an official holiday in 2024); 02-18 (Sun make-up); 02-19 … 02-23;
    // 02-26 … 02-29 → 1 + 1 + 4 + 1 + 1 + 5 + 4 = 17 (02-12 … 02-16 are holidays).
    expect(workingDaysBetween("2024-02-01", "2024-02-29")).toBe(17);
  });

  it("counts a whole year", () => {
    // 2025: 365 days, 104 weekend days (Jan 1 is Wednesday), 261 weekdays.
    // Weekday holidays: 01-01; 01-28 … 02-04 (6 weekdays); 04-04; 05-01, 05-02, 05-05;
    // 06-02; 10-01 … 10-08 (6 weekdays) = 1 + 6 + 1 + 3 + 1 + 6 = 18. Make-up days: 5.
    expect(workingDaysBetween("2024-12-31", "2025-12-31")).toBe(261 - 18 + 5);
  });

  it("is the inverse of addWorkingDays", () => {
    const starts = ["2024-02-08", "2024-09-27", "2025-01-24", "2025-09-30", "2025-12-31", "2026-02-13"];
    for (const start of starts) {
      for (let n = 1; n <= 40; n++) {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }
    }
  });

  it("uses the calendar it is given", () => {
    const none = createCalendar([]);
    // 2025-09-30 (Tue) → 2025-10-08 (Wed): with no holidays, 6 weekdays.
    expect(workingDaysBetween("2025-09-30", "2025-10-08", none)).toBe(6);
    expect(workingDaysBetween("2025-09-30", "2025-10-08")).toBe(0);
  });
});

describe("toChinaDate", () => {
  it("is the next calendar day at 23:30 UTC", () => {
    expect(toChinaDate(new Date("2025-03-10T23:30:00Z"))).toBe("2025-03-11");
  });

  it("rolls over the year and the leap day in China time", () => {
    expect(toChinaDate(new Date("2024-12-31T16:00:00Z"))).toBe("2025-01-01");
    expect(toChinaDate(new Date("2024-12-31T15:59:59.999Z"))).toBe("2024-12-31");
    expect(toChinaDate(new Date("2024-02-28T16:00:00Z"))).toBe("2024-02-29");
    expect(toChinaDate(new Date("2024-02-29T16:00:00Z"))).toBe("2024-03-01");
  });

  it("is the same day during the China daytime", () => {
    expect(toChinaDate(new Date("2025-03-10T00:00:00+08:00"))).toBe("2025-03-10");
    expect(toChinaDate(new Date("2025-03-10T01:00:00Z"))).toBe("2025-03-10");
  });

  it("rejects an invalid Date", () => {
    expect(() => toChinaDate(new Date("not a date"))).toThrow(RangeError);
  });
});
