import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { logApiFailure } from "./log-failure";
import { operationById } from "./operations";
import { negotiateLocale, problemFromError, type ApiResponse } from "./problem";
import { MAX_BODY_BYTES, runApiOperation } from "./run-operation";

export function toResponse(r: ApiResponse): Response {
  return new Response(JSON.stringify(r.body), { status: r.status, headers: r.headers });
}

/**
 * The whole of an /api/v1 route file: `export const POST = apiRoute("issueLicence")`. Reads the
 * body (refusing an oversized one before buffering it) and hands a plain request to lib.
 */
export function apiRoute(operationId: string) {
  const op = operationById(operationId);
  return async (request: Request, context?: { params?: Promise<Record<string, string | string[]> | undefined> }): Promise<Response> => {
    // A route without dynamic segments gets no params at all.
    const raw = (await context?.params) ?? {};
    const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
    const bodyTooLarge = Number(request.headers.get("content-length") ?? "0") > MAX_BODY_BYTES;
    try {
      const bodyText = op.body && !bodyTooLarge ? await request.text() : "";
      return toResponse(await runApiOperation(await getDb(), op, { headers: request.headers, params, bodyText, bodyTooLarge }));
    } catch (error) {
      // Only what runApiOperation cannot catch itself (the database unreachable, the body unreadable).
      const requestId = randomUUID();
      const problem = problemFromError(error, requestId, negotiateLocale(request.headers.get("accept-language")));
      logApiFailure(error, problem.status, requestId, operationId);
      return toResponse(problem);
    }
  };
}
