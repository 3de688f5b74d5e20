import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** Nothing here needs a camera, microphone, location, payment or the other powerful features. */
const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "hid=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
  "display-capture=()",
  "browsing-topics=()",
].join(", ");
/**
 * Next marks every dynamic page `no-store`, which keeps it out of the browser's back/forward
 * cache. The public pages a signed-out visitor sees hold nothing personal, so for them (no
 * session cookie) the browser may keep the page but must still revalidate it. Signed-in pages
 * stay `no-store`: a shared computer's back button must not bring a resident's data back.
 */
const publicPagesForSignedOutVisitors = ["/", "/services", "/services/:code", "/sign-in", "/activate", "/verify"].map((source) => ({
  source,
  missing: [
    { type: "cookie" as const, key: "authjs.session-token" },
    { type: "cookie" as const, key: "__Secure-authjs.session-token" },
  ],
  headers: [{ key: "Cache-Control", value: "private, no-cache, max-age=0, must-revalidate" }],
}));

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files, argon2 a native binary: load both from node_modules.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino"],
  poweredByHeader: false,
  // Lets two builds (say, two e2e runs on different ports) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `npm test` type-checks the whole project (tsc --noEmit) before building; not twice.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // Headers every response carries; the page CSP (with its per-request nonce) comes from proxy.ts.
  // NEXT_PROFILE_BUILD=1 keeps server code readable, so a --cpu-prof profile names functions.
  experimental: { serverMinification: process.env.NEXT_PROFILE_BUILD !== "1" },
  headers() {
    return Promise.resolve([
      ...publicPagesForSignedOutVisitors,
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Legacy browsers; CSP frame-ancestors 'none' says the same to current ones.
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "X-DNS-Prefetch-Control", value: "off" },
        ],
      },
      {
        // HSTS only when the request came over TLS (the proxy in front says so); never on plain HTTP.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
      {
        // JSON and problem documents render nothing: nothing may run or frame them.
        source: "/api/:section(v1|health|auth)/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ]);
  },
};

export default withNextIntl(nextConfig);
