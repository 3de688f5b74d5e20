import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

test("黄伟 books a counter visit for his ID card renewal, sees it listed, then cancels it", async ({ page }) => {
  await signInAndWait(page, "citizen", DEMO_ID.huangWei, "/my");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的预约" }).click();
  await expect(page).toHaveURL(/\/my\/appointments$/);
  // Runs in both UI modes on the same resident: earlier runs leave cancelled rows, never a booking.
  const renewals = page.getByRole("table").getByRole("row").filter({ hasText: "居民身份证换领" });
  const booked = renewals.filter({ hasText: "已预约" });
  const cancelled = renewals.filter({ hasText: "已取消" });
  await expect(page.getByRole("heading", { name: "我的预约", level: 2 })).toBeVisible();
  await expect(booked).toHaveCount(0);
  const cancelledBefore = await cancelled.count();

  const chooser = page.getByRole("form", { name: "预约" });
  await chooser.getByLabel("办理事项").selectOption("id_card_renewal");
  await chooser.getByLabel("办事大厅").selectOption("baoan");
  await chooser.getByRole("button", { name: "查看可约时段" }).click();
  await expect(page).toHaveURL(/\/my\/appointments\?service=id_card_renewal&centre=baoan$/);

  const grid = page.getByRole("form", { name: "可约时段" });
  // Submitting without a time is refused in the form.
  await grid.getByRole("button", { name: "确认预约" }).click();
  await expect(grid.getByText("请选择一个时段")).toBeVisible();

  const first = grid.getByRole("radio").first();
  const seats = grid.locator("label").first();
  await expect(seats).toContainText("余 3 个");
  await first.check();
  await grid.getByRole("button", { name: "确认预约" }).click();
  await expect(grid.getByRole("status")).toContainText("预约成功");

  await expect(booked).toHaveCount(1);
  await expect(booked).toContainText("宝安区政务服务中心");
  // The seat is taken: the first slot now shows one fewer.
  await expect(grid.locator("label").first()).toContainText("余 2 个");

  // A second booking for the same service is refused with the reason.
  await grid.getByRole("radio").nth(1).check();
  await grid.getByRole("button", { name: "确认预约" }).click();
  await expect(grid.getByText("您已预约过该事项，如需改期请先取消原预约。")).toBeVisible();

  await booked.getByRole("button", { name: /^取消预约/ }).click();
  await expect(booked).toHaveCount(0);
  await expect(cancelled).toHaveCount(cancelledBefore + 1);
  await expect(cancelled.getByRole("button", { name: /^取消预约/ })).toHaveCount(0);
  await expect(grid.locator("label").first()).toContainText("余 3 个");
});
