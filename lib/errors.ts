/**
 * One error type for everything lib refuses. `code` is for programs (and picks the i18n
 * message); `internal` is for logs only and never reaches a page.
 */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "VALIDATION"
  | "RATE_LIMITED"
  | "LOCKED"
  /** The database cannot be reached: answered 503 with Retry-After, and the form keeps its input. */
  | "UNAVAILABLE"
  | "INTERNAL";

/**
 * The one map from codes to HTTP statuses, used by the API (lib/api/problem.ts), uploads and
 * the export routes. Bad input is always a 4xx; only the database being away (503) and real
 * faults (500) are 5xx.
 */
export const httpStatusOf: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  LOCKED: 423,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Seconds a client is asked to wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Key in the "errors" message catalogue, e.g. "errors.activation.mismatch". */
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  readonly fieldErrors: Record<string, string>;

  constructor(
    code: ErrorCode,
    messageKey: string,
    options: {
      internal?: string;
      params?: Record<string, string | number>;
      fieldErrors?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(options.internal ?? messageKey, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
    this.fieldErrors = options.fieldErrors ?? {};
  }
}

/**
 * Also true for an AppError from another bundle of the same build (instrumentation.ts, proxy.ts
 * and the pages each get their own copy of this module, so `instanceof` alone is not enough).
 */
export function isAppError(e: unknown): e is AppError {
  if (e instanceof AppError) return true;
  const x = e as { name?: unknown; code?: unknown; messageKey?: unknown } | null;
  return typeof x === "object" && x !== null && x.name === "AppError" && typeof x.code === "string" && typeof x.messageKey === "string";
}

export const notFound = (what = "errors.notFound") => new AppError("NOT_FOUND", what);
export const forbidden = (what = "errors.forbidden") => new AppError("FORBIDDEN", what);

/** The error and its causes (drizzle wraps the driver's error in `cause`). */
function* causes(e: unknown): Generator<{ code?: unknown; message?: unknown; name?: unknown }> {
  let current: unknown = e;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

// Node socket errors, and SQLSTATE classes 08 (connection exception) and 57P (operator
// intervention: shutdown, crash, cannot connect now), 53300 (too many connections).
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "53300"]);
const UNREACHABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i,
  /connect ECONNREFUSED/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  // PGlite: the instance was closed, or its socket server (multi-process serving) is away.
  /PGlite is closed/i,
  /PGlite (instance )?(is )?not (ready|running)/i,
];

/** True when an error means the database cannot be reached (pg or PGlite), not that a query was wrong. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (const c of causes(e)) {
    const code = typeof c.code === "string" ? c.code : "";
    if (UNREACHABLE_CODES.has(code) || code.startsWith("08") || code.startsWith("57P")) return true;
    const message = typeof c.message === "string" ? c.message : "";
    if (UNREACHABLE_MESSAGES.some((re) => re.test(message))) return true;
    // An AggregateError (pg tries IPv4 and IPv6) carries its socket errors in `errors`.
    const inner = (c as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}

/**
 * SQLSTATE class 22 (data exception: a date out of range, a malformed number…) means input
 * reached SQL unchecked: the request was bad, not the server. Answered as VALIDATION.
 */
export function isBadInputFromDatabase(e: unknown): boolean {
  for (const c of causes(e)) if (typeof c.code === "string" && /^22[0-9A-Z]{3}$/.test(c.code)) return true;
  return false;
}

/**
 * Any thrown value as an AppError when it is an expected one: lib's own refusals, the database
 * being away, bad input that reached SQL. Null for a real fault (log it with a request id).
 */
export function expectedError(e: unknown): AppError | null {
  if (isAppError(e)) return e;
  if (isDatabaseUnavailable(e)) return new AppError("UNAVAILABLE", "errors.unavailable", { cause: e, params: { seconds: RETRY_AFTER_SECONDS } });
  if (isBadInputFromDatabase(e)) return new AppError("VALIDATION", "errors.validation", { cause: e });
  return null;
}
