import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { DEMO_ID, DEMO_PASSWORD } from "@/db/seed/demo";
import { DEMO_TOTP_SECRET } from "@/db/seed/demo-second-factor";
import { TOTP_PERIOD_SECONDS, totpCodeAt } from "@/lib/auth/totp-code";
import { AccessibilityWatch, type UiMode } from "./a11y";

export type Kind = "citizen" | "staff";

/**
 * Answers the second step with codes from `secret`, as a person with the app would. The server
 * accepts each 30-second step once (and one step of drift), so when this account already signed
 * in during this step — another test, a moment ago — the next step's code is tried, and failing
 * that, the code of the step that comes next.
 */
export async function enterTotpCode(page: Page, form: Locator, secret: string, submit = "验证") {
  const field = form.getByLabel("动态验证码");
  const used = page.getByText("这个动态验证码已经用过").first();
  const stepNow = () => Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
  const outcome = async () => {
    if (!new URL(page.url()).pathname.startsWith("/sign-in")) return "signed-in";
    if (await used.isVisible()) return "used";
    if (await page.getByRole("heading", { name: "请保存恢复码" }).isVisible()) return "recovery";
    if (await form.getByRole("alert").first().isVisible()) return "refused";
    return null;
  };
  for (let attempt = 0; attempt < 4; attempt++) {
    if (attempt >= 2) {
      // Both this step and the next were used already: wait for the next step to begin.
      const next = stepNow() + 1;
      await expect.poll(stepNow, { timeout: (TOTP_PERIOD_SECONDS + 5) * 1000, intervals: [250] }).toBeGreaterThanOrEqual(next);
    }
    const step = stepNow() + (attempt === 0 ? 0 : 1);
    await field.fill(totpCodeAt(secret, new Date(step * TOTP_PERIOD_SECONDS * 1000)));
    await form.getByRole("button", { name: submit, exact: true }).click();
    // The last answer's message goes when the form submits again (react-hook-form drops root errors).
    if (attempt > 0) await used.waitFor({ state: "hidden", timeout: 5_000 }).catch(() => undefined);
    await expect.poll(outcome, { timeout: 15_000 }).not.toBeNull();
    if ((await outcome()) !== "used") return;
  }
}

/**
 * Signs in through the real form, as a person would. Staff answer the second step with the demo
 * authenticator (DEMO_TOTP_SECRET, seeded for the demo accounts) unless given another secret;
 * a wrong password stops at the first step with the error shown.
 */
export async function signIn(page: Page, kind: Kind, login: string, password = DEMO_PASSWORD, totpSecret = DEMO_TOTP_SECRET) {
  await page.goto("/sign-in");
  if (kind === "staff") await page.getByRole("tab", { name: "工作人员登录" }).click();
  const form = page.getByRole("form", { name: kind === "staff" ? "工作人员登录" : "群众登录" });
  await form.getByLabel(kind === "staff" ? "工号" : "居民身份证号").fill(login);
  await form.getByLabel("密码").fill(password);
  await form.getByRole("button", { name: "登录" }).click();
  if (kind !== "staff") return;
  const codeField = form.getByLabel("动态验证码");
  const refused = form.getByRole("alert");
  await expect(codeField.or(refused).first()).toBeVisible();
  if (await codeField.isVisible()) await enterTotpCode(page, form, totpSecret);
}

export const STAFF_HOMES = {
  clerk: "/counter",
  reviewer: "/counter",
  approver: "/counter",
  catalogue_manager: "/admin/services",
  supervisor: "/supervisor",
  admin: "/admin",
} as const;

const SAVED_SESSIONS = path.join(__dirname, ".auth");

/** Where e2e/staff-sessions.setup.ts keeps a demo staff account's signed-in browser state. */
export function savedStaffSessionPath(staffNo: string): string {
  mkdirSync(SAVED_SESSIONS, { recursive: true });
  return path.join(SAVED_SESSIONS, `${staffNo}.json`);
}

/** Signs in through the form and waits for the home page. */
export async function signInThroughForm(page: Page, kind: Kind, login: string, home: string) {
  await signIn(page, kind, login);
  await expect(page).toHaveURL(new RegExp(`${home}$`));
}

/**
 * Signed in and on `home`. A demo staff account takes the session the setup project saved (see
 * e2e/staff-sessions.setup.ts); everyone else signs in through the form.
 */
export async function signInAndWait(page: Page, kind: Kind, login: string, home: string) {
  const saved = kind === "staff" ? path.join(SAVED_SESSIONS, `${login}.json`) : null;
  if (saved && existsSync(saved)) {
    const state = JSON.parse(readFileSync(saved, "utf8")) as { cookies: Parameters<BrowserContext["addCookies"]>[0] };
    await page.context().addCookies(state.cookies);
    await page.goto(home);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    return;
  }
  await signInThroughForm(page, kind, login, home);
}

type Fixtures = { citizenPage: Page; clerkPage: Page; supervisorPage: Page; uiMode: UiMode; a11y: AccessibilityWatch };

/** A signed-in page per role, each in its own browser context. */
export const test = base.extend<Fixtures>({
  // Accessibility (e2e/a11y.ts): axe on every page of the portal any context of the test
  // visits, in the project's mode (the "elderly" project sets 长辈版); serious or critical
  // violations fail the test.
  uiMode: ["normal", { option: true }],
  a11y: [
    async ({ browser, context, baseURL, uiMode }, use, testInfo) => {
      // Scans take a second or two a page on a busy machine: give each test that much more time.
      testInfo.setTimeout(testInfo.timeout + 60_000);
      const watch = new AccessibilityWatch(new URL(baseURL ?? "http://127.0.0.1").origin, uiMode);
      await watch.watchContext(context);
      const restore = watch.patchBrowser(browser);
      await use(watch);
      restore();
      await watch.finish();
      expect(watch.violations, `axe found serious or critical WCAG 2.1 AA violations:\n${watch.report()}`).toEqual([]);
    },
    { auto: true },
  ],
  // Depends on a11y so the context it opens is watched.
  citizenPage: async ({ browser, a11y: _a11y }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndWait(page, "citizen", DEMO_ID.liXiaomei, "/my");
    await use(page);
    await context.close();
  },
  clerkPage: async ({ browser, a11y: _a11y }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndWait(page, "staff", "PSB001", "/counter");
    await use(page);
    await context.close();
  },
  supervisorPage: async ({ browser, a11y: _a11y }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndWait(page, "staff", "SUP001", "/supervisor");
    await use(page);
    await context.close();
  },
});

/**
 * Opens a resident's apply page for a service. One application per service and person may be in
 * progress: an application of theirs for it that an earlier attempt of the same spec left open
 * (a retry) is withdrawn first, so the spec starts where it expects. Each spec files its own
 * service for its resident, so this never withdraws another spec's application.
 */
export async function openApplyPage(page: Page, code: string) {
  await page.goto(`/my/apply/${code}`);
  const open = page.getByTestId("open-application");
  if (!(await open.isVisible())) return;
  await open.getByRole("link", { name: "查看该申请的进度" }).click();
  await page.getByRole("button", { name: "撤回申请" }).click();
  const dialog = page.getByRole("dialog", { name: "确认撤回这件申请？" });
  await dialog.getByRole("button", { name: "确认撤回" }).click();
  await expect(dialog).toBeHidden();
  await page.goto(`/my/apply/${code}`);
  await expect(open).toHaveCount(0);
}

export { expect };
