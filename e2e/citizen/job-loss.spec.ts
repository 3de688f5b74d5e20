import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";
import { expectNothingToUpload, expectServices, fileLifeEvent } from "../life-events";
import { acceptAndApprove, staffOn } from "../staff-steps";

// 郑凯's contract ended twelve days ago and his employer filed it with human resources: 就业一件事
// (unemployment registration, benefit, free training) needs nothing from him but the form. No
// other spec signs in as him.

const JOB_LOSS = ["unemployment_registration", "unemployment_insurance_benefit", "unemployed_skills_training"];

test("a resident who lost his job files 就业一件事 once with nothing to upload; registration releases the benefit and the training", async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "citizen", DEMO_ID.zhengKai, "/my");

  // Home offers the whole event, from the recommendation of unemployment registration.
  await page.getByRole("link", { name: "一件事一次办：就业一件事" }).click();
  await expect(page).toHaveURL(/\/my\/apply\/bundle\/job_loss$/);
  await expectServices(page, JOB_LOSS);
  await expect(page.getByText("本一件事的事项全部为您办理。")).toBeVisible();
  // About himself, not a child: no child to choose.
  await expect(page.getByText(/^为.+办理$/)).toHaveCount(0);

  // The employer's filing of the contract's end, the contribution record and the card come from
  // the registers; the unemployment certificate from the event's own registration.
  const termination = page.locator('[data-outcome="library"]').filter({ hasText: "解除或终止劳动合同证明" });
  await expect(termination).toHaveCount(1);
  for (const name of ["社会保险参保缴费证明", "社会保障卡"]) {
    await expect(page.locator('[data-outcome="library"]').filter({ hasText: name })).toHaveCount(1);
  }
  await expect(page.locator('[data-outcome="bundle"]')).toContainText("由本次联办的“失业登记”签发后自动从证照库调取");
  const form = page.getByRole("form", { name: "一件事联办申请表" });
  // Nothing to upload: only the optional residence permit (for residents without Shenzhen hukou) is offered.
  await expectNothingToUpload(page, form);
  await form.getByLabel("原工作单位").fill("深圳市启明精密制造有限公司");
  await form.getByLabel("离职日期").fill("2026-11-20");
  await form.getByLabel("离职原因").selectOption("contract_ended");
  await form.getByLabel("本人银行账号（社保卡金融账户）").fill("6222021234567890123");
  await form.getByLabel("培训工种").selectOption("electrician");
  await form.getByLabel("上课时间").selectOption("weekend");
  // The check step shows the choices in words.
  const { groupUrl, row, idOf } = await fileLifeEvent(page, form, { count: 3, checkStep: "劳动合同期满终止" });
  await expect(row("unemployment_registration")).toContainText("已提交");
  for (const code of ["unemployment_insurance_benefit", "unemployed_skills_training"]) await expect(row(code)).toContainText("等待前置证照");
  const registration = await idOf("unemployment_registration");
  const benefit = await idOf("unemployment_insurance_benefit");
  const training = await idOf("unemployed_skills_training");

  // The benefit waits outside the window's queue until the registration is decided.
  const window = await staffOn(browser, "HRS001", benefit);
  await expect(window.getByRole("form", { name: "受理", exact: true })).toHaveCount(0);
  await window.context().close();

  // Human resources registers him: the certificate goes to both waiting applications, which start.
  await acceptAndApprove(browser, "HRS001", "HRS003", registration);
  for (const id of [benefit, training]) {
    await page.goto(`/my/applications/${id}`);
    await expect(page.getByTestId("awaiting-prerequisite")).toHaveCount(0);
    await expect(page.getByText(/由“失业登记”（SZ\d{16}）签发后，已从电子证照库自动调取/)).toBeVisible();
  }
  await page.goto(groupUrl);
  for (const code of ["unemployment_insurance_benefit", "unemployed_skills_training"]) await expect(row(code)).toContainText("已提交");
  // The benefit is now the window's to accept.
  const ready = await staffOn(browser, "HRS001", benefit);
  await expect(ready.getByRole("form", { name: "受理", exact: true })).toBeVisible();
  await ready.context().close();

  // Filed, the event has nothing left for him, and his wallet holds the new certificate.
  await page.goto("/my/apply/bundle/job_loss");
  await expect(page.getByText("这个一件事中已没有需要您办理的事项。")).toBeVisible();
  await page.goto("/my/licences");
  await expect(page.getByRole("heading", { name: "失业登记证明", exact: true })).toHaveCount(1);
  await context.close();

  // The supervisor sees the event's once-only figures for this month: nothing uploaded, nothing brought.
  const supervisor = await browser.newContext();
  const dashboard = await supervisor.newPage();
  await signInAndWait(dashboard, "staff", "SUP001", "/supervisor");
  await dashboard.goto("/supervisor/dashboard");
  const table = dashboard.getByRole("table", { name: "一件事一次办：少提交、少跑腿" });
  const event = table.getByRole("row").filter({ hasText: "就业一件事" });
  await expect(event.first()).toBeVisible();
  await supervisor.close();
});
