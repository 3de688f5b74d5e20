import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { clusterToolsMissing, crash, run, start, stopAndRemove, workDir } from "@/db/pg-cluster";
import { DEMO_ID } from "@/db/seed/demo";
import { expect, test } from "../fixtures";

/**
 * The database goes away under a running server, and comes back (issue 14.7). The spec starts
 * its own PostgreSQL cluster (initdb/pg_ctl, port 5451) and its own app on it (port 3131, the
 * build the suite already made), stops the database with `pg_ctl -m immediate`, and asserts the
 * branded 503 page, the API's 503 problem with Retry-After, /api/health, and a sign-in form
 * that keeps what was typed; then starts the database again and sees the app recover without
 * a restart. It runs on CI's PostgreSQL pass; elsewhere it says why it is skipped.
 */
const PG_PORT = Number(process.env.OUTAGE_PG_PORT ?? 5451);
const APP_PORT = Number(process.env.OUTAGE_APP_PORT ?? 3131);
const app = `http://127.0.0.1:${APP_PORT}`;
const missing = clusterToolsMissing();

test.describe("a database outage under a running server", () => {
  test.skip(!process.env.DATABASE_URL, "runs on the PostgreSQL pass (DATABASE_URL set): it needs a PostgreSQL server of its own");
  test.skip(missing !== null, `the outage test needs PostgreSQL's server binaries: ${missing}`);
  test.describe.configure({ mode: "serial", timeout: 600_000 });

  // The work directory (owned by `postgres` when this runs as root) and the cluster inside it.
  let root = "";
  let dir = "";
  let server: ChildProcess | null = null;
  const startDatabase = () => start(dir, PG_PORT, root);

  test.beforeAll(async () => {
    root = workDir();
    dir = path.join(root, "data");
    run("initdb", ["-D", dir, "-U", "postgres", "-A", "trust", "--no-sync"]);
    startDatabase();
    server = spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
      env: { ...process.env, E2E_PORT: String(APP_PORT), DATABASE_URL: `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`, E2E_PERSONS: "300", E2E_APPLICATIONS: "200" },
      stdio: "ignore",
      detached: true,
    });
    await expect
      .poll(async () => (await fetch(`${app}/sign-in`).catch(() => null))?.status ?? 0, { timeout: 300_000, intervals: [1000] })
      .toBe(200);
  });

  test.afterAll(() => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    // Only the work directory this spec made is removed, whatever failed before.
    if (root) stopAndRemove(root, [{ dir }]);
  });

  test("pages answer a branded 503, the API a problem with Retry-After, forms keep their input; then it recovers", async ({ page }) => {
    expect((await fetch(`${app}/services`)).status).toBe(200);
    expect((await fetch(`${app}/api/health`)).status).toBe(200);
    // A person is on the sign-in page when the database goes.
    await page.goto(`${app}/sign-in`);
    const form = page.getByRole("form", { name: "群众登录" });
    await form.getByLabel("居民身份证号").fill(DEMO_ID.zhouMin);
    await form.getByLabel("密码").fill("OneWindow#2026");

    crash({ dir });

    const health = await fetch(`${app}/api/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toBeTruthy();
    expect(await health.json()).toMatchObject({ status: "unavailable", database: "unreachable" });

    const api = await fetch(`${app}/api/v1/licences/search`, {
      method: "POST",
      // A well-formed key (ow_<8 hex>_<43 base64url>): checking it needs the database, which is gone.
      headers: { Authorization: `Bearer ow_0000abcd_${"A".repeat(43)}`, "Content-Type": "application/json", "Accept-Language": "en" },
      body: JSON.stringify({ holderIdNumber: DEMO_ID.zhouMin, purpose: "outage test" }),
    });
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    expect(api.headers.get("retry-after")).toBeTruthy();
    expect(await api.json()).toMatchObject({ status: 503, code: "UNAVAILABLE" });

    const outage = await fetch(`${app}/services`);
    expect(outage.status).toBe(503);
    expect(outage.headers.get("retry-after")).toBeTruthy();
    const html = await outage.text();
    expect(html).toContain("服务暂时不可用");
    expect(html).toContain("The service is briefly unavailable");

    // The form answers in words and keeps what was typed.
    await form.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("服务暂时不可用，请稍后再试。您填写的内容仍保留在页面上")).toBeVisible();
    await expect(form.getByLabel("居民身份证号")).toHaveValue(DEMO_ID.zhouMin);

    // A person navigating meanwhile sees the branded page.
    await page.goto(`${app}/services`);
    await expect(page.getByRole("heading", { name: "服务暂时不可用" })).toBeVisible();

    startDatabase();
    await expect.poll(async () => (await fetch(`${app}/services`)).status, { timeout: 60_000, intervals: [500] }).toBe(200);
    expect((await fetch(`${app}/api/health`)).status).toBe(200);
    await page.goto(`${app}/services`);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("服务暂时不可用");
  });
});
