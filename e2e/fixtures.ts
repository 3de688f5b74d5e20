import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_ID, DEMO_PASSWORD } from "@/db/seed/demo";
import { AccessibilityWatch, type UiMode } from "./a11y";

export type Kind = "citizen" | "staff";

/** Signs in through the real form, as a person would, and waits for the role's home. */
export async function signIn(page: Page, kind: Kind, login: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  if (kind === "staff") await page.getByRole("tab", { name: "工作人员登录" }).click();
  const form = page.getByRole("form", { name: kind === "staff" ? "工作人员登录" : "群众登录" });
  await form.getByLabel(kind === "staff" ? "工号" : "居民身份证号").fill(login);
  await form.getByLabel("密码").fill(password);
  await form.getByRole("button", { name: "登录" }).click();
}

export async function signInAndWait(page: Page, kind: Kind, login: string, home: string) {
  await signIn(page, kind, login);
  await expect(page).toHaveURL(new RegExp(`${home}$`));
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

export { expect };
