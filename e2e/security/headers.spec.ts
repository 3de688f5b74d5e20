import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";
import { pageFiles } from "./surface";

/**
 * Headers of a Level-3 system: a CSP with a fresh nonce on every HTML page (and the pages still
 * work under it: the whole e2e suite runs with it), no framing, Permissions-Policy, HSTS only
 * over TLS, `Secure` cookies behind a TLS proxy, and an ended session that answers nothing.
 */
const staticPages = pageFiles()
  .map((p) => p.pattern)
  .filter((p) => !p.includes("["));

test("every page carries a CSP with a per-request nonce, and the other security headers", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of staticPages) {
    const response = await request.get(path, { maxRedirects: 0 });
    if (response.status() >= 300 && response.status() < 400) continue; // signed-out area: redirected
    const csp = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce, `${path}: ${csp}`).toBeTruthy();
    nonces.add(nonce!);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    // Every script Next wrote into the page carries the nonce.
    const html = await response.text();
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, path).toContain(`nonce="${nonce}"`);
    const h = response.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    expect(h["strict-transport-security"]).toBeUndefined();
  }
  expect(nonces.size, "a fresh nonce per response").toBeGreaterThan(3);
});

test("no inline script runs without the nonce: the browser reports no CSP violation on the pages people use", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await signInAndWait(page, "citizen", DEMO_ID.wangJianguo, "/my");
  for (const path of ["/my", "/services", "/my/applications", "/my/licences"]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test("behind a TLS proxy: HSTS, upgrade-insecure-requests and a Secure session cookie", async ({ playwright, baseURL }) => {
  const tls = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-Proto": "https" } });
  const page = await tls.get("/sign-in");
  expect(page.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(page.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  const csrf = await tls.get("/api/auth/csrf");
  const cookies = csrf.headersArray().filter((x) => x.name.toLowerCase() === "set-cookie").map((x) => x.value);
  expect(cookies.some((c) => c.startsWith("__Host-authjs.csrf-token=") && /;\s*Secure/i.test(c)), cookies.join("\n")).toBe(true);
  await tls.dispose();
});

test("an ended session answers nothing at /api/auth/session, even with the old cookie", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "citizen", DEMO_ID.zhangXiuying, "/my");
  const before = (await (await page.request.get("/api/auth/session")).json()) as { user?: { name?: string } } | null;
  expect(before?.user?.name).toBeTruthy();
  const copied = await context.cookies();
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
  // Replay the cookie from before sign-out in a fresh context.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const after = await thief.request.get("/api/auth/session");
  expect(await after.json()).toBeNull();
  await context.close();
  await thief.close();
});
