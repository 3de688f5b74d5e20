import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiIdempotency } from "@/db/schema";
import { logApiFailure } from "./log-failure";
import { authenticateApiKey } from "./keys";
import type { ApiOperation } from "./operations";
import { negotiateLocale, problemFromError, problemFromZod, problemResponse, type ApiResponse } from "./problem";
import { consumeRateLimit, rateLimitHeaders } from "./rate-limit";

/** A request as the route handler (or a contract test) hands it over: no Next, no server. */
export type ApiRequest = {
  headers: Headers;
  params?: Record<string, string>;
  /** The raw body text of a POST (empty for GET). */
  bodyText?: string;
  /** The declared Content-Length was over the limit, so the body was not read. */
  bodyTooLarge?: boolean;
  now?: Date;
};

export const MAX_BODY_BYTES = 64 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Thrown inside the transaction when a concurrent retry stored its answer first: roll back, replay theirs. */
class ReplayInstead extends Error {}

/** Sorted-key JSON, so the same body sent with its keys in another order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A path segment as sent; a malformed %-escape (`%`, `%zz`) names nothing rather than throwing URIError. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}

const withHeaders = (r: ApiResponse, headers: Record<string, string>): ApiResponse => ({ ...r, headers: { ...r.headers, ...headers } });

/**
 * Runs one /api/v1 operation: authenticate the key (401), count it against the key's
 * one-minute window (429 + Retry-After), validate path and body with the operation's zod
 * schemas (422 with JSON pointers), then — for writes — replay or store the answer under the
 * Idempotency-Key in the same transaction as the write, so a retry can never issue twice.
 */
export async function runApiOperation(db: Database, op: ApiOperation, req: ApiRequest): Promise<ApiResponse> {
  const requestId = randomUUID();
  const locale = negotiateLocale(req.headers.get("accept-language"));
  const now = req.now ?? new Date();
  const base = { "X-Request-Id": requestId };
  let rate: Record<string, string> = {};
  try {
    const caller = await authenticateApiKey(db, req.headers.get("authorization"), now);
    const limit = await consumeRateLimit(db, caller.keyId, caller.rateLimitPerMinute, now);
    rate = rateLimitHeaders(limit);
    if (!limit.allowed) {
      return problemResponse({
        code: "RATE_LIMITED",
        key: "errors.api.rateLimited",
        params: { limit: limit.limit, seconds: limit.resetSeconds },
        requestId,
        locale,
        headers: { ...base, ...rate },
      });
    }
    const params: Record<string, string> = {};
    for (const [name, schema] of Object.entries(op.params ?? {})) {
      const parsed = schema.safeParse(safeDecode(req.params?.[name] ?? ""));
      // A malformed identifier names no licence.
      if (!parsed.success) return problemResponse({ code: "NOT_FOUND", key: "errors.api.notFound", requestId, locale, headers: { ...base, ...rate } });
      params[name] = parsed.data;
    }
    let rawBody: unknown = undefined;
    let body: unknown = undefined;
    if (op.body) {
      const text = req.bodyText ?? "";
      if (req.bodyTooLarge || Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) {
        return problemResponse({ code: "VALIDATION", key: "errors.api.tooLarge", requestId, locale, headers: { ...base, ...rate } });
      }
      try {
        rawBody = text.trim() === "" ? undefined : JSON.parse(text);
      } catch {
        rawBody = undefined;
      }
      if (rawBody === null || typeof rawBody !== "object" || Array.isArray(rawBody)) {
        return problemResponse({ code: "VALIDATION", key: "errors.api.badJson", requestId, locale, headers: { ...base, ...rate } });
      }
    }
    const idempotencyKey = req.headers.get("idempotency-key");
    if (op.idempotent && (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey))) {
      return problemResponse({ code: "VALIDATION", key: "errors.api.idempotencyKeyRequired", requestId, locale, headers: { ...base, ...rate } });
    }
    if (op.body) {
      const parsed = op.body.safeParse(rawBody);
      if (!parsed.success) return withHeaders(problemFromZod(parsed.error, requestId, locale), { ...base, ...rate });
      body = parsed.data;
    }
    const ctx = { system: { departmentId: caller.departmentId, departmentNameZh: caller.departmentNameZh, keyPrefix: caller.prefix }, requestId, now };
    const headers = { ...base, ...rate, "Content-Type": "application/json", "Cache-Control": "no-store" };

    if (!op.idempotent || !idempotencyKey) {
      const data = await op.run(db, { body, params }, ctx);
      return { status: op.successStatus, headers, body: data };
    }

    const requestHash = createHash("sha256")
      .update(`${op.method} ${op.path.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? "")}\n${canonicalJson(rawBody)}`)
      .digest("hex");
    const replay = async (): Promise<ApiResponse | null> => {
      const [stored] = await db
        .select()
        .from(apiIdempotency)
        .where(and(eq(apiIdempotency.apiKeyId, caller.keyId), eq(apiIdempotency.key, idempotencyKey)));
      if (!stored) return null;
      if (stored.requestHash !== requestHash) {
        return problemResponse({ code: "VALIDATION", key: "errors.api.idempotencyKeyReused", slug: "idempotency-key-reused", requestId, locale, headers: { ...base, ...rate } });
      }
      return { status: stored.statusCode, headers: { ...headers, "Idempotent-Replayed": "true" }, body: stored.response };
    };
    const earlier = await replay();
    if (earlier) return earlier;
    try {
      const data = await db.transaction(async (tx) => {
        const result = await op.run(tx, { body, params }, ctx);
        const [stored] = await tx
          .insert(apiIdempotency)
          .values({ apiKeyId: caller.keyId, key: idempotencyKey, requestHash, statusCode: op.successStatus, response: result, createdAt: now })
          .onConflictDoNothing()
          .returning({ key: apiIdempotency.key });
        if (!stored) throw new ReplayInstead();
        return result;
      });
      return { status: op.successStatus, headers, body: data };
    } catch (error) {
      if (error instanceof ReplayInstead) {
        const theirs = await replay();
        if (theirs) return theirs;
      }
      throw error;
    }
  } catch (error) {
    const problem = problemFromError(error, requestId, locale);
    logApiFailure(error, problem.status, requestId, op.operationId);
    return withHeaders(problem, { ...base, ...rate });
  }
}
