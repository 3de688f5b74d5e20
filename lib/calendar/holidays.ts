/**
 * China's official public holidays and make-up working days (调休上班), as published in the
 * State Council General Office's yearly notices (国务院办公厅关于…年部分节假日安排的通知):
 *
 * - 2024: 国办发明电〔2023〕7号, 2023-10-25
 * - 2025: 国办发明电〔2024〕12号, 2024-11-12 (first year under the 2024 revision of
 *         《全国年节及纪念日放假办法》: one more day each for 春节 and 劳动节)
 * - 2026: notice of 2025-11-04 (Xinhua) — transcribed from the published text; check it
 *         against the notice on www.gov.cn before relying on it for legal deadlines.
 *
 * This table is DATA, not logic. The `calendar_days` table mirrors it (the seed copies it
 * there) so that administrators can add next year's notice without a deploy; code that
 * computes legal deadlines should build its calendar from the database rows with
 * `createCalendar(rows)` and use this constant only as the default / seed.
 *
 * Every day of a holiday period is listed, weekend days included, so a calendar shows the
 * whole break under the festival's name. Days not listed follow the ordinary Monday–Friday
 * week. A "workday" entry is a make-up working day, almost always a Saturday or Sunday.
 */
export type HolidayKind = "holiday" | "workday";

export type HolidayEntry = {
  /** ISO date, YYYY-MM-DD, China time. */
  day: string;
  kind: HolidayKind;
  nameZh: string;
  nameEn: string;
};

type Festival = { zh: string; en: string };

const NEW_YEAR: Festival = { zh: "元旦", en: "New Year's Day" };
const SPRING: Festival = { zh: "春节", en: "Spring Festival" };
const QINGMING: Festival = { zh: "清明节", en: "Qingming Festival" };
const LABOUR: Festival = { zh: "劳动节", en: "Labour Day" };
const DRAGON_BOAT: Festival = { zh: "端午节", en: "Dragon Boat Festival" };
const MID_AUTUMN: Festival = { zh: "中秋节", en: "Mid-Autumn Festival" };
const NATIONAL: Festival = { zh: "国庆节", en: "National Day" };
const NATIONAL_MID_AUTUMN: Festival = {
  zh: "国庆节、中秋节",
  en: "National Day and Mid-Autumn Festival",
};

function utcDay(iso: string): number {
  const [y = NaN, m = NaN, d = NaN] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

/** Every day from `first` to `last` inclusive (both YYYY-MM-DD), as a holiday of `f`. */
function off(first: string, last: string, f: Festival): HolidayEntry[] {
  const out: HolidayEntry[] = [];
  for (let t = utcDay(first); t <= utcDay(last); t += 86_400_000) {
    out.push({ day: new Date(t).toISOString().slice(0, 10), kind: "holiday", nameZh: f.zh, nameEn: f.en });
  }
  if (out.length === 0) throw new RangeError(`empty holiday span ${first}..${last}`);
  return out;
}

/** A make-up working day (调休上班) for festival `f`. */
function work(day: string, f: Festival): HolidayEntry {
  return { day, kind: "workday", nameZh: `${f.zh}调休上班`, nameEn: `${f.en} make-up working day` };
}

const ENTRIES: HolidayEntry[] = [
  // ---- 2024 (国办发明电〔2023〕7号) ----
  // 元旦: 1月1日放假，与周末连休 (the connected weekend, 2023-12-30/31, is an ordinary weekend).
  ...off("2024-01-01", "2024-01-01", NEW_YEAR),
  // 春节: 2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
  ...off("2024-02-10", "2024-02-17", SPRING),
  work("2024-02-04", SPRING),
  work("2024-02-18", SPRING),
  // 清明节: 4月4日至6日放假调休，共3天。4月7日（星期日）上班。
  ...off("2024-04-04", "2024-04-06", QINGMING),
  work("2024-04-07", QINGMING),
  // 劳动节: 5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
  ...off("2024-05-01", "2024-05-05", LABOUR),
  work("2024-04-28", LABOUR),
  work("2024-05-11", LABOUR),
  // 端午节: 6月10日放假，与周末连休。
  ...off("2024-06-08", "2024-06-10", DRAGON_BOAT),
  // 中秋节: 9月15日至17日放假调休，共3天。9月14日（星期六）上班。
  ...off("2024-09-15", "2024-09-17", MID_AUTUMN),
  work("2024-09-14", MID_AUTUMN),
  // 国庆节: 10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
  ...off("2024-10-01", "2024-10-07", NATIONAL),
  work("2024-09-29", NATIONAL),
  work("2024-10-12", NATIONAL),

  // ---- 2025 (国办发明电〔2024〕12号) ----
  // 元旦: 1月1日（周三）放假1天，不调休。
  ...off("2025-01-01", "2025-01-01", NEW_YEAR),
  // 春节: 1月28日（除夕、周二）至2月4日（初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
  ...off("2025-01-28", "2025-02-04", SPRING),
  work("2025-01-26", SPRING),
  work("2025-02-08", SPRING),
  // 清明节: 4月4日（周五）至6日（周日）放假，共3天。
  ...off("2025-04-04", "2025-04-06", QINGMING),
  // 劳动节: 5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
  ...off("2025-05-01", "2025-05-05", LABOUR),
  work("2025-04-27", LABOUR),
  // 端午节: 5月31日（周六）至6月2日（周一）放假，共3天。
  ...off("2025-05-31", "2025-06-02", DRAGON_BOAT),
  // 国庆节、中秋节: 10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
  ...off("2025-10-01", "2025-10-08", NATIONAL_MID_AUTUMN),
  work("2025-09-28", NATIONAL_MID_AUTUMN),
  work("2025-10-11", NATIONAL_MID_AUTUMN),

  // ---- 2026 (notice of 2025-11-04 — verify against www.gov.cn) ----
  // 元旦: 1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
  ...off("2026-01-01", "2026-01-03", NEW_YEAR),
  work("2026-01-04", NEW_YEAR),
  // 春节: 2月15日（腊月二十八、周日）至23日（正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
  ...off("2026-02-15", "2026-02-23", SPRING),
  work("2026-02-14", SPRING),
  work("2026-02-28", SPRING),
  // 清明节: 4月4日（周六）至6日（周一）放假，共3天。
  ...off("2026-04-04", "2026-04-06", QINGMING),
  // 劳动节: 5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
  ...off("2026-05-01", "2026-05-05", LABOUR),
  work("2026-05-09", LABOUR),
  // 端午节: 6月19日（周五）至21日（周日）放假，共3天。
  ...off("2026-06-19", "2026-06-21", DRAGON_BOAT),
  // 中秋节: 9月25日（周五）至27日（周日）放假，共3天。
  ...off("2026-09-25", "2026-09-27", MID_AUTUMN),
  // 国庆节: 10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
  ...off("2026-10-01", "2026-10-07", NATIONAL),
  work("2026-09-20", NATIONAL),
  work("2026-10-10", NATIONAL),
];

/** All known holidays and make-up working days, sorted by day; one entry per day. */
export const HOLIDAYS: HolidayEntry[] = [...ENTRIES].sort((a, b) =>
  a.day < b.day ? -1 : a.day > b.day ? 1 : 0,
);

/** First and last years the table covers; outside them only weekends are known. */
export const HOLIDAYS_FIRST_YEAR = 2024;
export const HOLIDAYS_LAST_YEAR = 2026;
