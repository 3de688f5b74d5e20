import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

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
