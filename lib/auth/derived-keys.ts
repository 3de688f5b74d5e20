import "server-only";
import { createHmac, hkdfSync } from "node:crypto";
import { env } from "@/lib/env";
import { authSecret } from "./config";

function secretOrThrow(): string {
  if (!authSecret) throw new Error("AUTH_SECRET is not set");
  return authSecret;
}

const cache = new Map<string, Buffer>();

/** A 32-byte key for one purpose, derived from AUTH_SECRET (HKDF-SHA256), so one secret serves several uses safely. */
export function derivedKey(purpose: string): Buffer {
  let key = cache.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secretOrThrow(), "onewindow", purpose, 32));
    cache.set(purpose, key);
  }
  return key;
}

/** HMAC-SHA256 of a value under a purpose's key, hex: a table key that reveals nothing of the value. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", derivedKey(purpose)).update(value, "utf8").digest("hex");
}

/**
 * The key that encrypts two-factor secrets: MFA_ENCRYPTION_KEY when set (so AUTH_SECRET can be
 * rotated without re-enrolling everyone), else one derived from AUTH_SECRET.
 */
export function mfaEncryptionKey(): Buffer {
  return env.MFA_ENCRYPTION_KEY ? Buffer.from(env.MFA_ENCRYPTION_KEY, "hex") : derivedKey("mfa-encryption");
}
