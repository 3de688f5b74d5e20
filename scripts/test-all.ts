/**
 * `npm test`: every check in CI order — lint, typecheck, unit and integration tests, build,
 * end-to-end. Runs on PGlite by default; with DATABASE_URL set, the integration and e2e tests
 * create their own databases on that PostgreSQL server and drop them afterwards.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Playwright cannot download its browser on these machines: install Debian's Chromium when missing. */
function ensureBrowser(): void {
  const candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", chromium.executablePath()];
  if (candidates.some((p) => existsSync(p))) return;
  console.log("No system Chromium: installing Debian's chromium package (needs root and apt)…");
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  const install = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (update.status !== 0 || install.status !== 0) {
    console.error("Could not install Chromium; install it (or run `npx playwright install chromium`) and retry.");
    process.exit(1);
  }
}

const steps: [string, string[]][] = [
  ["lint", ["npx", "eslint", "--max-warnings=0", "."]],
  ["typecheck", ["npx", "tsc", "--noEmit"]],
  ["unit + integration", ["npx", "vitest", "run"]],
  ["build", ["npx", "next", "build"]],
  ["end-to-end", ["npx", "playwright", "test"]],
];

ensureBrowser();
const engine = process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite";
console.log(`Running all tests on ${engine}`);
const results: { name: string; seconds: number; ok: boolean }[] = [];
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  const result = spawnSync(cmd ?? "", args, { stdio: "inherit" });
  const ok = result.status === 0;
  results.push({ name, seconds: (performance.now() - started) / 1000, ok });
  if (!ok) break;
}
console.log("\n=== summary ===");
for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name}  (${r.seconds.toFixed(1)} s)`);
const failed = results.filter((r) => !r.ok).length + (steps.length - results.length);
console.log(`steps: ${results.filter((r) => r.ok).length} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
