/**
 * The legal working-day clock (工作日) for time limits.
 *
 * 《行政许可法》第八十二条: time limits for administrative licensing are counted in working
 * days, not counting statutory holidays. A working day is Monday–Friday, except official
 * holidays, plus the make-up working days (调休上班) the State Council announces each year.
 *
 * All functions are pure and work on ISO calendar dates ("YYYY-MM-DD") in China time
 * (Asia/Shanghai, UTC+8, no daylight saving since 1991). No `Date` object is used for
 * date arithmetic — days are converted to a day number with the proleptic Gregorian
 * algorithm, so there are no time-zone or DST traps. Only `toChinaDate` takes an instant.
 *
 * Counting convention (as in 行政许可法 and civil-procedure period computing): the day on
 * which a period starts — the day of acceptance (受理) — is NOT counted; the period ends at
 * the end of the nth working day after it. So a 20-working-day limit for an application
 * accepted on day D ends on `addWorkingDays(D, 20)`, and
 * `workingDaysBetween(D, addWorkingDays(D, n)) === n` for every n ≥ 1.
 */
import { HOLIDAYS, type HolidayKind } from "./holidays";

export type CalendarEntry = {
  day: string;
  kind: HolidayKind;
  nameZh?: string;
  nameEn?: string;
};

/** A lookup of the days that deviate from the Monday–Friday week. Build with createCalendar. */
export type WorkingCalendar = {
  /** The holiday or make-up working day entry for `day`, if any. */
  entryFor(day: string): CalendarEntry | undefined;
  /** Years for which the calendar has at least one entry (i.e. a notice was loaded). */
  readonly years: ReadonlySet<number>;
  readonly size: number;
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

type Civil = { y: number; m: number; d: number };

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil({ y, m, d }: Civil): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): Civil {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parseCivil(day: string): Civil | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** True for a real calendar date written YYYY-MM-DD (rejects 2025-02-29, 2024-13-01, …). */
export function isIsoDay(day: string): boolean {
  return parseCivil(day) !== null;
}

function toDayNumber(day: string): number {
  const civil = parseCivil(day);
  if (!civil) throw new RangeError(`not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return daysFromCivil(civil);
}

function fromDayNumber(n: number): string {
  const { y, m, d } = civilFromDays(n);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Day of the week of an ISO date: 0 = Sunday, 1 = Monday, … 6 = Saturday. */
export function dayOfWeek(day: string): number {
  return weekdayOfDayNumber(toDayNumber(day));
}

/** The ISO date `n` calendar days after (negative: before) `day`. */
export function addCalendarDays(day: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`day count must be an integer: ${n}`);
  return fromDayNumber(toDayNumber(day) + n);
}

/**
 * Builds a calendar from holiday / make-up working day entries — HOLIDAYS, or rows of the
 * `calendar_days` table. Throws on a malformed date or on two entries for the same day that
 * disagree on the kind.
 */
export function createCalendar(entries: Iterable<CalendarEntry>): WorkingCalendar {
  const byDay = new Map<string, CalendarEntry>();
  const years = new Set<number>();
  for (const entry of entries) {
    const civil = parseCivil(entry.day);
    if (!civil) throw new RangeError(`calendar entry has a bad date: ${JSON.stringify(entry.day)}`);
    if (entry.kind !== "holiday" && entry.kind !== "workday") {
      throw new RangeError(`calendar entry ${entry.day} has a bad kind: ${String(entry.kind)}`);
    }
    const existing = byDay.get(entry.day);
    if (existing && existing.kind !== entry.kind) {
      throw new RangeError(`calendar has both a holiday and a working day on ${entry.day}`);
    }
    byDay.set(entry.day, { ...entry });
    years.add(civil.y);
  }
  return {
    entryFor: (day) => byDay.get(day),
    years,
    size: byDay.size,
  };
}

/** The calendar of the built-in State Council notices (see holidays.ts). */
export const DEFAULT_CALENDAR: WorkingCalendar = createCalendar(HOLIDAYS);

/** Whether the calendar has data for the year of `day`; outside it holidays are unknown. */
export function calendarCovers(day: string, calendar: WorkingCalendar = DEFAULT_CALENDAR): boolean {
  const civil = parseCivil(day);
  if (!civil) throw new RangeError(`not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return calendar.years.has(civil.y);
}

function isWorkingDayNumber(n: number, calendar: WorkingCalendar): boolean {
  const entry = calendar.entryFor(fromDayNumber(n));
  if (entry) return entry.kind === "workday";
  const wd = weekdayOfDayNumber(n);
  return wd !== 0 && wd !== 6;
}

/**
 * True on Monday–Friday unless the calendar lists the day as a holiday, and on a weekend
 * day the calendar lists as a make-up working day (调休上班).
 */
export function isWorkingDay(day: string, calendar: WorkingCalendar = DEFAULT_CALENDAR): boolean {
  return isWorkingDayNumber(toDayNumber(day), calendar);
}

/**
 * The `n`th working day after `startDay` — the last day of an n-working-day time limit
 * starting on `startDay`. The start day itself is not counted (see the module comment).
 *
 * n = 0 means "no working days allowed" (on-the-spot, 即办): the answer is `startDay` itself
 * when it is a working day, otherwise the next working day (an application received on a
 * Sunday is due, at the earliest, on Monday).
 */
export function addWorkingDays(
  startDay: string,
  n: number,
  calendar: WorkingCalendar = DEFAULT_CALENDAR,
): string {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`working-day count must be a non-negative integer: ${n}`);
  }
  let day = toDayNumber(startDay);
  if (n === 0) {
    while (!isWorkingDayNumber(day, calendar)) day += 1;
    return fromDayNumber(day);
  }
  let remaining = n;
  while (remaining > 0) {
    day += 1;
    if (isWorkingDayNumber(day, calendar)) remaining -= 1;
  }
  return fromDayNumber(day);
}

/**
 * The number of working days after `fromDay` up to and including `toDay` — how many working
 * days of a time limit have elapsed by the end of `toDay` when the clock started on
 * `fromDay`. 0 when `toDay` is on or before `fromDay`.
 */
export function workingDaysBetween(
  fromDay: string,
  toDay: string,
  calendar: WorkingCalendar = DEFAULT_CALENDAR,
): number {
  const from = toDayNumber(fromDay);
  const to = toDayNumber(toDay);
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) {
    if (isWorkingDayNumber(day, calendar)) count += 1;
  }
  return count;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China (Asia/Shanghai, UTC+8) at `instant`, as YYYY-MM-DD. */
export function toChinaDate(instant: Date): string {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("toChinaDate: invalid Date");
  return fromDayNumber(Math.floor((ms + CHINA_OFFSET_MS) / 86_400_000));
}
