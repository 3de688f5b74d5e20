import type { NextRequest } from "next/server";
import { env } from "@/lib/env";

/**
 * The Auth.js route's request with the origin the visitor used. Next 16 reports a loopback
 * Host (127.0.0.1, [::1]) as "localhost" in `request.url`, while Auth.js builds sign-in
 * redirects from the Host header itself — so on such a host an OpenID Connect callback would
 * send the provider a redirect_uri that differs from the one it authorised, and be refused.
 * With AUTH_URL set, next-auth puts that origin on the request itself; otherwise the request
 * is rebuilt (as a plain Request, which keeps its URL as given) from X-Forwarded-Host / Host,
 * as Auth.js's trustHost does for sign-in.
 */
export function withPublicOrigin(request: NextRequest): NextRequest {
  if (env.AUTH_URL) return request;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host || !/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host)) return request;
  const current = new URL(request.url);
  const proto = request.headers.get("x-forwarded-proto") === "https" ? "https" : current.protocol.replace(/:$/, "");
  const origin = `${proto}://${host}`;
  if (origin === current.origin) return request;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const rebuilt = new Request(new URL(`${current.pathname}${current.search}`, origin), {
    method: request.method,
    headers: request.headers,
    body: hasBody ? request.body : undefined,
    ...(hasBody ? { duplex: "half" } : {}),
  });
  // Auth.js reads only the standard Request; next-auth touches NextRequest parts only with AUTH_URL set.
  return rebuilt as NextRequest;
}
