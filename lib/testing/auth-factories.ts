import type { Executor } from "@/db/client";
import { userTotp } from "@/db/schema";
import { mfaEncryptionKey } from "@/lib/auth/derived-keys";
import { sealSecret } from "@/lib/auth/secret-box";
import { newTotpSecret } from "@/lib/auth/totp-code";

/** A confirmed authenticator for a user; returns its secret so the test can compute codes. */
export async function enrolResidentTotp(db: Executor, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await db.insert(userTotp).values({ userId, secretCiphertext: sealSecret(mfaEncryptionKey(), secret, userId), confirmedAt: new Date() });
  return secret;
}
