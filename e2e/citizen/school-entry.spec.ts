import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";
import { expectNothingToUpload, expectServices, fileLifeEvent } from "../life-events";
import { staffOn } from "../staff-steps";

// 刘洋's family is registered in Changsha and rents in Longhua; his son 刘子涵 starts school next
// autumn. 入学一件事 prints his insurance record (即办, human resources), issues his residence
// permit (public security) and applies for the school place (education), which waits for both.
// No other spec signs in as him.

const SCHOOL_ENTRY = ["social_insurance_record_print", "residence_permit", "primary_school_enrolment"];

test("a family without Shenzhen hukou files 入学一件事 once with nothing to upload; the school place starts when the record and the permit are issued", async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "citizen", DEMO_ID.liuYang, "/my");

  await page.getByRole("link", { name: "一件事一次办：入学一件事" }).click();
  await expect(page).toHaveURL(/\/my\/apply\/bundle\/school_entry\?for=[0-9a-f-]{36}$/);
  await expect(page.getByText("为刘子涵办理")).toBeVisible();
  await expectServices(page, SCHOOL_ENTRY);

  // The child's booklet, birth certificate and vaccinations and the family's lease registration
  // come from the registers; the father's insurance record and permit from the event's own services.
  for (const name of ["学生居民户口簿", "儿童出生医学证明", "儿童预防接种证", "房屋租赁凭证"]) {
    await expect(page.locator('[data-outcome="library"]').filter({ hasText: name })).toHaveCount(1);
  }
  const fromBundle = page.locator('[data-outcome="bundle"]');
  await expect(fromBundle.filter({ hasText: "由本次联办的“社保参保证明打印”签发后自动从证照库调取" })).toHaveCount(1);
  await expect(fromBundle.filter({ hasText: "由本次联办的“居住证申领”签发后自动从证照库调取" })).toHaveCount(1);
  const form = page.getByRole("form", { name: "一件事联办申请表" });
  await expectNothingToUpload(page, form);
  await form.getByLabel("起始年月").fill("2024-01-01");
  await form.getByLabel("截止年月").fill("2026-11-30");
  await form.getByLabel("用途").selectOption("school");
  await form.getByLabel("在本市居住起始日期").fill("2019-03-01");
  await form.getByLabel("申领条件").selectOption("employment");
  await form.getByLabel("与儿童关系").selectOption("father");
  await form.getByLabel("住房类型").selectOption("rented");
  const { groupUrl, row, idOf } = await fileLifeEvent(page, form, { count: 3, checkStep: "合法稳定就业" });
  await expect(row("social_insurance_record_print")).toContainText("已提交");
  for (const code of ["residence_permit", "primary_school_enrolment"]) await expect(row(code)).toContainText("等待前置证照");
  const print = await idOf("social_insurance_record_print");
  const permit = await idOf("residence_permit");
  const school = await idOf("primary_school_enrolment");

  // Human resources' window prints the record on the spot: the permit starts, the school place still waits.
  const hr = await staffOn(browser, "HRS001", print);
  const onTheSpot = hr.getByRole("form", { name: "受理并办结（即办件）" });
  await onTheSpot.getByRole("button", { name: "受理并当场办结" }).click();
  await expect(hr.getByRole("status").first()).toBeVisible();
  await hr.context().close();
  await page.goto(groupUrl);
  await expect(row("residence_permit")).toContainText("已提交");
  await expect(row("primary_school_enrolment")).toContainText("等待前置证照");

  // Public security accepts, reviews and issues the permit.
  const psbWindow = await staffOn(browser, "PSB001", permit);
  await psbWindow.getByRole("form", { name: "受理", exact: true }).getByRole("button", { name: "受理", exact: true }).click();
  await expect(psbWindow.getByRole("status").filter({ hasText: "已受理。" })).toBeVisible();
  await psbWindow.context().close();
  const reviewer = await staffOn(browser, "PSB002", permit);
  const review = reviewer.getByRole("form", { name: "初审" });
  await review.getByLabel("审查说明").fill("居住登记满半年，稳定就业，同意签发");
  await review.getByRole("button", { name: "提交初审意见" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "已提交审查意见" })).toBeVisible();
  await reviewer.context().close();
  const decider = await staffOn(browser, "PSB003", permit);
  await decider.getByRole("form", { name: "审批决定：准予许可" }).getByRole("button", { name: "准予许可" }).click();
  await expect(decider.getByRole("status").filter({ hasText: "已作出准予许可决定" })).toBeVisible();
  await decider.context().close();

  // The school place now has both certificates attached and is the education window's to accept.
  await page.goto(`/my/applications/${school}`);
  await expect(page.getByTestId("awaiting-prerequisite")).toHaveCount(0);
  await expect(page.getByText(/由“社保参保证明打印”（SZ\d{16}）签发后，已从电子证照库自动调取/)).toBeVisible();
  await expect(page.getByText(/由“居住证申领”（SZ\d{16}）签发后，已从电子证照库自动调取/)).toBeVisible();
  const edu = await staffOn(browser, "EDU001", school);
  await expect(edu.getByText("刘子涵").first()).toBeVisible();
  await edu.getByRole("form", { name: "受理", exact: true }).getByRole("button", { name: "受理", exact: true }).click();
  await expect(edu.getByRole("status").filter({ hasText: "已受理。" })).toBeVisible();
  await edu.context().close();

  // The father's wallet holds his new permit, in his own section.
  await page.goto("/my/licences");
  await expect(page.getByRole("heading", { name: "广东省居住证", exact: true })).toHaveCount(1);
  await context.close();
});
