import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { homeOf } from "@/lib/auth/permissions";
import { RETRY_AFTER_SECONDS } from "@/lib/errors";
import { databaseDownSince } from "@/lib/health/database-state";
import { OUTAGE_HTML } from "@/lib/health/outage-page";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

const { auth } = NextAuth(authConfig);

const areas: { prefix: string; roles: string[] }[] = [
  { prefix: "/my", roles: ["citizen"] },
  { prefix: "/counter", roles: ["clerk", "reviewer", "approver"] },
  { prefix: "/supervisor", roles: ["supervisor"] },
  { prefix: "/admin", roles: ["admin", "catalogue_manager"] },
];

const areaOf = (path: string) => areas.find((a) => path === a.prefix || path.startsWith(`${a.prefix}/`));

/**
 * Every page gets a fresh nonce: Next reads it from the request's Content-Security-Policy
 * header and puts it on its own scripts; the same policy goes out on the response.
 */
function withPolicy(req: NextRequest): NextResponse {
  const nonce = newNonce();
  const https = req.headers.get("x-forwarded-proto") === "https" || req.nextUrl.protocol === "https:";
  const policy = contentSecurityPolicy(nonce, { https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/**
 * Convenience only: sends the signed-out or wrong-role visitor somewhere sensible before a
 * page renders. Every page and lib function checks again on the server (CVE-2025-29927).
 */
const guarded = auth((req) => {
  const path = req.nextUrl.pathname;
  const area = areaOf(path);
  const role = req.auth?.user?.role;
  if (area && !role) {
    const url = new URL("/sign-in", req.nextUrl);
    url.searchParams.set("next", path);
    return NextResponse.redirect(url);
  }
  if (area && role && !area.roles.includes(role)) return NextResponse.redirect(new URL(homeOf[role], req.nextUrl));
  return withPolicy(req);
});

/**
 * While the database is known to be away, pages are answered at once with the branded 503 —
 * no render that would only fail. Server actions (POST) still reach their action, which answers
 * the form in words so it keeps its input.
 */
function outage(): NextResponse {
  return new NextResponse(OUTAGE_HTML, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    },
  });
}

/** A path with a malformed %-escape ("/api/uploads/%") names nothing: 400 here, before Next's decoder throws a 500. */
function malformedPath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

const problem = (detail: string) =>
  new NextResponse(JSON.stringify({ type: "about:blank", title: "Bad Request", status: 400, detail }), {
    status: 400,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
  });

const badRequest = () => problem("The URL has a malformed %-escape.");

/**
 * A server action posted without form data carries its arguments as one JSON array (React's
 * encodeReply). Next's decoder answers anything else ("", "null", "garbage") with a 500; the
 * browser never sends such a body, so it is refused here, before it reaches the decoder.
 */
async function malformedActionBody(req: NextRequest): Promise<boolean> {
  if (req.method !== "POST" || !req.headers.has("next-action")) return false;
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) return false;
  try {
    return !Array.isArray(JSON.parse(await req.clone().text()));
  } catch {
    return true;
  }
}

export default async function proxy(req: NextRequest, ctx: Parameters<typeof guarded>[1]) {
  const path = req.nextUrl.pathname;
  if (malformedPath(path)) return badRequest();
  if (await malformedActionBody(req)) return problem("The server action's arguments are not a JSON array.");
  // The API only needed the check above; its handlers answer for themselves (and 503 when the database is away).
  if (path.startsWith("/api/")) return NextResponse.next();
  if ((req.method === "GET" || req.method === "HEAD") && databaseDownSince() !== null) return outage();
  return areaOf(req.nextUrl.pathname) ? guarded(req, ctx) : withPolicy(req);
}

export const config = {
  matcher: [
    // Everything but Next's static files and images, and prefetches (which render nothing).
    {
      source: "/((?!_next/static|_next/image|favicon.ico|readme/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
