import { randomInt } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

// 独生子女父母光荣证, added by the health department's catalogue manager (HEA004) with no code
// change: a form, two library materials, an upload, an eligibility rule and an output licence.
// 王建国 (one child, 王小明; Nanshan hukou) meets the rule, sees it recommended with the generated
// reason, files it; the window (HEA001) accepts, the approver (HEA003) approves, and the
// certificate lands in his wallet. The code is new on every run, so no other spec sees it.
const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const code = `only_child_parent_${randomInt(0, 1e6).toString().padStart(6, "0")}`;
const NAME = "独生子女父母光荣证申领";

const FORM = [
  { name: "applicantName", type: "text", labelZh: "申请人姓名", labelEn: "Applicant's name", required: true, prefill: "person.name" },
  { name: "applicantIdNumber", type: "id_number", labelZh: "申请人公民身份号码", labelEn: "Applicant's ID number", required: true, prefill: "person.idNumber" },
  { name: "workUnit", type: "text", labelZh: "工作单位", labelEn: "Employer", required: true },
];
const MATERIALS = [
  { nameZh: "申请人居民身份证", nameEn: "Applicant's ID card", kind: "licence", licence: "resident_id_card", subject: "applicant", required: true },
  { nameZh: "申请人居民户口簿", nameEn: "Applicant's household register", kind: "licence", licence: "household_register", subject: "applicant", required: true },
  { nameZh: "独生子女证明照片", nameEn: "Photo of the only-child proof", kind: "upload", subject: "applicant", required: true },
];
const RULE = {
  for: "self",
  when: {
    is: "all",
    rules: [
      { is: "hasChild", where: { is: "ageUnder", years: 18 }, atLeast: 1, atMost: 1 },
      { is: "hukouIn", division: "440305" },
      { is: "sex", sex: "male" },
    ],
  },
  benefitZh: "领证后可按规定享受独生子女父母奖励。",
  benefitEn: "The certificate entitles you to the only-child parents' reward.",
};

async function staffPage(browser: Browser, staffNo: string, home: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAndWait(page, "staff", staffNo, home);
  return page;
}

const fillJson = async (page: Page, label: string, value: unknown) => page.getByLabel(label).fill(JSON.stringify(value, null, 2));

