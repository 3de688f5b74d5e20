import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

test("the newborn's mother files household registration with the certificates taken from the library", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "citizen", DEMO_ID.liXiaomei, "/my");
  await page.goto("/my/apply/newborn_hukou");

  // Five of the six materials come from the library; only the form is filled online.
  await expect(page.getByText("共 6 项材料，其中 5 项可从电子证照库直接调取，无需您再提供。")).toBeVisible();
  const checklist = page.getByRole("list", { name: "所需材料" });
  await expect(checklist.locator('[data-outcome="library"]')).toHaveCount(5);
  await expect(checklist).toContainText("将调取陈若汐的出生医学证明");
  // The register values are shown masked and locked, with their source.
  await expect(page.getByTestId("locked-applicantIdNumber")).toHaveText("440304**********87");
  await expect(page.getByText("来自户籍登记（公安）").first()).toBeVisible();

  const form = page.getByRole("form", { name: "办事申请表" });
  // A failed validation names the field and keeps what was typed.
  await form.getByLabel("联系电话").fill("12345");
  await form.getByRole("button", { name: "下一步：核对信息" }).click();
  await expect(form.getByText("请填写 11 位手机号")).toBeVisible();
  await expect(form.getByText("此项必填").first()).toBeVisible();
  await expect(form.getByLabel("联系电话")).toHaveValue("12345");

  await form.getByLabel("联系电话").fill("13823456781");
  await form.getByLabel("民族").fill("汉族");
  await form.getByLabel("与户主关系").selectOption("daughter");
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "下一步：核对信息" }).click();
  await expect(form.getByText("汉族")).toBeVisible();
  // A double click on submit files one application.
  await form.getByRole("button", { name: "确认提交" }).dblclick();

  await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}\?submitted=1$/);
  const confirmation = page.getByRole("status").filter({ hasText: "申请已提交" });
  await expect(confirmation).toContainText(/办件编号 SZ\d{16}/);
  await expect(confirmation).toContainText("共 6 项材料，其中 5 项已从电子证照库调取");
  const url = page.url().replace(/\?.*$/, "");

  await page.goto("/my");
  await expect(page.getByRole("row").filter({ hasText: "新生儿入户" }).filter({ hasText: "已提交" })).toHaveCount(1);

  // Another resident who guesses the URL gets not-found.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAndWait(otherPage, "citizen", DEMO_ID.huangWei, "/my");
  const response = await otherPage.goto(url);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByText("页面不存在")).toBeVisible();
  await other.close();
  await context.close();
});
