import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

/** A life event's page: the services it will file, in the event's order. */
export async function expectServices(page: Page, codes: string[]) {
  const included = page.getByRole("list", { name: "将为您办理的事项" });
  expect(await included.locator("li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-service")))).toEqual(codes);
}

/** Nothing to upload: the counts say so and no required upload slot is offered (optional ones are marked 选交). */
export async function expectNothingToUpload(page: Page, form: Locator) {
  await expect(page.getByTestId("bundle-counts")).toHaveText(/需上传 0 项$/);
  await expect(form.locator('[data-testid^="upload-"]').filter({ hasNotText: "（选交）" })).toHaveCount(0);
}

/**
 * Consents, checks (`checkStep`: what the check-your-answers step must show in words) and files
 * the event once — a double click files one group — and lands on its group page with `count`
 * applications and nothing uploaded. Returns the group page's address and its rows by service.
 */
export async function fileLifeEvent(page: Page, form: Locator, { count, checkStep }: { count: number; checkStep: string }) {
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "下一步：核对信息" }).click();
  await expect(form.getByText(checkStep)).toBeVisible();
  await form.getByRole("button", { name: "确认提交" }).dblclick();

  await expect(page).toHaveURL(/\/my\/bundles\/[0-9a-f-]{36}\?submitted=1$/);
  const confirmation = page.getByRole("status").filter({ hasText: "一件事申请已提交" });
  await expect(confirmation).toContainText(`共生成 ${count} 个办件。`);
  await expect(confirmation).toContainText("上传 0 项。");
  const groupUrl = page.url().replace(/\?.*$/, "");
  const row = (code: string) => page.locator(`tr[data-service="${code}"]`);
  const idOf = async (code: string) => {
    const id = /applications\/([0-9a-f-]{36})/.exec((await row(code).getByRole("link").getAttribute("href")) ?? "")?.[1];
    if (!id) throw new Error(`no application of ${code} in the group`);
    return id;
  };
  return { groupUrl, row, idOf };
}