test("a catalogue manager creates and publishes a service; a resident is recommended it, files it with library materials; it is approved and its licence lands in the wallet; a later version leaves the filed one alone", async ({ browser }) => {
  test.setTimeout(300_000);
  const manager = await staffPage(browser, "HEA004", "/admin/services");
  await manager.getByRole("link", { name: "新建事项" }).click();
  await expect(manager).toHaveURL(/\/admin\/services\/new$/);
  const designer = manager.getByRole("form", { name: "新建事项" });

  // A wrong part is named with its path, live, before anything is saved.
  await designer.getByLabel("事项编码").fill(code);
  await fillJson(manager, "服务对象规则（JSON，留空为任何人可申请）", { for: "self", when: { is: "starSign", sign: "leo" } });
  await expect(manager.getByTestId("designer-issues")).toContainText("eligibility.when.is");

  await designer.getByLabel("事项名称（中文）").fill(NAME);
  await designer.getByLabel("事项名称（英文）").fill("Honour certificate for parents of an only child");
  await expect(designer.getByLabel("实施部门（部门编码）")).toHaveValue("health");
  await designer.getByLabel("主题").selectOption({ label: "生育收养" });
  await designer.getByLabel("搜索关键词（空格分隔）").fill("独生子女 光荣证 奖励");
  await designer.getByLabel("事项说明（中文）").fill("符合条件的独生子女父母申领独生子女父母光荣证。");
  await designer.getByLabel("事项说明（英文）").fill("Parents of an only child apply for the honour certificate.");
  await designer.getByLabel("申请条件（中文）").fill("户籍在南山区、只有一个未成年子女的父亲或母亲。");
  await designer.getByLabel("申请条件（英文）").fill("A parent with Nanshan hukou and exactly one minor child.");
  await designer.getByLabel("法定办结时限（工作日）").fill("20");
  await designer.getByLabel("承诺办结时限（工作日）").fill("10");
  await designer.getByLabel("办结后签发的证照").selectOption("only_child_parent_certificate");
  await fillJson(manager, "申请表字段（JSON）", FORM);
  await fillJson(manager, "申请材料（JSON）", MATERIALS);
  await fillJson(manager, "服务对象规则（JSON，留空为任何人可申请）", RULE);
  await expect(manager.getByText("检查通过，可以发布。")).toBeVisible();

  // Preview for the test resident: the name pre-filled, the ID card from the library.
  await designer.getByLabel("测试居民身份证号").fill(DEMO_ID.wangJianguo);
  await designer.getByRole("button", { name: "预览申请表和材料" }).click();
  const preview = manager.getByTestId("designer-preview");
  await expect(preview).toContainText("申请人姓名：已预填：王建国");
  await expect(preview).toContainText("申请人居民身份证：证照库调取");
  await expect(preview).toContainText("独生子女证明照片：需上传");
  await designer.getByRole("button", { name: "估算符合条件人数" }).click();
  await expect(manager.getByTestId("designer-estimate")).toContainText("符合条件");

  await designer.getByLabel("发布说明（记入版本历史）").fill("新增事项");
  await designer.getByRole("button", { name: "发布" }).click();
  await expect(manager).toHaveURL(new RegExp(`/admin/services/${code}\\?published=1$`));
  await expect(manager.getByText("已发布第 1 版。")).toBeVisible();
  await expect(manager.getByTestId("service-versions")).toContainText("第 1 版");

  // The resident: recommended, with the reason generated from the rule.
  const citizen = await (await browser.newContext()).newPage();
  await signInAndWait(citizen, "citizen", DEMO_ID.wangJianguo, "/my");
  const card = citizen.getByRole("listitem").filter({ has: citizen.getByRole("heading", { name: NAME }) });
  await expect(card).toContainText("您的子女王小明符合条件");
  await expect(card).toContainText("您的户籍在南山区");
  await expect(card).toContainText("领证后可按规定享受独生子女父母奖励。");
  await card.getByRole("link", { name: `去办理：${NAME}` }).click();
  await expect(citizen).toHaveURL(new RegExp(`/my/apply/${code}`));

  const form = citizen.getByRole("form", { name: "办事申请表" });
  const needed = citizen.getByRole("list", { name: "所需材料" });
  await expect(needed.getByRole("listitem").filter({ hasText: "申请人居民身份证" })).toContainText("证照库已有");
  await expect(needed.getByRole("listitem").filter({ hasText: "申请人居民户口簿" })).toContainText("证照库已有");
  await form.getByLabel("独生子女证明照片").setInputFiles({ name: "独生子女证明.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(form.getByText("已上传：独生子女证明.pdf")).toBeVisible();
  await form.getByLabel("工作单位").fill("深圳市南山区某科技公司");
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByRole("button", { name: "下一步：核对信息" }).click();
  await form.getByRole("button", { name: "确认提交" }).click();
  await expect(citizen).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}\?submitted=1$/);
  const applicationId = /applications\/([0-9a-f-]{36})/.exec(citizen.url())?.[1];
  const url = `/counter/applications/${applicationId}`;

  // Version 2 shortens the promise; the application filed under version 1 keeps version 1's.
  await manager.reload();
  await manager.getByLabel("承诺办结时限（工作日）").fill("8");
  await expect(manager.getByText("检查通过，可以发布。")).toBeVisible();
  await manager.getByRole("button", { name: "发布" }).click();
  await expect(manager).toHaveURL(/\?published=2$/);
  await expect(manager.getByText("已发布第 2 版。")).toBeVisible();

  // The window accepts; the approver (a different person) approves and the licence is issued.
  const clerk = await staffPage(browser, "HEA001", "/counter");
  await clerk.goto(url);
  await expect(clerk.getByTestId("service-version")).toContainText("第 1 版");
  await expect(clerk.getByTestId("service-version")).toContainText("事项已更新至第 2 版");
  await expect(clerk.getByText("（10 个工作日）")).toBeVisible();
  // The rule the application was filed against, condition by condition, in words.
  const conditions = clerk.getByRole("list", { name: "申请条件核对" }).getByRole("listitem");
  await expect(conditions).toHaveCount(3);
  await expect(conditions.filter({ hasText: "王建国为男性" })).toContainText("符合");
  await expect(conditions.filter({ hasText: "王建国有符合条件的子女" })).toContainText("王建国的子女王小明符合条件");
  await expect(clerk.locator('[data-result="fail"], [data-result="unknown"]')).toHaveCount(0);
  await clerk.getByRole("form", { name: "受理", exact: true }).getByRole("button", { name: "受理", exact: true }).click();
  await expect(clerk.getByRole("list", { name: "办理过程" }).getByRole("listitem").filter({ hasText: "已提交 → 已受理" })).toHaveCount(1);

  const approver = await staffPage(browser, "HEA003", "/counter");
  await approver.goto(url);
  const approve = approver.getByRole("form", { name: "审批决定：准予许可" });
  await expect(approve).toContainText("独生子女父母光荣证");
  await approve.getByRole("button", { name: "准予许可" }).click();
  await expect(approver.getByRole("status").filter({ hasText: "已作出准予许可决定" })).toBeVisible();

  await citizen.goto("/my/licences");
  await expect(citizen.getByRole("region", { name: /我的电子证照/ }).getByRole("heading", { name: "独生子女父母光荣证", exact: true })).toBeVisible();

  // The guide shows version 2's promise to everyone else.
  await citizen.goto(`/services/${code}`);
  await expect(citizen.getByText("承诺 8 个工作日").first()).toBeVisible();
});

test("the catalogue goes out as JSON and CSV and comes back in unchanged; a broken file is refused whole with each problem's path", async ({ browser }) => {
  const manager = await staffPage(browser, "CIV004", "/admin/services");
  await manager.getByRole("link", { name: "导入与导出" }).click();
  const exported = await manager.request.get("/admin/services/export?format=json");
  expect(exported.status()).toBe(200);
  const file = (await exported.json()) as { format: string; services: { code: string; department: string; version: number }[] };
  expect(file.format).toBe("onewindow.catalogue");
  expect(file.services.length).toBeGreaterThan(0);
  expect(file.services.every((s) => s.department === "civil")).toBe(true);
  const csv = await manager.request.get("/admin/services/export?format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("code,nameZh,nameEn,department");

  const form = manager.getByRole("form", { name: "导入与导出" });
  await form.getByLabel("选择要导入的文件（.json 或 .csv）").setInputFiles({ name: "catalogue.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await form.getByRole("button", { name: "导入", exact: true }).click();
  await expect(manager.getByRole("status").filter({ hasText: "导入完成" })).toContainText(`未变化 ${file.services.length} 项`);

  const broken = { ...file, services: [{ ...file.services[0], version: undefined, promisedLimitDays: 999 }] };
  await form.getByLabel("选择要导入的文件（.json 或 .csv）").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await form.getByRole("button", { name: "导入", exact: true }).click();
  const refused = form.getByRole("alert");
  await expect(refused).toContainText("未导入任何事项");
  await expect(refused).toContainText("services[0].promisedLimitDays");
});
