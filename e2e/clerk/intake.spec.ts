import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

// 刘国平 has no portal account and no other spec files for him: a walk-in at the counter.
test("a public security clerk files an ID card renewal for a walk-in resident, with the library's certificates", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "staff", "PSB001", "/counter");
  await page.goto("/counter/intake");

  const lookup = page.getByRole("form", { name: "查找群众" });
  await lookup.getByLabel("居民身份证号").fill(DEMO_ID.liuGuoping);
  await lookup.getByLabel("办理事项").selectOption("id_card_renewal");
  await lookup.getByRole("button", { name: "查找并预填" }).click();

  const form = page.getByRole("form", { name: "窗口收件申请表" });
  await expect(page.getByText("申请人：刘国平（440301**********37）")).toBeVisible();
  // Pre-filled from the register and checked against the library, as online.
  await expect(form.getByTestId("locked-applicantName")).toHaveText("刘国平");
  await expect(form.getByRole("list", { name: "材料" }).locator('[data-outcome="library"]')).toHaveCount(2);
  await form.getByLabel("换领原因").selectOption("expired");
  await form.getByLabel("领证方式").selectOption("counter");
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "提交收件" }).dblclick();

  const receipt = page.getByTestId("intake-receipt");
  await expect(receipt).toContainText(/办件编号 SZ\d{16}（窗口收件）。共 3 项材料：2 项来自电子证照库，0 项为窗口收取的纸质材料。/);
  // The ID number never went into a URL.
  expect(page.url()).not.toContain(DEMO_ID.liuGuoping);
  const number = /SZ\d{16}/.exec((await receipt.textContent()) ?? "")?.[0] ?? "";

  await page.getByRole("link", { name: "查看办件" }).click();
  await expect(page).toHaveURL(/\/counter\/applications\/[0-9a-f-]{36}$/);
  await expect(page.getByText(number).first()).toBeVisible();
  await expect(page.locator("dt", { hasText: "渠道" }).locator("xpath=following-sibling::dd[1]")).toHaveText("窗口");
  await context.close();
});
