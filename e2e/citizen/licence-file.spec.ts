import { readFile } from "node:fs/promises";
import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

/**
 * 证照文件: 周敏 downloads her resident ID card from the wallet as a PDF; anyone can upload it on
 * /verify and is told it is genuine and valid; the same file with one byte changed is refused.
 * Downloading and checking change nothing another spec reads.
 */
test("a licence PDF from the wallet verifies as genuine; a copy with one byte changed is refused", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "citizen", DEMO_ID.zhouMin, "/my");
  await page.goto("/my/licences");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "居民身份证", exact: true }) }).first();
  const downloading = page.waitForEvent("download");
  await card.getByRole("link", { name: "下载证照文件（PDF）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^居民身份证-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = await readFile((await download.path()));
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await context.close();

  // The person the file was sent to checks it, signed out.
  const checker = await browser.newPage();
  await checker.goto("/verify");
  const form = checker.getByRole("form", { name: "上传证照文件核验" });
  await expect(form.getByText("未选择文件")).toBeVisible();
  await form.getByLabel("证照文件（PDF，不超过 2 MB）").setInputFiles({ name: "身份证.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(form.getByText("身份证.pdf", { exact: true })).toBeVisible();
  await form.getByRole("button", { name: "核验文件" }).click();
  const result = form.getByRole("status").filter({ hasText: "身份证.pdf" });
  await expect(result).toHaveAttribute("data-result", "valid");
  await expect(form.getByText("周*")).toBeVisible();

  const changed = Buffer.from(pdf);
  const at = Math.floor(changed.length / 2);
  changed[at] = changed[at]! ^ 0x20;
  await form.getByLabel("证照文件（PDF，不超过 2 MB）").setInputFiles({ name: "改过的.pdf", mimeType: "application/pdf", buffer: changed });
  await form.getByRole("button", { name: "核验文件" }).click();
  const refused = form.getByRole("status").filter({ hasText: "改过的.pdf" });
  await expect(refused).toHaveAttribute("data-result", "invalid");
  await expect(refused).toContainText("签名与文件内容不符");
  await checker.close();
});
