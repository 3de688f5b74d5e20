import type { Page } from "@playwright/test";
import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";
import { acceptAndApprove, staffOn } from "../staff-steps";

// Both tests act for the same mother and child: the single application first, then the bundle,
// which must then leave household registration out. Serial, so their order is fixed.
test.describe.configure({ mode: "serial" });

/** The household registration the first test files: the bundle's medical insurance and card wait for it. */
let hukouApplicationId = "";
/** The bundle group page the second test lands on. */
let bundleUrl = "";

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
  hukouApplicationId = /applications\/([0-9a-f-]{36})/.exec(url)?.[1] ?? "";

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

const BUNDLE = [
  "birth_medical_certificate",
  "vaccination_certificate",
  "newborn_hukou",
  "newborn_medical_insurance",
  "newborn_social_security_card",
  "maternity_allowance",
];

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** Answers for every question the five services may ask that the register does not fill. */
const typed: [label: string, value: string, kind: "fill" | "select"][] = [
  ["民族", "汉族", "fill"],
  ["与户主关系", "daughter", "select"],
  ["参保档次", "tier1", "select"],
  ["领卡方式", "post", "select"],
  ["分娩方式", "natural", "select"],
  ["用人单位名称", "深圳市华创电子科技有限公司", "fill"],
  ["本人银行账号（社保卡金融账户）", "6222021234567890123", "fill"],
];

/**
 * Fills and files the bundle once. Returns null when the server says the services changed in
 * between (another session filed one of them): the caller retries once.
 */
async function fileOnce(page: Page) {
  await page.goto("/my");
  await page.getByRole("link", { name: "一件事一次办：出生一件事" }).first().click();
  await expect(page).toHaveURL(/\/my\/apply\/bundle\/newborn\?for=[0-9a-f-]{36}$/);
  await expect(page.getByText("为陈若汐办理")).toBeVisible();

  // Which services are filed depends on what this mother already has; the certificate the
  // child holds is always left out, and every service of the bundle is either filed or explained.
  const included = page.getByRole("list", { name: "将为您办理的事项" });
  const filed = await included.locator("li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-service") ?? ""));
  const skipped = page.getByRole("list", { name: "不在本次办理的事项" }).locator("li");
  const skippedCodes = await skipped.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-service") ?? ""));
  expect([...filed, ...skippedCodes].sort()).toEqual([...BUNDLE].sort());
  await expect(skipped.filter({ hasText: "出生医学证明签发" })).toHaveAttribute("data-reason", "held");
  expect(filed).toEqual(expect.arrayContaining(["vaccination_certificate", "newborn_medical_insurance", "newborn_social_security_card", "maternity_allowance"]));

  // The library has everything of the mother's, the father's and the child's certificate; the
  // household register is issued by the hukou registration filed before (the bundle waits for it),
  // the medical insurance certificate by the bundle's own service. The first test of this file filed household registration on its own,
  // so the bundle leaves it out.
  expect(filed).not.toContain("newborn_hukou");
  // The maternity facility's records (the photo, the delivery record and discharge summary, the
  // birth doses) come from the registers too: nothing is uploaded, nothing brought to a counter.
  const expected = { total: 10, library: 6, upload: 0 };
  for (const name of ["新生儿白底彩色数码相片", "住院分娩记录及出院小结", "新生儿出生时疫苗接种记录"]) {
    await expect(page.locator('[data-outcome="library"]').filter({ hasText: name })).toHaveCount(1);
  }
  const awaited = page.locator('[data-outcome="awaiting"]');
  await expect(awaited).toHaveCount(1);
  await expect(awaited).toContainText(/将由“新生儿入户”（SZ\d{16}）签发，签发后自动从证照库调取，无需提供/);
  await expect(page.locator('[data-outcome="bundle"]')).toContainText("由本次联办的“新生儿参加基本医疗保险”签发后自动从证照库调取");
  await expect(page.getByTestId("bundle-counts")).toHaveText(
    `共 ${expected.total} 项材料，${expected.library} 项从证照库调取，需上传 ${expected.upload} 项`,
  );

  const form = page.getByRole("form", { name: "一件事联办申请表" });
  // Each question once: the child's name appears once however many services ask for it.
  await expect(form.getByTestId("locked-childName")).toHaveCount(1);
  for (const [label, value, kind] of typed) {
    const input = form.getByLabel(label);
    if ((await input.count()) === 0) continue;
    if (kind === "select") await input.selectOption(value);
    else await input.fill(value);
  }

  // Upload exactly the required materials the library lacks (optional ones are marked 选交).
  const required = form.locator('[data-testid^="upload-"]').filter({ hasNotText: "（选交）" });
  await expect(required).toHaveCount(expected.upload);
  for (let i = 0; i < expected.upload; i++) {
    const slot = required.nth(i);
    await slot.locator('input[type="file"]').setInputFiles({ name: `材料${i + 1}.pdf`, mimeType: "application/pdf", buffer: pdf });
    await expect(slot.getByText(`已上传：材料${i + 1}.pdf`)).toBeVisible();
  }

  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "下一步：核对信息" }).click();
  await expect(form.getByRole("button", { name: "确认提交" })).toBeVisible();
  // A double click files one group.
  await form.getByRole("button", { name: "确认提交" }).dblclick();
  const outcome = await Promise.race([
    page.waitForURL(/\/my\/bundles\/[0-9a-f-]{36}\?submitted=1$/).then(() => "filed" as const),
    form.getByText("办理事项已有变化").waitFor().then(() => "changed" as const),
  ]);
  return outcome === "filed" ? { filed, expected } : null;
}

