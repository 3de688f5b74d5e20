/**
 * Citizen identity number, GB 11643-1999, plus the 2023 foreigner
 * permanent-residence number (外国人永久居留身份证) that shares its layout.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

// Province-level prefixes only: the full GB/T 2260 list changes every year and
// people keep their original number for life, so retired county codes are valid.
const PROVINCE_CODES = new Set<string>([
  "11", "12", "13", "14", "15",
  "21", "22", "23",
  "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46",
  "50", "51", "52", "53", "54",
  "61", "62", "63", "64", "65",
  "71", "81", "82", "83",
]);

const MIN_BIRTH_YEAR = 1850;
// Birth dates are civil dates in China; comparing in UTC+8 (no DST there)
// keeps "born today" valid regardless of the server's time zone.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export type ResidentIdError =
  | "empty"
  | "length"
  | "characters"
  | "division"
  | "birth_date"
  | "future_birth_date"
  | "check_char";

export interface ResidentId {
  id: string;
  divisionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: "male" | "female";
  sequence: string;
  foreignPermanentResident: boolean;
}

export type ParseResidentIdResult =
  | { ok: true; value: ResidentId }
  | { ok: false; error: ResidentIdError; detail?: string };

/** Throws if `first17` is not exactly 17 ASCII digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError("residentIdCheckChar expects exactly 17 digits");
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS.charAt(sum % 11);
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** `ymd` is 8 digits; returns YYYY-MM-DD or null if not a real calendar date. */
function toIsoDate(ymd: string): string | null {
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(4, 6));
  const d = Number(ymd.slice(6, 8));
  if (y < MIN_BIRTH_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return null;
  }
  return `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
}

function chinaToday(today: Date): string {
  return new Date(today.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function normalize(input: string): string {
  const trimmed = input.trim();
  // Phones often auto-lowercase the final X; nothing else is case-sensitive.
  return trimmed.endsWith("x") ? `${trimmed.slice(0, -1)}X` : trimmed;
}

export function parseResidentId(input: string, today: Date = new Date()): ParseResidentIdResult {
  const id = normalize(input);
  if (id === "") return { ok: false, error: "empty" };
  if (id.length !== 18) return { ok: false, error: "length", detail: String(id.length) };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, error: "characters" };

  const divisionCode = id.slice(0, 6);
  const foreignPermanentResident = id.startsWith("9");
  if (!foreignPermanentResident && !PROVINCE_CODES.has(id.slice(0, 2))) {
    return { ok: false, error: "division", detail: divisionCode };
  }

  const birthDate = toIsoDate(id.slice(6, 14));
  if (birthDate === null) return { ok: false, error: "birth_date", detail: id.slice(6, 14) };
  // ISO date strings compare correctly as plain strings.
  if (birthDate > chinaToday(today)) {
    return { ok: false, error: "future_birth_date", detail: birthDate };
  }

  const expected = residentIdCheckChar(id.slice(0, 17));
  if (id.charAt(17) !== expected) return { ok: false, error: "check_char", detail: expected };

  const sequence = id.slice(14, 17);
  return {
    ok: true,
    value: {
      id,
      divisionCode,
      birthDate,
      sex: Number(sequence) % 2 === 1 ? "male" : "female",
      sequence,
      foreignPermanentResident,
    },
  };
}

export function isValidResidentId(s: string): boolean {
  return parseResidentId(s).ok;
}

/** Keeps region and last two chars so staff can match a record without exposing birth date. */
export function maskResidentId(id: string): string {
  const s = id.trim();
  if (s.length === 18) return `${s.slice(0, 6)}${"*".repeat(10)}${s.slice(16)}`;
  // Showing "the last two" of a 1-2 char string would reveal all of it.
  if (s.length <= 2) return "*".repeat(s.length);
  return `${"*".repeat(s.length - 2)}${s.slice(-2)}`;
}

/**
 * Builds a valid number (for fixtures and seeding). Throws RangeError on
 * malformed input rather than emitting an id that parseResidentId would reject.
 */
export function makeResidentId(divisionCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(divisionCode)) {
    throw new RangeError(`division code must be 6 digits: ${divisionCode}`);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const ymd = match ? `${match[1]}${match[2]}${match[3]}` : "";
  if (!match || toIsoDate(ymd) === null) {
    throw new RangeError(`birth date must be a real YYYY-MM-DD date from ${MIN_BIRTH_YEAR}: ${birthDate}`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer 0-999: ${sequence}`);
  }
  const first17 = `${divisionCode}${ymd}${String(sequence).padStart(3, "0")}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}
