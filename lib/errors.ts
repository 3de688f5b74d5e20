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
  | "INTERNAL";

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

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export const notFound = (what = "errors.notFound") => new AppError("NOT_FOUND", what);
export const forbidden = (what = "errors.forbidden") => new AppError("FORBIDDEN", what);
