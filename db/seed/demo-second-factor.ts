/**
 * The demo staff's authenticator. Every staff account needs a TOTP code at sign-in; so that the
 * README's demo accounts work out of the box, they are seeded as already enrolled with this one
 * published secret (add it to any authenticator app, or let the e2e fixtures compute codes).
 * A demo convenience only: real staff enrol their own secret on first sign-in.
 */
import type { Executor } from "../client";
import { userTotp } from "../schema";
import { sealSecret } from "@/lib/auth/secret-box";
import { STAFF } from "./demo";
import { userId } from "./users";

export const DEMO_TOTP_SECRET = "ONEWINDOWDEMOSTAFFTWOFACTORKEYAA";

export async function seedDemoSecondFactor(db: Executor, opts: { mfaKey: Buffer }): Promise<{ enrolled: number }> {
  const rows = STAFF.map((s) => {
    const id = userId(s.staffNo);
    return { userId: id, secretCiphertext: sealSecret(opts.mfaKey, DEMO_TOTP_SECRET, id), confirmedAt: new Date() };
  });
  await db.insert(userTotp).values(rows).onConflictDoNothing();
  return { enrolled: rows.length };
}
