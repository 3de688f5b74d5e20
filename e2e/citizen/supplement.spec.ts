import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

// 周敏 moves her hukou (户口迁入, public security): no other spec files this service. The clerk
// asks for a supplement before acceptance; she answers with a file instead of the library copy.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test("a supplement request names the material and the reason; the resident answers it once, and it is received again", async ({ browser }) => {
  test.setTimeout(120_000);
  const citizenContext = await browser.newContext();
  const citizen = await citizenContext.newPage();
  await signInAndWait(citizen, "citizen", DEMO_ID.zhouMin, "/my");
  await citizen.goto("/my/apply/hukou_transfer_in");
  const form = citizen.getByRole("form", { name: "办事申请表" });
  await form.getByLabel("拟迁入地址").fill("深圳市龙岗区龙城街道中心城 8 号");
  await form.getByLabel("迁入类别").selectOption("talent");
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByRole("button", { name: "下一步：核对信息" }).click();
  await form.getByRole("button", { name: "确认提交" }).click();
  await expect(citizen).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}\?submitted=1$/);
  const applicationId = /applications\/([0-9a-f-]{36})/.exec(citizen.url())?.[1];
  expect(applicationId).toBeTruthy();

  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await signInAndWait(clerk, "staff", "PSB001", "/counter");
  await clerk.goto(`/counter/applications/${applicationId}`);
  const request = clerk.getByRole("form", { name: "一次性告知补正" });
  await request.getByRole("checkbox", { name: "居民身份证" }).first().check();
  await request.getByLabel("补正原因").fill("身份证照片页不清晰，请上传清晰的扫描件");
  await request.getByRole("button", { name: "发出补正通知" }).click();
  await expect(clerk.getByRole("status").filter({ hasText: "已发出补正通知" })).toBeVisible();
  await clerkContext.close();

  await citizen.goto(`/my/applications/${applicationId}`);
  const answer = citizen.getByRole("form", { name: "补正材料" });
  await expect(answer).toContainText("身份证照片页不清晰");
  const items = answer.getByRole("list", { name: "需要补正的材料" }).getByRole("listitem");
  await expect(items).toHaveCount(1);
  await answer.getByLabel(/^上传新文件 .*居民身份证/).setInputFiles({ name: "身份证扫描件.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(answer.getByText("已上传：身份证扫描件.pdf")).toBeVisible();
  await answer.screenshot({ path: test.info().outputPath("supplement-form.png") });
  const submit = answer.getByRole("button", { name: "提交补正材料" });
  // A real double click: the second click must not file a second answer.
  await submit.dblclick();
  await expect(answer).toBeHidden();
  // Received again: back to 已提交, the file listed among the materials, one resubmission on the timeline.
  await expect(citizen.getByRole("link", { name: /身份证扫描件\.pdf/ })).toBeVisible();
  const timeline = citizen.getByRole("list", { name: "办理进度" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "已按要求补正材料" })).toHaveCount(1);

  await citizen.goto("/my");
  await expect(citizen.getByText(/“户口迁入”申请（SZ\d{16}）已补正提交/).first()).toBeVisible();
  await citizenContext.close();
});
