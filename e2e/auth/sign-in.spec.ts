import { DEMO_CITIZENS, DEMO_ID, STAFF } from "@/db/seed/demo";
import { STAFF_HOMES, expect, signIn, signInAndWait, signInThroughForm, test } from "../fixtures";

test.describe("every demo account signs in and lands on its home", () => {
  for (const citizen of DEMO_CITIZENS) {
    test(`resident ${citizen.name}`, async ({ page }) => {
      await signInAndWait(page, "citizen", citizen.login, "/my");
      await expect(page.getByRole("heading", { level: 1 })).toContainText(citizen.name);
      // The home page shows the holder's ID number masked, never whole.
      await expect(page.getByText(`${citizen.login.slice(0, 6)}**********${citizen.login.slice(-2)}`)).toBeVisible();
      await expect(page.getByText(citizen.login)).toHaveCount(0);
    });
  }
  for (const staff of STAFF) {
    test(`${staff.role} ${staff.staffNo}`, async ({ page }) => {
      await signInThroughForm(page, "staff", staff.staffNo, STAFF_HOMES[staff.role]);
      await expect(page.getByRole("banner")).toContainText(staff.name);
    });
  }
});

test("a wrong password shows a clear error and keeps the ID number typed", async ({ page }) => {
  await signIn(page, "citizen", DEMO_ID.zhouMin, "not-the-password-1");
  await expect(page.getByRole("alert").filter({ hasText: "账号或密码错误" })).toBeVisible();
  await expect(page.getByLabel("居民身份证号")).toHaveValue(DEMO_ID.zhouMin);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("an ID number with a wrong check character says so, before any password check", async ({ page }) => {
  const wrong = `${DEMO_ID.zhouMin.slice(0, 17)}${DEMO_ID.zhouMin.endsWith("1") ? "2" : "1"}`;
  await signIn(page, "citizen", wrong, "whatever-1");
  await expect(page.getByText("身份证号最后一位校验码不对，请核对是否输错")).toBeVisible();
  await expect(page.getByLabel("居民身份证号")).toHaveValue(wrong);
});

test("an ID number with an impossible birth date says which part is wrong", async ({ page }) => {
  await signIn(page, "citizen", "440304199402300000", "whatever-1");
  await expect(page.getByText("身份证号中的出生日期（第 7–14 位）不是有效日期")).toBeVisible();
});

test("signing out ends that session and no other", async ({ page, browser }) => {
  const otherDevice = await browser.newContext();
  const other = await otherDevice.newPage();
  await signInAndWait(other, "citizen", DEMO_ID.huangWei, "/my");
  await signInAndWait(page, "citizen", DEMO_ID.huangWei, "/my");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
  await page.goto("/my");
  await expect(page).toHaveURL(/\/sign-in/);
  // The signed-out token is dead on the server, even put back in the browser.
  await page.context().addCookies(cookies);
  await page.goto("/my");
  await expect(page).toHaveURL(/\/sign-in/);
  // The resident's other device stays signed in.
  await other.goto("/my");
  await expect(other).toHaveURL(/\/my$/);
  await otherDevice.close();
});

test("the portal switches to English and back", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "切换语言" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Switch language" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
});
