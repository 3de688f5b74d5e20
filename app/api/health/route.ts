import { checkDatabase } from "@/lib/health/check-database";
import { RETRY_AFTER_SECONDS } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * For load balancers and monitoring: 200 when the database answers, 503 (with Retry-After)
 * when it does not. Says nothing else — no versions, hosts or errors.
 */
export async function GET(): Promise<Response> {
  const { reachable, downSince } = await checkDatabase().catch(() => ({ reachable: false, downSince: null }));
  const body = reachable
    ? { status: "ok", database: "reachable" }
    : { status: "unavailable", database: "unreachable", ...(downSince ? { since: new Date(downSince).toISOString() } : {}) };
  return Response.json(body, {
    status: reachable ? 200 : 503,
    headers: { "Cache-Control": "no-store", ...(reachable ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) }) },
  });
}
