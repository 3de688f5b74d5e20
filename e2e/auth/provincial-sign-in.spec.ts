import type { Page } from "@playwright/test";
import { DEMO_ID, DEMO_PASSWORD } from "@/db/seed/demo";
import { makeResidentId } from "@/lib/id-number";
import { expect, test } from "../fixtures";

/**
 * Sign-in through 广东政务服务统一身份认证, against a real OpenID Connect provider
 * (oidc-provider, started by scripts/e2e-server.ts). Its own page takes any login; the login
 * names the identity (scripts/lib/oidc-test-provider.ts). 赵丽 has no portal account in the
 * demo city and no other spec signs her in.
 */
const BUTTON = "粤省事 / 广东政务服务统一身份认证登录";

async function signInAtProvider(page: Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: BUTTON }).click();
  // The provider's own sign-in page, on its own origin.
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("a resident signs in through the provincial identity provider; the code cannot be used twice", async ({ page, playwright }) => {
  // The provider redirects the browser to the callback; record that request as it was sent.
  const callbackSent = page.waitForRequest((r) => r.url().includes("/api/auth/callback/gdid?"));
  await signInAtProvider(page, DEMO_ID.zhaoLi);
  const sent = await callbackSent;
  const callback = { url: sent.url(), cookie: (await sent.allHeaders()).cookie ?? "" };
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByLabel("当前登录")).toContainText("赵丽");
  expect(callback.cookie).toContain("authjs.pkce.code_verifier");

  // The same callback again — same code, same state, PKCE and nonce cookies — is refused: the
  // provider redeems a code once, so no session comes of it.
  const replay = await playwright.request.newContext();
  const response = await replay.get(callback.url, { headers: { cookie: callback.cookie }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toMatch(/\/sign-in\?error=/);
  expect(response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && /session-token=[^;]+/.test(h.value))).toEqual([]);
  await replay.dispose();

  // The account has no password: the password form does not open it.
  const other = await page.context().browser()!.newContext();
  const passwordPage = await other.newPage();
  await passwordPage.goto("/sign-in");
  const form = passwordPage.getByRole("form", { name: "群众登录" });
  await form.getByLabel("居民身份证号").fill(DEMO_ID.zhaoLi);
  await form.getByLabel("密码").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "登录" }).click();
  await expect(passwordPage.getByRole("alert").filter({ hasText: "账号或密码错误" })).toBeVisible();
  await expect(passwordPage).toHaveURL(/\/sign-in/);
  await other.close();
});

test("an ID number that is not in the register is refused with a clear message, and no account is made", async ({ page }) => {
  await signInAtProvider(page, makeResidentId("650102", "1977-07-07", 531));
  await expect(page).toHaveURL(/\/sign-in\?provincial=not_in_register/);
  await expect(page.getByRole("alert").filter({ hasText: "您的身份证号码不在本市人口基础信息库中，无法登录，也没有创建账号" })).toBeVisible();
  await page.goto("/my");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an ID token issued for another client (wrong audience) is refused", async ({ page }) => {
  await signInAtProvider(page, `wrong-audience:${DEMO_ID.huangWei}`);
  await expect(page).toHaveURL(/\/sign-in\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: "省统一身份认证登录没有完成" })).toBeVisible();
  await page.goto("/my");
  await expect(page).toHaveURL(/\/sign-in/);
});
