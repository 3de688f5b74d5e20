import { randomUUID } from "node:crypto";
import jsQR from "jsqr";
import type { Page } from "@playwright/test";
import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

/**
 * 亮证: an administrator gives the public security bureau's system an API key; that system
 * issues 张秀英 a residence permit; she shows its QR code from her wallet and a scan says valid;
 * the bureau revokes it through the API and the same code says revoked; an edited code says invalid.
 * 张秀英 is a resident no other spec files anything for, and the permit is new, so no other spec sees it.
 */

/** Reads the QR image in the browser (drawn on a canvas) and decodes it with jsQR. */
async function readQr(page: Page, alt: string): Promise<string> {
  const pixels = await page.getByRole("img", { name: alt }).evaluate(async (img: HTMLImageElement) => {
    if (!img.complete) await new Promise((resolve) => img.addEventListener("load", resolve, { once: true }));
    const size = 384;
    const canvas = document.createElement("canvas");
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 0, 0, size, size);
    return { data: Array.from(ctx.getImageData(0, 0, size, size).data), size };
  });
  const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.size, pixels.size);
  if (!decoded) throw new Error("the QR code could not be read");
  return decoded.data;
}

test("a wallet QR code verifies as valid, then revoked after the department revokes it; an edited code is invalid", async ({ browser, request }) => {
  // The administrator creates the bureau's key in the admin UI; it is shown once.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAndWait(admin, "staff", "ADM001", "/admin");
  await admin.goto("/admin/api-keys");
  const form = admin.getByRole("form", { name: "新建密钥" });
  await form.getByLabel("部门").selectOption({ label: "深圳市公安局" });
  await form.getByLabel("用途说明").fill("公安人口管理系统（端到端测试）");
  await form.getByRole("button", { name: "创建密钥" }).click();
  const key = (await admin.getByTestId("new-api-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^ow_[0-9a-f]{8}_/);
  await expect(admin.getByRole("cell", { name: `ow_${key.slice(3, 11)}_…` })).toBeVisible();
  await adminContext.close();
  const auth = { Authorization: `Bearer ${key}` };

  // The bureau's system issues the permit.
  const issued = await request.post("/api/v1/licences", {
    headers: { ...auth, "Idempotency-Key": randomUUID() },
    data: { typeKey: "residence_permit", holderIdNumber: DEMO_ID.zhangXiuying, fields: { 居住地址: "深圳市福田区福华路 1 号" } },
  });
  expect(issued.status()).toBe(201);
  const { identifier } = (await issued.json()) as { identifier: string };

  // 张秀英 opens her wallet and shows the permit's QR code.
  const citizenContext = await browser.newContext();
  const citizen = await citizenContext.newPage();
  await signInAndWait(citizen, "citizen", DEMO_ID.zhangXiuying, "/my");
  await citizen.goto("/my/licences");
  const card = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: "广东省居住证" }) }).filter({ hasText: "有效" }).first();
  await card.getByText("亮证二维码").click();
  const url = await readQr(citizen, "广东省居住证的核验二维码");
  expect(url).toMatch(/\/verify\?c=/);
  await expect(card.getByRole("link", { name: "打开核验页面" })).toHaveAttribute("href", url);
  expect(url).not.toContain(DEMO_ID.zhangXiuying);

  // Anyone scanning it, signed in or not, sees it valid with only the minimum fields.
  const scanner = await browser.newContext();
  const scan = await scanner.newPage();
  await scan.goto(url);
  await expect(scan.getByRole("status")).toContainText("有效");
  await expect(scan.getByText("张*英")).toBeVisible();
  await expect(scan.getByText(DEMO_ID.zhangXiuying)).toHaveCount(0);

  // The bureau revokes it through the API; the same code now says revoked.
  const revoked = await request.post(`/api/v1/licences/${encodeURIComponent(identifier)}/revoke`, {
    headers: { ...auth, "Idempotency-Key": randomUUID() },
    data: { reason: "端到端测试注销" },
  });
  expect(revoked.status()).toBe(200);
  await scan.reload();
  await expect(scan.getByRole("status")).toContainText("已注销");

  // An edited code (one character of its payload changed) is invalid.
  const code = new URL(url).searchParams.get("c")!;
  const edited = `${code.slice(0, 4)}${code[4] === "A" ? "B" : "A"}${code.slice(5)}`;
  await scan.goto(`/verify?c=${encodeURIComponent(edited)}`);
  await expect(scan.getByRole("status")).toContainText("无效");
  await scanner.close();
  await citizenContext.close();
});
