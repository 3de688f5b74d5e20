import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getDb } from "@/db";
import type { Database } from "@/db/client";
import type { Role } from "@/db/schema/enums";
import { requireUser, type Actor } from "@/lib/auth/session";
import { expectedError, type ErrorCode } from "@/lib/errors";
import { noteDatabaseUnavailable } from "@/lib/health/check-database";
import { logger } from "@/lib/logger";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors: Record<string, string> };

type Context<A> = { actor: A; db: Database; requestId: string };

/** Turns zod issues into translated messages per field; the issue message is a catalogue key. */
async function fieldErrorsOf(error: z.ZodError): Promise<Record<string, string>> {
  const t = await getTranslations("validation");
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    if (out[field]) continue;
    out[field] = t.has(issue.message) ? t(issue.message) : t("invalid");
  }
  return out;
}

async function run<S extends z.ZodType, T, A>(
  schema: S,
  raw: unknown,
  authenticate: () => Promise<A>,
  fn: (input: z.output<S>, ctx: Context<A>) => Promise<T>,
): Promise<ActionResult<T>> {
  const requestId = randomUUID();
  const t = await getTranslations();
  try {
    const actor = await authenticate();
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        code: "VALIDATION",
        message: t("errors.validation"),
        fieldErrors: await fieldErrorsOf(parsed.error),
      };
    }
    const db = await getDb();
    return { ok: true, data: await fn(parsed.data, { actor, db, requestId }) };
  } catch (error) {
    unstable_rethrow(error);
    // Expected outcomes (a refusal, bad input, the database away) are answered in words and
    // logged without a stack; the form keeps what was typed, since nothing was thrown at it.
    const known = expectedError(error);
    if (known) {
      if (known.code === "UNAVAILABLE") noteDatabaseUnavailable(error);
      else logger.info({ requestId, code: known.code, key: known.messageKey }, "action refused");
      const fieldErrors: Record<string, string> = {};
      for (const [field, key] of Object.entries(known.fieldErrors)) fieldErrors[field] = t(key);
      return { ok: false, code: known.code, message: t(known.messageKey, known.params), fieldErrors };
    }
    logger.error({ err: error, requestId }, "server action failed");
    return { ok: false, code: "INTERNAL", message: t("errors.internal", { requestId }), fieldErrors: {} };
  }
}

/**
 * A server action for signed-in users. The one line an actions.ts needs:
 * authenticate (re-reading the user row), check the role, parse with the same zod schema the
 * form used, call lib, and turn any refusal into a clear message. Input is never echoed back.
 */
export function userAction<S extends z.ZodType, T>(
  roles: Role[],
  schema: S,
  fn: (input: z.output<S>, ctx: Context<Actor>) => Promise<T>,
) {
  return (raw: z.input<S>) => run(schema, raw, () => requireUser(...roles), fn);
}

/** A server action anyone may call (sign-in, activation). */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.output<S>, ctx: Context<null>) => Promise<T>,
) {
  return (raw: z.input<S>) => run(schema, raw, () => Promise.resolve(null), fn);
}
