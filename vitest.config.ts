import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(__dirname)}/` },
      // `server-only` throws outside React Server Components; lib code is tested as plain Node.
      { find: /^server-only$/, replacement: path.resolve(__dirname, "scripts/empty-module.ts") },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file opens its own database; two at a time suits the 2-core machines.
    maxWorkers: 2,
    // The library signs what it issues; tests use a fixed key (production sets its own).
    env: { LICENCE_SIGNING_KEY: "7e".repeat(32) },
  },
});
