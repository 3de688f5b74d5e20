import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

// 黄伟 is a migrant: nobody else files 户口迁入 for him, so his draft of it is this spec's own.
const SERVICE = "/my/apply/hukou_transfer_in";

test("a resident saves a draft, leaves, comes back to it from home, and discards it", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "citizen", DEMO_ID.huangWei, "/my");
  await page.goto(SERVICE);
  const form = page.getByRole("form", { name: "办事申请表" });
  // A draft left by an earlier, interrupted run is discarded first.
  if (await form.getByRole("button", { name: "放弃草稿" }).isVisible()) {
    await form.getByRole("button", { name: "放弃草稿" }).click();
    await expect(form.getByRole("button", { name: "放弃草稿" })).toBeHidden();
  }

  // Saving needs no required field: only the address is typed, the category is chosen.
  await form.getByLabel("拟迁入地址").fill("深圳市宝安区新安街道草稿路 8 号");
  await form.getByLabel("迁入类别").selectOption("talent");
  await form.getByRole("button", { name: "保存草稿" }).click();
  await expect(form.getByTestId("draft-notice")).toContainText("草稿已保存");

  // Leave; home lists the draft with a link to continue.
  await page.goto("/my");
  const drafts = page.getByRole("list", { name: "我的草稿" });
  await expect(drafts).toContainText("户口迁入");
  await drafts.getByRole("link", { name: /继续填写\s*：户口迁入/ }).click();
  await expect(page).toHaveURL(/\/my\/apply\/hukou_transfer_in$/);

  // The values come back, and the notice says the draft was restored.
  await expect(form.getByTestId("draft-notice")).toContainText("已恢复您");
  await expect(form.getByLabel("拟迁入地址")).toHaveValue("深圳市宝安区新安街道草稿路 8 号");
  await expect(form.getByLabel("迁入类别")).toHaveValue("talent");

  // Discarded, the form goes back to the register's values and home no longer lists it.
  await form.getByRole("button", { name: "放弃草稿" }).click();
  await expect(form.getByLabel("拟迁入地址")).toHaveValue("");
  await page.goto("/my");
  await expect(page.getByRole("list", { name: "我的草稿" })).toHaveCount(0);
  await context.close();
});

test("a resident flags a pre-filled value; the public security clerk declines it; the resident sees the answer", async ({ browser }) => {
  const note = `经核查户籍档案，地址无误（${Date.now()}）`;
  const citizen = await browser.newContext();
  const page = await citizen.newPage();
  await signInAndWait(page, "citizen", DEMO_ID.huangWei, "/my");
  await page.goto(SERVICE);
  const form = page.getByRole("form", { name: "办事申请表" });
  await expect(form.getByTestId("locked-hukouAddress")).toBeVisible();
  await form.getByTestId("correct-hukouAddress").click();

  const dialog = page.getByRole("dialog", { name: "反映数据有误" });
  await expect(dialog).toContainText("户籍登记（公安）");
  // The reason is required; the dialog keeps what was typed.
  await dialog.getByLabel("正确的内容（选填）").fill("湖南省长沙市岳麓区正确路 1 号");
  await dialog.getByRole("button", { name: "提交" }).click();
  await expect(dialog.getByText("此项必填")).toBeVisible();
  await expect(dialog.getByLabel("正确的内容（选填）")).toHaveValue("湖南省长沙市岳麓区正确路 1 号");
  await dialog.getByLabel("说明原因").fill("门牌号已变更");
  await dialog.getByRole("button", { name: "提交" }).click();
  // A request still open from an earlier run is returned rather than filed twice.
  await expect(dialog.getByRole("status")).toContainText(/已提交，将由户籍登记（公安）的工作人员核实处理|您已反映过这项信息/);
  await dialog.getByRole("button", { name: "完成" }).click();

  await page.goto("/my/corrections");
  const mine = page.getByRole("table", { name: "我的纠错申请" });
  await expect(mine.getByRole("row").filter({ hasText: "户籍地址" }).filter({ hasText: "核实中" })).toHaveCount(1);

  // The clerk of the department that keeps the hukou register sees it in the queue.
  const staff = await browser.newContext();
  const clerk = await staff.newPage();
  await signInAndWait(clerk, "staff", "PSB001", "/counter");
  await clerk.goto("/counter/corrections?status=open");
  const row = clerk.getByRole("row").filter({ hasText: "黄伟" }).filter({ hasText: "户籍地址" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("430102**********15");
  await row.getByRole("link", { name: "处理" }).click();
  await expect(clerk).toHaveURL(/\/counter\/corrections\/[0-9a-f-]{36}$/);
  const url = clerk.url();
  const decision = clerk.getByRole("form", { name: "处理纠错申请" });
  await decision.getByLabel("不予更正").check();
  await decision.getByRole("button", { name: "提交处理结果" }).click();
  await expect(decision.getByText("此项必填")).toBeVisible();
  await decision.getByLabel("说明").fill(note);
  await decision.getByRole("button", { name: "提交处理结果" }).click();
  await expect(clerk.getByRole("status")).toContainText("已处理：不予更正");

  // A clerk of another department cannot open it.
  const other = await browser.newContext();
  const civil = await other.newPage();
  await signInAndWait(civil, "staff", "CIV001", "/counter");
  expect((await civil.goto(url))?.status()).toBe(404);
  await civil.goto("/counter/corrections");
  await expect(civil.getByRole("row").filter({ hasText: "黄伟" }).filter({ hasText: "户籍地址" })).toHaveCount(0);
  await other.close();
  await staff.close();

  // The resident sees the answer on their corrections page and as a notice at home.
  await page.goto("/my/corrections");
  await expect(mine.getByRole("row").filter({ hasText: note })).toContainText("不予更正");
  await page.goto("/my");
  await expect(page.getByText(`您反映有误的户籍地址经核实未予更正：${note}`)).toBeVisible();
  await citizen.close();
});
