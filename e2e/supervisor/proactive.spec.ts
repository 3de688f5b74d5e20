import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

/**
 * 主动服务: SUP001 finds 张秀英 (turning 60 on 8 December, no elderly card) on the elderly card's
 * list, masked; "notify all" tells her on her home; a second press tells nobody again.
 * No other spec files an elderly card application for her. A retry of this spec finds her
 * already notified, so the first count is only checked to be a number.
 */
test("a supervisor notifies everyone who qualifies for the elderly card, once", async ({ supervisorPage: page, browser }) => {
  await page.goto("/supervisor/proactive");
  await expect(page.getByRole("heading", { name: "主动服务" })).toBeVisible();
  await page.getByRole("link", { name: "查看名单：老年人优待证办理" }).click();
  await expect(page).toHaveURL(/\/supervisor\/proactive\/elderly_card$/);

  const maskedId = `${DEMO_ID.zhangXiuying.slice(0, 6)}**********${DEMO_ID.zhangXiuying.slice(16)}`;
  const her = page.getByRole("row").filter({ hasText: "张*英" }).filter({ hasText: maskedId });
  await expect(her).toHaveCount(1);
  await expect(her).toContainText("将于2026年12月8日年满60周岁");
  await expect(page.getByText(DEMO_ID.zhangXiuying)).toHaveCount(0);
  await expect(page.getByText("张秀英")).toHaveCount(0);

  const notifyAll = page.getByRole("button", { name: "一键通知全部" });
  await notifyAll.click();
  await expect(page.getByRole("status")).toContainText(/已新通知 \d+ 人/);

  const context = await browser.newContext();
  const citizen = await context.newPage();
  await signInAndWait(citizen, "citizen", DEMO_ID.zhangXiuying, "/my");
  await expect(citizen.getByText("您已符合办理“老年人优待证办理”的条件，尚未申请。", { exact: false })).toBeVisible();
  await context.close();

  await notifyAll.click();
  await expect(page.getByRole("status")).toContainText("已新通知 0 人");
});
