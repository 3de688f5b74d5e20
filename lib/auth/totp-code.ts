import { Secret, TOTP } from "otpauth";

/**
 * TOTP as RFC 6238 and every authenticator app do it: HMAC-SHA1, 6 digits, 30-second steps.
 * Pure (no database), so the e2e fixtures compute codes with the same code the server checks.
 */
export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = "一窗通办 OneWindow";

function totpOf(secretBase32: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A new random secret (160 bits, the RFC 4226 recommendation), base32 as apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI the QR code carries. */
export function totpUri(secretBase32: string, label: string): string {
  return totpOf(secretBase32, label).toString();
}

/** The 30-second step a time falls in. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for a step (tests and the e2e sign-in fixture). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpOf(secretBase32).generate({ timestamp: at.getTime() });
}

/**
 * The step whose code `code` is, allowing one step of clock drift either way; null if none.
 * The caller refuses a step not later than the last one accepted (replay).
 */
export function matchTotpStep(secretBase32: string, code: string, at: Date): number | null {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : totpStep(at) + delta;
}
