import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";
import { expectNothingToUpload, expectServices, fileLifeEvent } from "../life-events";
import { acceptAndApprove } from "../staff-steps";

// 陈国华 reached his statutory retirement day (60 years and 5 months under the 2025 reform) in
// November: 退休一件事 claims the pension (human resources), settles his medical insurance as a
// retiree (medical insurance, waiting for the pension certificate) and issues the senior card
// (civil affairs). No other spec signs in as him.

const RETIREMENT = ["pension_claim", "retiree_medical_insurance", "elderly_card"];

test("a resident at retirement age files 退休一件事 once with nothing to upload; the pension certificate releases the medical insurance", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "citizen", DEMO_ID.chenGuohua, "/my");

  // Home says why: the retirement day has passed.
  await expect(page.getByText("已到法定退休年龄").first()).toBeVisible();
  await page.getByRole("link", { name: "一件事一次办：退休一件事" }).click();
  await expect(page).toHaveURL(/\/my\/apply\/bundle\/retirement$/);
  await expectServices(page, RETIREMENT);

  for (const name of ["社会保险参保缴费证明", "社会保障卡", "医疗保障参保凭证", "居民户口簿"]) {
    await expect(page.locator('[data-outcome="library"]').filter({ hasText: name })).toHaveCount(1);
  }
  await expect(page.locator('[data-outcome="bundle"]')).toContainText("由本次联办的“基本养老金申领（退休申请）”签发后自动从证照库调取");
  const form = page.getByRole("form", { name: "一件事联办申请表" });
  await expectNothingToUpload(page, form);
  await form.getByLabel("退休类型").selectOption("statutory");
  await form.getByLabel("本人银行账号（社保卡金融账户）").fill("6222021234567890456");
  await form.getByLabel(/^紧急联系人(?!电话)/).fill("陈晓东");
  await form.getByLabel("紧急联系人电话").fill("13823456703");
  const { row, idOf } = await fileLifeEvent(page, form, { count: 3, checkStep: "达到法定退休年龄" });
  await expect(row("pension_claim")).toContainText("已提交");
  await expect(row("elderly_card")).toContainText("已提交");
  await expect(row("retiree_medical_insurance")).toContainText("等待前置证照");
  const pension = await idOf("pension_claim");
  const medical = await idOf("retiree_medical_insurance");

  // Human resources grants the pension: its certificate goes to the waiting medical insurance application.
  await acceptAndApprove(browser, "HRS001", "HRS003", pension);
  await page.goto(`/my/applications/${medical}`);
  await expect(page.getByTestId("awaiting-prerequisite")).toHaveCount(0);
  await expect(page.getByText(/由“基本养老金申领（退休申请）”（SZ\d{16}）签发后，已从电子证照库自动调取/)).toBeVisible();

  await page.goto("/my/licences");
  await expect(page.getByRole("heading", { name: "基本养老金领取资格证明", exact: true })).toHaveCount(1);
  await context.close();
});
