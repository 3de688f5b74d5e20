import "server-only";
import { and, count, eq, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, persons, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { hashPassword } from "./password";
import type { activationSchema } from "./schemas";
import type { z } from "zod";

/** Real-name check attempts allowed per person per window, so the base data cannot be mined. */
export const ACTIVATION_MAX_FAILURES = 5;
export const ACTIVATION_WINDOW_MINUTES = 30;

type ActivationData = z.output<typeof activationSchema>;

/**
 * Creates a citizen account after a real-name check: the ID number, name and phone must all
 * match the population register. The error never says which of the three was wrong.
 */
export async function activateCitizenAccount(
  db: Executor,
  input: ActivationData,
  now = new Date(),
): Promise<{ userId: string }> {
  const person = (
    await db
      .select({ id: persons.id, name: persons.name, phone: persons.phone })
      .from(persons)
      .where(eq(persons.idNumber, input.idNumber))
  )[0];

  if (person) {
    const windowStart = new Date(now.getTime() - ACTIVATION_WINDOW_MINUTES * 60_000);
    const [failures] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.personId, person.id),
          eq(auditLog.action, "auth.activate_failed"),
          gt(auditLog.occurredAt, windowStart),
        ),
      );
    if ((failures?.n ?? 0) >= ACTIVATION_MAX_FAILURES) {
      throw new AppError("RATE_LIMITED", "errors.activation.tooManyAttempts", {
        params: { minutes: ACTIVATION_WINDOW_MINUTES },
      });
    }
  }

  if (!person || person.name !== input.name || person.phone !== input.phone) {
    if (person) {
      await recordAudit(db, {
        action: "auth.activate_failed",
        entityType: "person",
        entityId: person.id,
        personId: person.id,
      });
    }
    throw new AppError("VALIDATION", "errors.activation.mismatch");
  }

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
