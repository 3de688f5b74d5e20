import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { persons, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { ACTIVATION_POLICY, ADDRESS_POLICY } from "./lockout";
import { hashPassword } from "./password";
import type { activationSchema } from "./schemas";
import { addressKey, loginKey, lockThrottles, recordFailure, refusalOf } from "./throttle";

/** Real-name check attempts allowed per ID number per window, so the register cannot be mined. */
export const ACTIVATION_MAX_FAILURES = ACTIVATION_POLICY.lockAfter;
export const ACTIVATION_WINDOW_MINUTES = ACTIVATION_POLICY.lockMinutes;

type ActivationData = z.output<typeof activationSchema>;

/**
 * Creates a citizen account after a real-name check: the ID number, name and phone must all
 * match the population register. The answer never says which of the three was wrong, nor
 * whether the ID number is in the register at all: every ID number, registered or not, has
 * the same counter (an HMAC of the number) and the same limit, and so does the client address.
 */
export async function activateCitizenAccount(
  db: Executor,
  input: ActivationData,
  now = new Date(),
  address: string | null = null,
): Promise<{ userId: string }> {
  const throttles = [loginKey("activate", input.idNumber, ACTIVATION_POLICY), addressKey("activation", address, ADDRESS_POLICY)];
  const checked = await db.transaction(async (tx) => {
    const counters = await lockThrottles(tx, throttles);
    const refused = refusalOf(counters, now);
    if (refused) {
      const minutes = refused.reason === "locked" ? refused.minutes : Math.max(1, Math.ceil(refused.waitSeconds / 60));
      return { kind: "refused", minutes } as const;
    }
    const [person] = await tx
      .select({ id: persons.id, name: persons.name, phone: persons.phone })
      .from(persons)
      .where(eq(persons.idNumber, input.idNumber));
    if (person && person.name === input.name && person.phone === input.phone) return { kind: "matched", person } as const;
    await recordFailure(tx, counters, now);
    await recordAudit(tx, {
      action: "auth.activate_failed",
      entityType: person ? "person" : "activation",
      entityId: person?.id ?? null,
      personId: person?.id ?? null,
    });
    return { kind: "mismatch" } as const;
  });
  if (checked.kind === "refused") {
    throw new AppError("RATE_LIMITED", "errors.activation.tooManyAttempts", { params: { minutes: checked.minutes } });
  }
  if (checked.kind === "mismatch") throw new AppError("VALIDATION", "errors.activation.mismatch");
  const { person } = checked;

  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(users)
      .values({ role: "citizen", personId: person.id, displayName: person.name, passwordHash })
      .onConflictDoNothing({ target: users.personId })
      .returning({ id: users.id });
    const user = created[0];
    if (!user) throw new AppError("CONFLICT", "errors.activation.alreadyActive");
    await recordAudit(tx, {
      actorUserId: user.id,
      actorRole: "citizen",
      action: "auth.account_activated",
      entityType: "user",
      entityId: user.id,
      personId: person.id,
    });
    return { userId: user.id };
  });
}
