import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_ID, DEMO_PASSWORD } from "@/db/seed/demo";

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

type Fixtures = { citizenPage: Page; clerkPage: Page; supervisorPage: Page };

/** A signed-in page per role, each in its own browser context. */
export const test = base.extend<Fixtures>({
  citizenPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndWait(page, "citizen", DEMO_ID.liXiaomei, "/my");
    await use(page);
    await context.close();
  },
  clerkPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndWait(page, "staff", "PSB001", "/counter");
    await use(page);
    await context.close();
  },
  supervisorPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndWait(page, "staff", "SUP001", "/supervisor");
    await use(page);
    await context.close();
  },
});

export { expect };
