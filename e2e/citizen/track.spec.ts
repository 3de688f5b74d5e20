import type { Page } from "@playwright/test";
import { DEMO_CITIZENS, DEMO_ID } from "@/db/seed/demo";
import { expect, openApplyPage, signInAndWait, test } from "../fixtures";

test("周敏 files for a certificate of household registration, then withdraws it before acceptance", async ({ page }) => {
  await signInAndWait(page, "citizen", DEMO_ID.zhouMin, "/my");
  await openApplyPage(page, "hukou_proof_claim");
  const form = page.getByRole("form", { name: "办事申请表" });
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "下一步：核对信息" }).click();
  await form.getByRole("button", { name: "确认提交" }).click();
  await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}\?submitted=1$/);
  const number = (await page.getByText(/办件编号 SZ\d{16}/).first().textContent())?.match(/SZ\d{16}/)?.[0];
  expect(number).toBeTruthy();

  // While it is in progress the service offers no second form, only the way to the first.
  await page.goto("/my/apply/hukou_proof_claim");
  await expect(page.getByTestId("open-application")).toContainText(`您已有一件办理中的该事项申请（编号 ${number}），无需重复申请。`);
  await expect(page.getByRole("form", { name: "办事申请表" })).toHaveCount(0);
  await page.getByRole("link", { name: "查看该申请的进度" }).click();
  await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}$/);

  const timeline = page.getByRole("list", { name: "办理进度" });
  await page.getByRole("button", { name: "撤回申请" }).click();
  const dialog = page.getByRole("dialog", { name: "确认撤回这件申请？" });
  // Cancelling changes nothing.
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await expect(timeline.getByText("已撤回")).toHaveCount(0);

  await page.getByRole("button", { name: "撤回申请" }).click();
  await dialog.getByLabel("撤回原因（选填）").fill("已找到新工作");
  await dialog.getByRole("button", { name: "确认撤回" }).click();
  await expect(dialog).toBeHidden();
  await expect(timeline.getByText("已撤回")).toBeVisible();
  await expect(timeline.getByText("已找到新工作")).toBeVisible();
  await expect(page.getByRole("button", { name: "撤回申请" })).toHaveCount(0);
  // Withdrawn, it no longer stands in the way.
  await page.goto("/my/apply/hukou_proof_claim");
  await expect(page.getByRole("form", { name: "办事申请表" })).toBeVisible();
  await expect(page.getByTestId("open-application")).toHaveCount(0);

  // The full list, reached from home, shows it withdrawn; the filter finds it.
  await page.goto("/my");
  await page.getByRole("link", { name: "查看全部" }).click();
  await expect(page).toHaveURL(/\/my\/applications$/);
  await expect(page.getByRole("row").filter({ hasText: number ?? "-" })).toContainText("已撤回");
  await page.getByLabel("按状态筛选").selectOption("withdrawn");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/status=withdrawn/);
  await expect(page.getByRole("row").filter({ hasText: number ?? "-" })).toHaveCount(1);
});

/** Opens the resident's completed applications in turn and returns on the first not yet rated. */
async function openUnratedCompleted(page: Page): Promise<boolean> {
  await page.goto("/my/applications?status=completed");
  const links = page.getByRole("row").getByRole("link");
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.getByRole("heading", { name: /评价本次办理|您的评价/ })).toBeVisible();
    if (await page.getByRole("form", { name: "评价本次办理" }).isVisible()) return true;
  }
  return false;
}

test("a resident rates a completed application once, and a poor score must say why", async ({ browser }) => {
  // 周敏 first, then 李晓梅, then the other demo residents: the seeded history rates about 60%
  // of completed applications at random, so whose are still unrated depends on the day.
  const logins = [DEMO_ID.zhouMin, DEMO_ID.liXiaomei, ...DEMO_CITIZENS.map((c) => c.login)];
  let page: Page | null = null;
  for (const id of [...new Set(logins)]) {
    const context = await browser.newContext();
    const candidate = await context.newPage();
    await signInAndWait(candidate, "citizen", id, "/my");
    if (await openUnratedCompleted(candidate)) {
      page = candidate;
      break;
    }
    await context.close();
  }
  if (!page) throw new Error("no demo resident has an unrated completed application in the e2e seed");

  const form = page.getByRole("form", { name: "评价本次办理" });
  await form.getByRole("button", { name: "提交评价" }).click();
  await expect(form.getByText("请选择 1–5 分中的一项")).toBeVisible();
  await form.getByRole("radio", { name: "不满意", exact: true }).check();
  await form.getByRole("button", { name: "提交评价" }).click();
  await expect(form.getByText("评为“不满意”或“非常不满意”时，请写明原因")).toBeVisible();
  await form.getByLabel("评价内容").fill("网上显示办结，但证明隔了三天才能打印");
  await form.getByRole("button", { name: "提交评价" }).click();

  const given = page.getByTestId("my-rating");
  await expect(given).toContainText("2 分 · 不满意");
  await expect(given).toContainText("网上显示办结，但证明隔了三天才能打印");
  await expect(page.getByRole("form", { name: "评价本次办理" })).toHaveCount(0);
  // Still rated once after a reload: the form does not come back.
  await page.reload();
  await expect(page.getByTestId("my-rating")).toContainText("2 分 · 不满意");
  await expect(page.getByRole("form", { name: "评价本次办理" })).toHaveCount(0);
  await page.context().close();
});
