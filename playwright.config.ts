import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import type { UiMode } from "./e2e/a11y";

const port = Number(process.env.E2E_PORT ?? 3100);
// Playwright cannot download its browser here: use the system Chromium when there is one.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig<{ uiMode: UiMode }>({
  testDir: "e2e",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Each demo staff account signs in once; the specs reuse its session (e2e/staff-sessions.setup.ts).
    { name: "staff-sessions", testMatch: /staff-sessions\.setup\.ts$/, use: { ...devices["Desktop Chrome"] } },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["staff-sessions"] },
    // The main resident, clerk and supervisor journeys again in 长辈版 (axe checks every page in it too).
    {
      name: "elderly",
      use: { ...devices["Desktop Chrome"], uiMode: "elderly" },
      // After the standard run: these journeys use the same demo residents and must not overlap it.
      dependencies: ["chromium"],
      testMatch: [
        "citizen/catalogue.spec.ts",
        "citizen/licence-file.spec.ts",
        "citizen/appointments.spec.ts",
        "clerk/queue.spec.ts",
        "supervisor/dashboard.spec.ts",
      ],
    },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/sign-in`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
