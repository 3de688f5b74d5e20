import "server-only";
import { getTranslations } from "next-intl/server";
import { logApiFailure } from "./log-failure";
import { expectedError, httpStatusOf, RETRY_AFTER_SECONDS } from "@/lib/errors";

/**
 * For route handlers outside /api/v1 (uploads, CSV exports): an RFC 9457 problem document with
 * the message in the visitor's language, never the input. Statuses from the one map in
 * lib/errors.ts, as the API answers them.
 */
export async function routeProblem(error: unknown, requestId: string): Promise<Response> {
  const t = await getTranslations();
  const known = expectedError(error);
  const code = known?.code ?? "INTERNAL";
  const status = httpStatusOf[code];
  logApiFailure(error, status, requestId, "uploads");
  const fieldErrors = Object.fromEntries(Object.entries(known?.fieldErrors ?? {}).map(([f, key]) => [f, t(key)]));
  const detail = known ? (fieldErrors.file ?? t(known.messageKey, known.params)) : t("errors.internal", { requestId });
  return Response.json(
    { type: "about:blank", title: code, status, detail, code, fieldErrors, requestId },
    {
      status,
      headers: {
        "Content-Type": "application/problem+json",
        "Cache-Control": "no-store",
        ...(code === "UNAVAILABLE" ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {}),
      },
    },
  );
}
