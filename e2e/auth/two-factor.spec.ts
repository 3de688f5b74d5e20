import { totpCodeAt } from "@/lib/auth/totp-code";
import { expect, test } from "../fixtures";
import { createStaffViaAdmin } from "../security/staff-factory";

/**
 * Staff two-factor sign-in, end to end: a staff account the administrator just opened enrols an
 * authenticator with the QR code at first sign-in, gets recovery codes once, and signs in with a
 * generated code; the same code is refused a second time; wrong codes are throttled like
 * passwords. The context has a client address of its own, so its failures count for no one else.
 */
test("a new staff member enrols an authenticator at first sign-in, then signs in with codes", async ({ browser }) => {
  const staff = await createStaffViaAdmin(browser);
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.77" } });
  const page = await context.newPage();

  await page.goto("/sign-in");
  await page.getByRole("tab", { name: "工作人员登录" }).click();
  const form = page.getByRole("form", { name: "工作人员登录" });
  await form.getByLabel("工号").fill(staff.staffNo);
  await form.getByLabel("密码").fill(staff.password);
  await form.getByRole("button", { name: "登录" }).click();

  // Enrolment: the QR code and the key for manual entry.
  await expect(form.getByRole("heading", { name: "绑定验证器" })).toBeVisible();
  await expect(form.getByRole("img", { name: "用于绑定验证器的二维码" })).toBeVisible();
  const secret = (await form.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong first code does not enrol.
  await form.getByLabel("动态验证码").fill("000000");
  await form.getByRole("button", { name: "验证并绑定" }).click();
  await expect(form.getByText("动态验证码不正确").first()).toBeVisible();

  const code = totpCodeAt(secret, new Date());
  await form.getByLabel("动态验证码").fill(code);
  await form.getByRole("button", { name: "验证并绑定" }).click();
  await expect(page.getByRole("heading", { name: "请保存恢复码" })).toBeVisible();
  await expect(page.getByRole("list", { name: "恢复码" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "我已保存，继续" }).click();
  await expect(page).toHaveURL(/\/counter$/);
  await expect(page.getByRole("banner")).toContainText(staff.name);

  // Sign out, and back in: the code just used is refused (RFC 6238: once per step).
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
  await page.getByRole("tab", { name: "工作人员登录" }).click();
  await form.getByLabel("工号").fill(staff.staffNo);
  await form.getByLabel("密码").fill(staff.password);
  await form.getByRole("button", { name: "登录" }).click();
  await expect(form.getByLabel("动态验证码")).toBeVisible();
  await expect(form.getByRole("heading", { name: "绑定验证器" })).toHaveCount(0);
  await form.getByLabel("动态验证码").fill(code);
  await form.getByRole("button", { name: "验证", exact: true }).click();
  await expect(form.getByText("这个动态验证码已经用过").first()).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  // Wrong codes count like wrong passwords: after three, the next attempt must wait.
  for (let i = 0; i < 2; i++) {
    await form.getByLabel("动态验证码").fill("000000");
    await form.getByRole("button", { name: "验证", exact: true }).click();
    await expect(form.getByText("动态验证码不正确").first()).toBeVisible();
  }
  await form.getByLabel("动态验证码").fill("000000");
  await form.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page.getByText("尝试过于频繁：每次失败后须等待 30 秒再试。")).toBeVisible();
  await context.close();
});
