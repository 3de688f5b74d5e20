import { randomInt } from "node:crypto";
import { expect, type Browser } from "@playwright/test";
import { signInAndWait } from "../fixtures";

/** A first password that passes the policy (12+ characters, not common). */
export const FRESH_STAFF_PASSWORD = "Fresh staff password 2026";

/**
 * A new clerk opened by the administrator through /admin, as a city would: unique per call, no
 * authenticator yet (the first sign-in enrols one). E2E specs cannot reach the database (PGlite
 * lives in the server), so the admin page is the factory.
 */
export async function createStaffViaAdmin(browser: Browser, prefix = "TF"): Promise<{ staffNo: string; password: string; name: string }> {
  const staffNo = `${prefix}${String(randomInt(0, 1e6)).padStart(6, "0")}`;
  const name = `测试${staffNo.slice(-4)}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "staff", "ADM001", "/admin");
  const form = page.getByRole("form", { name: "新建工作人员账号" });
  await form.getByLabel("工号").fill(staffNo);
  await form.getByLabel("姓名").fill(name);
  await form.getByLabel("角色").selectOption("clerk");
  await form.getByLabel("所属部门").selectOption({ index: 1 });
  await form.getByLabel("初始密码").fill(FRESH_STAFF_PASSWORD);
  await form.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByText(`已创建工作人员账号 ${staffNo}`)).toBeVisible();
  await context.close();
  return { staffNo, password: FRESH_STAFF_PASSWORD, name };
}
