import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test("an unemployed resident uploads the termination proof the library lacks and files it with the application", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "citizen", DEMO_ID.zhouMin, "/my");
  await page.goto("/my/apply/unemployment_registration");

  const form = page.getByRole("form", { name: "办事申请表" });
  await form.getByLabel("解除或终止劳动合同证明").setInputFiles({ name: "终止劳动合同证明.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(form.getByText("已上传：终止劳动合同证明.pdf")).toBeVisible();
  const preview = form.getByRole("link", { name: "预览" });
  const href = await preview.getAttribute("href");
  expect(href).toMatch(/^\/api\/uploads\/[0-9a-f-]{36}$/);

  // HTML dressed up as a PDF is refused by its bytes.
  await form.getByLabel("解除或终止劳动合同证明").setInputFiles({ name: "fake.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html></html>") });
  await expect(form.getByText("仅支持上传 PDF、PNG 或 JPEG 文件")).toBeVisible();
  await expect(form.getByText("已上传：终止劳动合同证明.pdf")).toBeVisible();

  await form.getByLabel("原工作单位").fill("深圳市测试科技有限公司");
  await form.getByLabel("离职日期").fill("2026-10-28");
  await form.getByLabel("离职原因").selectOption("contract_ended");
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "下一步：核对信息" }).click();
  await form.getByRole("button", { name: "确认提交" }).click();

  await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}\?submitted=1$/);
  await expect(page.getByRole("status").filter({ hasText: "申请已提交" })).toContainText("其中 1 项材料已上传");
  const item = page.getByRole("listitem").filter({ hasText: "解除或终止劳动合同证明" });
  await expect(item).toContainText("上传");
  await expect(item.getByRole("link", { name: /终止劳动合同证明\.pdf/ })).toHaveAttribute("href", href ?? "");

  const file = await page.request.get(href ?? "");
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(file.headers()["cache-control"]).toBe("private, no-store");
  expect(Buffer.from(await file.body()).equals(pdf)).toBe(true);

  // Another resident who guesses the link gets not-found.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAndWait(otherPage, "citizen", DEMO_ID.huangWei, "/my");
  expect((await otherPage.request.get(href ?? "")).status()).toBe(404);
  await other.close();
  await context.close();
});
