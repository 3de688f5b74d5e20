import "server-only";
import { randomInt } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { userRecoveryCodes, userTotp } from "@/db/schema";
import { mfaEncryptionKey } from "./derived-keys";
import { hashPassword, verifyPassword } from "./password";
import { openSecret, sealSecret } from "./secret-box";
import { matchTotpStep, newTotpSecret, totpUri } from "./totp-code";

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A recovery code as typed: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

/** Ten codes of 10 characters from a 31-letter alphabet (~49 bits each), shown once as "xxxxx-xxxxx". */
function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export type TotpRow = { secret: string; confirmed: boolean; lastUsedStep: number | null };

/** The user's authenticator, row-locked for the attempt (the caller holds a transaction). */
export async function lockTotp(tx: Executor, userId: string): Promise<TotpRow | null> {
  const [row] = await tx.select().from(userTotp).where(eq(userTotp.userId, userId)).for("update");
  if (!row) return null;
  return { secret: openSecret(mfaEncryptionKey(), row.secretCiphertext, userId), confirmed: row.confirmedAt !== null, lastUsedStep: row.lastUsedStep };
}

/**
 * Enrolment's first half: a fresh secret, stored encrypted and unconfirmed; an unconfirmed one
 * is replaced, so an abandoned enrolment never lingers. Returns what the QR code carries.
 */
export async function beginTotpEnrolment(tx: Executor, userId: string, label: string): Promise<{ secret: string; uri: string }> {
  const secret = newTotpSecret();
  const secretCiphertext = sealSecret(mfaEncryptionKey(), secret, userId);
  await tx
    .insert(userTotp)
    .values({ userId, secretCiphertext })
    .onConflictDoUpdate({ target: userTotp.userId, set: { secretCiphertext, lastUsedStep: null, createdAt: sql`now()` }, setWhere: isNull(userTotp.confirmedAt) });
  const stored = await lockTotp(tx, userId);
  // A confirmed authenticator is never replaced here (nor shown): answer its URI-less state.
  if (!stored || stored.confirmed) throw new Error("authenticator already confirmed");
  return { secret: stored.secret, uri: totpUri(stored.secret, label) };
}

export type CodeCheck = { ok: true; method: "totp" | "recovery" } | { ok: false; reason: "wrong" | "used" };

/**
 * Checks a code from the app (refusing a step already used: RFC 6238 §5.2) or an unused
 * recovery code; on success records the step or marks the code used, in the caller's transaction.
 */
export async function checkSecondFactor(tx: Executor, userId: string, totp: TotpRow, code: string, now: Date): Promise<CodeCheck> {
  const step = matchTotpStep(totp.secret, code, now);
  if (step !== null) {
    if (totp.lastUsedStep !== null && step <= totp.lastUsedStep) return { ok: false, reason: "used" };
    await tx.update(userTotp).set({ lastUsedStep: step }).where(eq(userTotp.userId, userId));
    return { ok: true, method: "totp" };
  }
  if (!totp.confirmed) return { ok: false, reason: "wrong" };
  const typed = normaliseRecoveryCode(code);
  if (!/^[a-z0-9]{10}$/.test(typed)) return { ok: false, reason: "wrong" };
  const unused = await tx
    .select({ id: userRecoveryCodes.id, codeHash: userRecoveryCodes.codeHash })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  for (const candidate of unused) {
    if (await verifyPassword(candidate.codeHash, typed)) {
      await tx.update(userRecoveryCodes).set({ usedAt: now }).where(eq(userRecoveryCodes.id, candidate.id));
      return { ok: true, method: "recovery" };
    }
  }
  return { ok: false, reason: "wrong" };
}

/** Enrolment's second half, after a correct first code: confirms, and issues fresh recovery codes (shown once). */
export async function confirmTotpEnrolment(tx: Executor, userId: string, now: Date): Promise<string[]> {
  await tx.update(userTotp).set({ confirmedAt: now }).where(eq(userTotp.userId, userId));
  return replaceRecoveryCodes(tx, userId);
}

export async function replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  const hashes = await Promise.all(codes.map((c) => hashPassword(normaliseRecoveryCode(c))));
  await tx.insert(userRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  return codes;
}

/** Removes the authenticator and its recovery codes (a resident turning two-factor off). */
export async function removeSecondFactor(tx: Executor, userId: string): Promise<void> {
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  await tx.delete(userTotp).where(eq(userTotp.userId, userId));
}
