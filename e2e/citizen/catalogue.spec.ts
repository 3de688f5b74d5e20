import { CATALOGUE_SERVICES } from "@/db/seed/catalogue";
import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

test("a visitor searches the catalogue in Chinese and reads a service guide without signing in", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "办事服务" }).click();
  await expect(page).toHaveURL(/\/services$/);

  const search = page.getByRole("search", { name: "搜索和筛选事项" });
  await search.getByLabel("搜索事项").fill("入学");
  await search.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/services\?q=/);
  const results = page.getByRole("region", { name: "事项列表" });
  await expect(results.getByRole("status")).toHaveText(/^“入学”共找到 \d+ 项事项$/);
  // Names where 入学 comes earliest rank first: the two enrolment services, before 积分入学 and keyword matches.
  const names = results.getByRole("listitem").getByRole("link");
  await expect(names.nth(0)).toHaveText(/^(小学|初中)一年级入学$/);
  await expect(names.nth(1)).toHaveText(/^(小学|初中)一年级入学$/);
  await expect(results.getByRole("link", { name: "居住证申领" })).toHaveCount(0);

  // A filter keeps the search words; a search that finds nothing says so.
  const samr = CATALOGUE_SERVICES.filter((x) => x.department === "samr").length;
  await search.getByLabel("部门").selectOption({ label: `深圳市市场监督管理局（${samr}）` });
  await search.getByLabel("搜索事项").fill("结婚");
  await search.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByText("没有找到符合条件的事项。")).toBeVisible();
  await expect(search.getByLabel("搜索事项")).toHaveValue("结婚");

  await page.goto("/services?q=居住证");
  await page.getByRole("link", { name: "居住证申领" }).click();
  await expect(page).toHaveURL(/\/services\/residence_permit$/);
  await expect(page.getByRole("heading", { level: 1, name: "居住证申领" })).toBeVisible();
  const facts = page.getByRole("definition");
  await expect(facts.filter({ hasText: "10 个工作日" })).toBeVisible();
  await expect(page.getByRole("list", { name: "办理地点" })).toContainText("深圳市宝安区新安街道创业一路1号宝安区行政服务大厅");
  await expect(page.getByRole("table", { name: "申请材料" }).getByRole("row")).toHaveCount(8);
  await expect(page.getByRole("link", { name: "登录后办理" })).toHaveAttribute("href", "/sign-in");
});

test("a signed-in migrant sees which materials the library already holds for him", async ({ page }) => {
  await signInAndWait(page, "citizen", DEMO_ID.huangWei, "/my");
  await page.goto("/services/residence_permit");
  await expect(page.getByRole("heading", { level: 2, name: "为您核对的材料" })).toBeVisible();
  const summary = page.getByTestId("resident-summary");
  await expect(summary).toContainText("这些材料您无需提供：申请人居民身份证、房屋租赁凭证、申请人社会保险参保缴费证明。");
  // The photo is the ID card's: nothing to bring but the form.
  await expect(summary).toContainText("需要您提交的只有在线填写的申请表。");
  const checklist = page.getByRole("list", { name: "所需材料" });
  await expect(checklist.locator('[data-outcome="library"]')).toHaveCount(3);
  await expect(checklist).toContainText("将调取黄伟的房屋租赁凭证");
  await expect(page.getByRole("link", { name: "在线办理" })).toHaveAttribute("href", "/my/apply/residence_permit");
  await expect(page.getByRole("link", { name: "登录后办理" })).toHaveCount(0);
  // 办理流程: where it is received, who reviews and decides, how the permit comes back.
  const steps = page.getByRole("list", { name: "办理流程" }).getByRole("listitem");
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(2)).toContainText("审批决定：深圳市公安局");
  await expect(steps.nth(3)).toContainText("到窗口领取或邮寄送达");
});
