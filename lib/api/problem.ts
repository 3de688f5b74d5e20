import { createTranslator } from "use-intl/core";
import type { z } from "zod";
import { expectedError, httpStatusOf, RETRY_AFTER_SECONDS, type ErrorCode } from "@/lib/errors";
import enErrors from "@/lib/i18n/messages/en/errors.json";
import enValidation from "@/lib/i18n/messages/en/validation.json";
import zhErrors from "@/lib/i18n/messages/zh-CN/errors.json";
import zhValidation from "@/lib/i18n/messages/zh-CN/validation.json";

/** What an API operation answers, before it becomes a `Response`: contract tests read this directly. */
export type ApiResponse = {
  status: number;
  headers: Record<string, string>;
  body: unknown;
};

/** One field-level problem: a JSON pointer (RFC 6901) into the request body and what is wrong. */
export type ProblemFieldError = { pointer: string; detail: string; code: string };

/** RFC 9457 problem details, with the detail in both of the portal's languages. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The same detail in each language, so a log or a foreign system can show either. */
  detailI18n: { "zh-CN": string; en: string };
  code: ErrorCode | "IDEMPOTENCY";
  requestId: string;
  errors?: ProblemFieldError[];
};

export const PROBLEM_BASE = "https://onewindow.example.gov.cn/problems/";

/** The statuses come from the one map in lib/errors.ts (uploads and exports use it too). */
export const statusOf = httpStatusOf;

const titles: Record<ErrorCode, string> = {
  UNAUTHENTICATED: "Unauthorized",
  FORBIDDEN: "Forbidden",
  NOT_FOUND: "Not Found",
  CONFLICT: "Conflict",
  VALIDATION: "Unprocessable Content",
  RATE_LIMITED: "Too Many Requests",
  LOCKED: "Locked",
  UNAVAILABLE: "Service Unavailable",
  INTERNAL: "Internal Server Error",
};

type Locale = "zh-CN" | "en";
const translators = {
  "zh-CN": createTranslator({ locale: "zh-CN", messages: { errors: zhErrors, validation: zhValidation } }),
  en: createTranslator({ locale: "en", messages: { errors: enErrors, validation: enValidation } }),
};

type Translate = (key: string, params?: Record<string, string | number>) => string;
const translate = (locale: Locale, key: string, params?: Record<string, string | number>): string =>
  (translators[locale] as unknown as Translate)(key, params);
const has = (locale: Locale, key: string) => (translators[locale] as unknown as { has: (k: string) => boolean }).has(key);

/** "zh-CN" unless the caller prefers English (Accept-Language: en…). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const first = (acceptLanguage ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}

/** JSON pointer for a zod issue path: ["fields", "a/b"] → "/fields/a~1b". */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

function issueDetail(locale: Locale, issue: z.core.$ZodIssue): string {
  // Schemas name their messages by catalogue key ("validation.idNumber.check_char", "errors.api.…").
  if (has(locale, issue.message)) return translate(locale, issue.message);
  const generic = translate(locale, "errors.api.field." + (issue.code === "invalid_type" ? "type" : "invalid"));
  return `${generic} (${issue.message})`;
}

export function problemFromZod(error: z.ZodError, requestId: string, locale: Locale, bodyName = ""): ApiResponse {
  const items = (l: Locale) =>
    error.issues.map((issue) => ({ pointer: `${bodyName}${jsonPointer(issue.path)}`, detail: issueDetail(l, issue), code: issue.code }));
  return problemResponse(
    { code: "VALIDATION", key: "errors.api.validation", params: { count: error.issues.length }, requestId, locale, errors: items(locale) },
  );
}

/**
 * Any error from lib (AppError), the database being away (503 + Retry-After), bad input that
 * reached SQL (422), or a real fault (logged by the caller, shown generically) as a problem.
 */
export function problemFromError(thrown: unknown, requestId: string, locale: Locale): ApiResponse {
  const error = expectedError(thrown);
  if (error) {
    const key = error.messageKey.startsWith("errors.api.") ? error.messageKey : fallbackKey[error.code];
    const errors = Object.entries(error.fieldErrors).map(([field, fieldKey]) => ({
      pointer: field.startsWith("/") ? field : jsonPointer(field.split(".")),
      detail: translate(locale, fieldKey),
      code: "custom",
    }));
    return problemResponse({ code: error.code, key, params: error.params, requestId, locale, errors: errors.length ? errors : undefined });
  }
  return problemResponse({ code: "INTERNAL", key: "errors.api.internal", params: { requestId }, requestId, locale });
}

const fallbackKey: Record<ErrorCode, string> = {
  UNAUTHENTICATED: "errors.api.unauthenticated",
  FORBIDDEN: "errors.api.forbidden",
  NOT_FOUND: "errors.api.notFound",
  CONFLICT: "errors.api.conflict",
  VALIDATION: "errors.api.validation",
  RATE_LIMITED: "errors.api.rateLimited",
  LOCKED: "errors.api.forbidden",
  UNAVAILABLE: "errors.api.unavailable",
  INTERNAL: "errors.api.internal",
};

export function problemResponse(p: {
  code: ErrorCode;
  key: string;
  params?: Record<string, string | number>;
  requestId: string;
  locale: Locale;
  errors?: ProblemFieldError[];
  headers?: Record<string, string>;
  /** Overrides the type slug (e.g. "idempotency-key-reused"). */
  slug?: string;
}): ApiResponse {
  const params = { requestId: p.requestId, seconds: 60, count: 0, ...p.params };
  const status = httpStatusOf[p.code];
  const body: Problem = {
    type: `${PROBLEM_BASE}${p.slug ?? p.key.replace(/^errors\.api\./, "").replace(/\./g, "-")}`,
    title: titles[p.code],
    status,
    detail: translate(p.locale, p.key, params),
    detailI18n: { "zh-CN": translate("zh-CN", p.key, params), en: translate("en", p.key, params) },
    code: p.code,
    requestId: p.requestId,
    ...(p.errors ? { errors: p.errors } : {}),
  };
  return {
    status,
    headers: {
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      ...(p.code === "UNAVAILABLE" ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {}),
      ...p.headers,
    },
    body,
  };
}