test("the newborn's mother files 出生一件事 once with nothing to upload and nothing to bring", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "citizen", DEMO_ID.liXiaomei, "/my");

  const result = (await fileOnce(page)) ?? (await fileOnce(page));
  if (!result) throw new Error("the bundle kept changing");
  const { filed, expected } = result;

  const confirmation = page.getByRole("status").filter({ hasText: "一件事申请已提交" });
  await expect(confirmation).toContainText(
    `共生成 ${filed.length} 个办件。共 ${expected.total} 项材料，其中 ${expected.library} 项已从电子证照库调取，上传 ${expected.upload} 项。`,
  );
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(filed.length);
  expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-service") ?? ""))).sort()).toEqual([...filed].sort());
  for (let i = 0; i < filed.length; i++) {
    await expect(rows.nth(i)).toContainText(/SZ\d{16}/);
    await expect(rows.nth(i).getByTestId("due-on")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  }
  // What needs a certificate still being issued waits for it, outside every clerk's queue.
  for (const code of ["newborn_medical_insurance", "newborn_social_security_card"]) {
    await expect(rows.and(page.locator(`[data-service="${code}"]`))).toContainText("等待前置证照");
  }
  const url = page.url().replace(/\?.*$/, "");
  bundleUrl = url;

  // Filed, the bundle has nothing left for this child.
  await page.goto("/my/apply/bundle/newborn");
  await expect(page.getByText("这个一件事中已没有需要您办理的事项。")).toBeVisible();

  // Another resident who guesses the URL gets not-found.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAndWait(otherPage, "citizen", DEMO_ID.huangWei, "/my");
  const response = await otherPage.goto(url);
  expect(response?.status()).toBe(404);
  await other.close();
  await context.close();
});

/** The resident's application of service `code` in the bundle group (its page's id). */
async function applicationOf(page: Page, code: string): Promise<string> {
  await page.goto(bundleUrl);
  const href = (await page.locator(`tr[data-service="${code}"]`).getByRole("link").getAttribute("href")) ?? "";
  const id = /applications\/([0-9a-f-]{36})/.exec(href)?.[1];
  if (!id) throw new Error(`no application of ${code}`);
  return id;
}

test("as public security and then medical insurance approve, the waiting applications get their certificates and start", async ({ browser }) => {
  test.setTimeout(240_000);
  expect(hukouApplicationId).not.toBe("");
  expect(bundleUrl).not.toBe("");
  const context = await browser.newContext();
  const mother = await context.newPage();
  await signInAndWait(mother, "citizen", DEMO_ID.liXiaomei, "/my");
  const medicalInsurance = await applicationOf(mother, "newborn_medical_insurance");
  const card = await applicationOf(mother, "newborn_social_security_card");

  await mother.goto(`/my/applications/${medicalInsurance}`);
  await expect(mother.getByTestId("awaiting-prerequisite")).toContainText("正在等待前置事项签发证照");
  // While it waits it is in no window's queue: the medical insurance window cannot accept it.
  const waiting = await staffOn(browser, "MED001", medicalInsurance);
  await expect(waiting.getByRole("form", { name: "受理", exact: true })).toHaveCount(0);
  await waiting.context().close();

  // Public security registers the baby: the household register goes to both waiting applications.
  await acceptAndApprove(browser, "PSB001", "PSB003", hukouApplicationId);
  await mother.goto(`/my/applications/${medicalInsurance}`);
  await expect(mother.getByTestId("awaiting-prerequisite")).toHaveCount(0);
  const steps = mother.getByRole("list", { name: "办理进度" });
  await expect(steps).toContainText("前置事项“新生儿入户”");
  await expect(mother.getByText(/由“新生儿入户”（SZ\d{16}）签发后，已从电子证照库自动调取/)).toBeVisible();
  await expect(mother.getByRole("status").filter({ hasText: "正在等待" })).toHaveCount(0);

  // The card still waits for the medical insurance certificate; medical insurance now decides.
  await mother.goto(`/my/applications/${card}`);
  await expect(mother.getByTestId("awaiting-prerequisite")).toBeVisible();
  await acceptAndApprove(browser, "MED001", "MED003", medicalInsurance);
  await mother.goto(`/my/applications/${card}`);
  await expect(mother.getByTestId("awaiting-prerequisite")).toHaveCount(0);
  await expect(mother.getByText(/由“新生儿参加基本医疗保险”（SZ\d{16}）签发后，已从电子证照库自动调取/)).toBeVisible();
  // Human resources' window now has it to accept, and its approver issues the card.
  await acceptAndApprove(browser, "HRS001", "HRS003", card);

  // The mother's wallet keeps her daughter's certificates, marked as the child's.
  await mother.goto("/my/licences");
  const child = mother.getByRole("region", { name: /陈若汐的电子证照（未成年子女）/ });
  for (const name of ["出生医学证明", "居民户口簿", "医疗保障参保凭证", "社会保障卡"]) {
    await expect(child.getByRole("heading", { name, exact: true })).toHaveCount(1);
  }
  // As guardian she downloads the child's licence file.
  const download = mother.waitForEvent("download");
  await child.getByRole("listitem").filter({ has: mother.getByRole("heading", { name: "社会保障卡", exact: true }) }).getByRole("link", { name: /下载/ }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await context.close();
});
