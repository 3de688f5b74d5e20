import "server-only";
import { getTranslations } from "next-intl/server";
import { AppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";

const statusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  LOCKED: 423,
  INTERNAL: 500,
};

/** An RFC 9457 problem document with the message in the visitor's language; never the input. */
export async function problemResponse(error: unknown, requestId: string): Promise<Response> {
  const t = await getTranslations();
  const known = error instanceof AppError ? error : null;
  if (!known) logger.error({ err: error, requestId }, "upload route failed");
  const code = known?.code ?? "INTERNAL";
  const fieldErrors = Object.fromEntries(Object.entries(known?.fieldErrors ?? {}).map(([f, key]) => [f, t(key)]));
  const detail = known ? (fieldErrors.file ?? t(known.messageKey, known.params)) : t("errors.internal", { requestId });
  return Response.json(
    { type: "about:blank", title: code, status: statusOf[code], detail, code, fieldErrors, requestId },
    { status: statusOf[code], headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } },
  );
}
