import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { expect, signInAndWait, test } from "../fixtures";

/**
 * 效能看板: SUP001 reads "completed" for one department today; a clerk of that department
 * completes an accepted application in another browser; after a reload the number is exactly
 * one more. Departments other specs complete applications for (public security) are avoided.
 */
// The departments' approvers (…003): an accepted application of the seeded history is at its decision step.
const CLERKS: [staffNo: string, department: string][] = [
  ["HOU003", "深圳市住房和建设局"],
  ["CIV003", "深圳市民政局"],
  ["MED003", "深圳市医疗保障局"],
  ["HEA003", "深圳市卫生健康委员会"],
  ["SAM003", "深圳市市场监督管理局"],
  ["EDU003", "深圳市教育局"],
  ["HRS003", "深圳市人力资源和社会保障局"],
];

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A clerk with an accepted application in their queue, signed in on that application's page. */
async function clerkWithAcceptedApplication(browser: Browser): Promise<{ page: Page; department: string }> {
  for (const [staffNo, department] of CLERKS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndWait(page, "staff", staffNo, "/counter");
    await page.goto("/counter/queue?status=accepted");
    const link = page.getByRole("table", { name: "办件列表" }).getByRole("link").first();
    if ((await link.count()) > 0) {
      const href = await link.getAttribute("href");
      expect(href).toMatch(/^\/counter\/applications\/[0-9a-f-]{36}$/);
      await page.goto(href!);
      return { page, department };
    }
    await context.close();
  }
  throw new Error("no department clerk has an accepted application in the seeded city");
}

async function completedFigure(page: Page): Promise<number> {
  const text = await page.getByTestId("figure-completed").locator("dd").innerText();
  return Number(text.replace(/[^\d]/g, ""));
}

test("a supervisor's completed count goes up by exactly one when an approver completes an application", async ({ supervisorPage: page, browser }) => {
  test.setTimeout(180_000);
  const clerk = await clerkWithAcceptedApplication(browser);

  await page.goto("/supervisor/dashboard");
  await expect(page.getByRole("heading", { name: "效能看板", level: 1 })).toBeVisible();
  const filter = page.getByRole("form", { name: "筛选" });
  const today = chinaToday();
  await filter.getByLabel("开始日期").fill(today);
  await filter.getByLabel("结束日期").fill(today);
  await filter.getByLabel("部门").selectOption({ label: clerk.department });
  await filter.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/department=[0-9a-f-]{36}/);
  await expect(page.getByTestId("dashboard-period")).toContainText(`${today} 至 ${today}`);
  const before = await completedFigure(page);

  // Another browser: the department's approver decides (准予许可); the seeded history has no delivery step, so that completes it.
  const approve = clerk.page.getByRole("form", { name: "审批决定：准予许可" });
  await approve.getByRole("button", { name: "准予许可" }).click();
  await expect(clerk.page.getByRole("status").filter({ hasText: "已作出准予许可决定" })).toBeVisible();
  await clerk.page.context().close();

  await expect
    .poll(async () => {
      await page.reload();
      return completedFigure(page);
    })
    .toBe(before + 1);

  // The number drills down to the applications behind it, IDs masked.
  await page.getByTestId("figure-completed").getByRole("link").click();
  await expect(page).toHaveURL(/\/supervisor\/dashboard\/applications\?.*metric=completed/);
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(before + 1);
  expect(await page.locator("main").innerText()).not.toMatch(/\d{17}[\dX]/);
});

test("every dashboard table exports as CSV with a BOM and its header row", async ({ supervisorPage: page }) => {
  await page.goto("/supervisor/dashboard?groupBy=department");
  const card = page.locator("div").filter({ has: page.getByRole("heading", { name: /分组明细/ }) }).last();
  const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "导出 CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^dashboard-breakdown-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.startsWith("\uFEFF名称,申请,受理,办结,")).toBe(true);
  expect(csv.split("\r\n").length).toBeGreaterThan(2);
});
