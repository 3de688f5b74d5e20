import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

const MASKED_ID = /^\d{6}\*{10}[\dX]{2}$/;
const FULL_ID = /\d{17}[\dX]/;

test("the queue filters by status, pages with a cursor, and never shows a full ID number", async ({ clerkPage: page }) => {
  await page.getByRole("link", { name: "进入办件队列" }).click();
  await expect(page).toHaveURL(/\/counter\/queue$/);
  await expect(page.getByRole("heading", { name: "办件队列" })).toBeVisible();

  // Completed history is long enough to need several pages.
  await page.getByLabel("状态", { exact: true }).selectOption("completed");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/status=completed/);
  const table = page.getByRole("table", { name: "办件列表" });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(26); // header + 25
  for (const cell of await table.locator("tbody tr td:nth-child(4) span").allTextContents()) expect(cell).toMatch(MASKED_ID);
  expect(await page.locator("main").innerText()).not.toMatch(FULL_ID);
  await expect(table.locator("tbody").getByText("已办结")).toHaveCount(25);
  const firstOnPage1 = await rows.nth(1).locator("td").nth(1).innerText();

  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/status=completed&after=|after=.*status=completed|status=completed.*after=/);
  await expect(rows.nth(1)).not.toContainText(firstOnPage1);
  await expect(table.locator("tbody").getByText("已办结")).not.toHaveCount(0);
  await page.getByRole("link", { name: "回到第一页" }).click();
  await expect(rows.nth(1)).toContainText(firstOnPage1);

  // The status chips carry counts and keep the other filters.
  await page.getByRole("navigation", { name: "按状态统计" }).getByRole("link", { name: /已受理/ }).click();
  await expect(page).toHaveURL(/status=accepted/);
  const accepted = page.getByRole("table", { name: "办件列表" });
  if (await accepted.isVisible()) await expect(accepted.locator("tbody").getByText("已受理").first()).toBeVisible();

  // A light filter travels in the URL too.
  await page.goto("/counter/queue?light=red");
  await expect(page.getByLabel("时限")).toHaveValue("red");
});

test("a clerk of another department gets not-found for a public-security application", async ({ clerkPage, browser }) => {
  await clerkPage.goto("/counter/queue?status=completed");
  const href = await clerkPage.getByRole("table", { name: "办件列表" }).getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/counter\/applications\/[0-9a-f-]{36}$/);
  await clerkPage.goto(href!);
  await expect(clerkPage.getByRole("heading", { name: "申请材料" })).toBeVisible();

  const context = await browser.newContext();
  const other = await context.newPage();
  await signInAndWait(other, "staff", "CIV001", "/counter");
  const response = await other.goto(href!);
  expect(response?.status()).toBe(404);
  await expect(other.getByText("页面不存在")).toBeVisible();
  await context.close();
});

test("刷身份证: a bad check digit is explained, a good number shows the masked summary, and the resident sees the read", async ({ clerkPage: page, browser }) => {
  await page.goto("/counter/lookup");
  const form = page.getByRole("form", { name: "按身份证号查询" });
  const wrong = `${DEMO_ID.zhangXiuying.slice(0, 17)}${DEMO_ID.zhangXiuying.endsWith("3") ? "4" : "3"}`;
  await form.getByLabel("居民身份证号").fill(wrong);
  await form.getByRole("button", { name: "查询" }).click();
  await expect(form.getByText("身份证号最后一位校验码不对，请核对是否输错")).toBeVisible();

  await form.getByLabel("居民身份证号").fill(DEMO_ID.zhangXiuying);
  await form.getByRole("button", { name: "查询" }).click();
  const result = page.getByRole("region", { name: "查询结果" });
  await expect(result.getByRole("heading", { name: "张秀英" })).toBeVisible();
  await expect(result.getByTestId("lookup-id-masked")).toHaveText(`${DEMO_ID.zhangXiuying.slice(0, 6)}**********${DEMO_ID.zhangXiuying.slice(16)}`);
  await expect(result.getByRole("table", { name: "电子证照" })).toBeVisible();
  expect(page.url()).not.toContain(DEMO_ID.zhangXiuying);
  expect(await page.locator("main").innerText()).not.toContain(DEMO_ID.zhangXiuying);
  await expect(form.getByLabel("居民身份证号")).toHaveValue("");

  const context = await browser.newContext();
  const resident = await context.newPage();
  await signInAndWait(resident, "citizen", DEMO_ID.zhangXiuying, "/my");
  await resident.goto("/my/licences");
  await expect(resident.getByRole("row").filter({ hasText: "窗口刷证查询" }).first()).toBeVisible();
  await context.close();
});
