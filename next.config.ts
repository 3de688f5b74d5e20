import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

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
  // NEXT_PROFILE_BUILD=1 keeps server code readable, so a --cpu-prof profile names functions.
  experimental: { serverMinification: process.env.NEXT_PROFILE_BUILD !== "1" },
  headers() {
    return Promise.resolve([
      ...publicPagesForSignedOutVisitors,
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ]);
  },
};

export default withNextIntl(nextConfig);
