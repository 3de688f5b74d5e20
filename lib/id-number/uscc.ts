/** Unified social credit code (统一社会信用代码), GB 32100-2015. */

// I, O, S, V, Z are excluded by the standard to avoid confusion with digits.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const BODY_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{17}$/;

/** Throws RangeError unless `first17` is 17 characters from the USCC alphabet. */
export function usccCheckChar(first17: string): string {
  if (!BODY_PATTERN.test(first17)) {
    throw new RangeError(`USCC body must be 17 chars from ${ALPHABET}: ${first17}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return ALPHABET.charAt(check === 31 ? 0 : check);
}

/**
 * Strict: callers should normalise user input first (see normalizeUscc) so
 * that what is validated is exactly what gets stored.
 */
export function isValidUscc(s: string): boolean {
  return USCC_PATTERN.test(s) && usccCheckChar(s.slice(0, 17)) === s.charAt(17);
}

/** Trims and upper-cases; codes are printed upper-case but often typed lower-case. */
export function normalizeUscc(s: string): string {
  return s.trim().toUpperCase();
}

export function makeUscc(first17: string): string {
  return `${first17}${usccCheckChar(first17)}`;
}
