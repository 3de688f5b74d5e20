import { z } from "zod";

/**
 * ASVS 4.0 V2.1 / NIST SP 800-63B passwords: 12–128 characters (counted as Unicode code points,
 * so Chinese and emoji count as one each), any printable character including spaces, no
 * composition rules. Refused: control characters (NUL, newline…), unpaired surrogates, and
 * passwords that are one character repeated or a run like 123456789012. The server also
 * refuses common and breached passwords (lib/auth/common-passwords.ts): that list is kept off
 * the browser.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const codePoints = (s: string) => [...s];

function isRepetitive(s: string): boolean {
  return new Set(codePoints(s)).size < 4;
}

/** Each character one up (or one down) from the last, as in 1234567890123 or abcdefghijkl. */
function isSequential(s: string): boolean {
  const cps = codePoints(s.toLowerCase()).map((c) => c.codePointAt(0) ?? 0);
  const step = (a: number, b: number) => {
    // Digits wrap: …8 9 0 1…
    if (a >= 48 && a <= 57 && b >= 48 && b <= 57) return (b - a + 10) % 10;
    return b - a;
  };
  const first = step(cps[0] ?? 0, cps[1] ?? 0);
  const up = first === 1;
  const down = first === -1 || first === 9;
  if (!up && !down) return false;
  return cps.slice(1).every((c, i) => {
    const d = step(cps[i] ?? 0, c);
    return up ? d === 1 : d === -1 || d === 9;
  });
}

export const passwordSchema = z
  .string()
  .refine((s) => !/\p{Cc}/u.test(s), { message: "password.control" })
  .refine((s) => !/\p{Cs}/u.test(s), { message: "password.control" })
  .refine((s) => codePoints(s).length >= PASSWORD_MIN, { message: "password.tooShort" })
  .refine((s) => codePoints(s).length <= PASSWORD_MAX, { message: "password.tooLong" })
  .refine((s) => !isRepetitive(s), { message: "password.repetitive" })
  .refine((s) => !isSequential(s), { message: "password.sequential" });
