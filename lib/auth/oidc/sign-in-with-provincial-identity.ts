import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { persons, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { parseResidentId } from "@/lib/id-number";
import { logger } from "@/lib/logger";
import type { ProvincialClaims } from "./provincial-provider";

/**
 * Stored as the password hash of an account made through the provincial identity provider: no
 * argon2 hash can equal it, so no password ever opens the account (verifyPassword says no).
 */
export const NO_PASSWORD = "!provincial-identity";

export type ProvincialSignInRefusal = "no_id_number" | "unverified" | "invalid_id_number" | "not_in_register" | "inactive";

export type ProvincialSignIn = { ok: true; user: User; created: boolean } | { ok: false; reason: ProvincialSignInRefusal };

function claimedIdNumber(claims: ProvincialClaims): { ok: true; idNumber: string } | { ok: false; reason: ProvincialSignInRefusal } {
  const raw = claims[env.OIDC_ID_NUMBER_CLAIM];
  if (typeof raw !== "string" || raw.trim() === "") return { ok: false, reason: "no_id_number" };
  if (env.OIDC_ID_VERIFIED_CLAIM !== "none" && claims[env.OIDC_ID_VERIFIED_CLAIM] !== true) return { ok: false, reason: "unverified" };
  const parsed = parseResidentId(raw.trim().toUpperCase());
  if (!parsed.ok) return { ok: false, reason: "invalid_id_number" };
  return { ok: true, idNumber: parsed.value.id };
}

/**
 * A resident arriving from the provincial identity provider, with claims Auth.js has already
 * validated: the verified ID number must be a valid GB 11643 number of a person in the
 * population register. Then their citizen account is used — created on first sign-in with no
 * usable password (NO_PASSWORD), never a password to set. Refusals create nothing. A
 * deactivated account is refused (staff never match: only citizen accounts link to a person).
 * One transaction; the person's row is locked so two first sign-ins create one account.
 */
export async function signInWithProvincialIdentity(db: Executor, claims: ProvincialClaims, now = new Date()): Promise<ProvincialSignIn> {
  const claimed = claimedIdNumber(claims);
  if (!claimed.ok) {
    logger.warn({ reason: claimed.reason, sub: claims.sub }, "provincial sign-in refused");
    return claimed;
  }
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: persons.id, name: persons.name }).from(persons).where(eq(persons.idNumber, claimed.idNumber)).for("update");
    if (!person) {
      logger.warn({ reason: "not_in_register", sub: claims.sub }, "provincial sign-in refused");
      return { ok: false, reason: "not_in_register" } as const;
    }
    let [user] = await tx.select().from(users).where(eq(users.personId, person.id));
    let created = false;
    if (!user) {
      [user] = await tx.insert(users).values({ role: "citizen", personId: person.id, displayName: person.name, passwordHash: NO_PASSWORD }).returning();
      created = true;
    }
    if (!user) throw new Error("signInWithProvincialIdentity: insert returned no row");
    if (!user.active) return { ok: false, reason: "inactive" } as const;
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorUserId: user.id,
      actorRole: "citizen",
      action: "auth.sign_in",
      entityType: "user",
      entityId: user.id,
      personId: person.id,
      detail: { method: "provincial_oidc", created, subject: claims.sub ?? null },
    });
    return { ok: true, user, created } as const;
  });
}
