import type { Browser, Page } from "@playwright/test";
import { DEMO_ID } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

// 张秀英 renews her ID card: no other spec files this service. She has no children, so the
// application is about her (an applicant with one child gets the child as subject). 居民身份证换领
// follows 受理 (window PSB001) → 初审 (reviewer PSB002) → 决定 (approver PSB003) → 送达 (window).
const RESIDENT = DEMO_ID.zhangXiuying;

async function staffPage(browser: Browser, staffNo: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "staff", staffNo, "/counter");
  return page;
}

/** The ID-card material's line on the apply page of a service that needs the ID card. */
async function idCardLine(page: Page): Promise<string> {
  await page.goto("/my/apply/rental_registration");
  const item = page.getByRole("list", { name: "所需材料" }).getByRole("listitem").filter({ hasText: "居民身份证" }).first();
  await expect(item).toContainText("证照库已有");
  return item.innerText();
}

test("file → accept (one of two clerks wins) → review with a supplement → decide by a third person → deliver → licence in the wallet and reused", async ({ browser }) => {
  test.setTimeout(240_000);
  const citizenContext = await browser.newContext();
  const citizen = await citizenContext.newPage();
  await signInAndWait(citizen, "citizen", RESIDENT, "/my");
  await idCardLine(citizen);

  // The resident files online.
  await citizen.goto("/my/apply/id_card_renewal");
  const form = citizen.getByRole("form", { name: "办事申请表" });
  await form.getByLabel("换领原因").selectOption("expired");
  await form.getByLabel("领证方式").selectOption("counter");
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByRole("button", { name: "下一步：核对信息" }).click();
  await form.getByRole("button", { name: "确认提交" }).click();
  await expect(citizen).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}\?submitted=1$/);
  const applicationId = /applications\/([0-9a-f-]{36})/.exec(citizen.url())?.[1];
  expect(applicationId).toBeTruthy();
  const url = `/counter/applications/${applicationId}`;

  // Two clerks open it and accept at the same moment: exactly one wins.
  const [clerkA, clerkB] = await Promise.all([staffPage(browser, "PSB001"), staffPage(browser, "PSB001")]);
  await Promise.all([clerkA.goto(url), clerkB.goto(url)]);
  const acceptA = clerkA.getByRole("form", { name: "受理", exact: true }).getByRole("button", { name: "受理", exact: true });
  const acceptB = clerkB.getByRole("form", { name: "受理", exact: true }).getByRole("button", { name: "受理", exact: true });
  await Promise.all([expect(acceptA).toBeEnabled(), expect(acceptB).toBeEnabled()]);
  await Promise.all([acceptA.click(), acceptB.click()]);
  const changed = /该办件已被 .+ 于 .+ 处理（现为已受理）/;
  await expect
    .poll(async () => (await clerkA.getByText(changed).count()) + (await clerkB.getByText(changed).count()))
    .toBe(1);
  const loser = (await clerkA.getByText(changed).count()) > 0 ? clerkA : clerkB;
  const clerk = loser === clerkA ? clerkB : clerkA;
  await expect(loser.getByRole("link", { name: "刷新查看最新情况" })).toBeVisible();
  await clerk.reload();
  const timeline = clerk.getByRole("list", { name: "办理过程" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "已提交 → 已受理" })).toHaveCount(1);
  await loser.context().close();

  // Accepted, it goes to the department's back office: the window has nothing more to do now.
  await expect(clerk.getByText("该办件当前不在您的办理环节")).toBeVisible();
  await expect(clerk.getByRole("form", { name: /审批决定/ })).toHaveCount(0);
  await expect(clerk.getByRole("list", { name: "办理流程" }).getByRole("listitem").filter({ hasText: "当前环节" })).toContainText("初审");

  // The reviewer (初审) asks once for everything missing (一次性告知补正).
  const reviewer = await staffPage(browser, "PSB002");
  await reviewer.goto(url);
  const supplement = reviewer.getByRole("form", { name: "一次性告知补正" });
  await supplement.getByRole("checkbox", { name: "原居民身份证" }).check();
  await supplement.getByLabel("补正原因").fill("身份证影像不清晰，请重新提交");
  await supplement.getByRole("button", { name: "发出补正通知" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "已发出补正通知" })).toBeVisible();
  const reviewTimeline = reviewer.getByRole("list", { name: "办理过程" });
  await expect(reviewTimeline.getByRole("listitem").filter({ hasText: "已受理 → 待补正" })).toHaveCount(1);

  // The resident answers on their application page.
  await citizen.goto(`/my/applications/${applicationId}`);
  const answer = citizen.getByRole("form", { name: "补正材料" });
  await expect(answer).toContainText("身份证影像不清晰");
  await answer.getByRole("button", { name: "提交补正材料" }).click();
  await expect(answer).toBeHidden();

  // The reviewer checks the library licence and records the first-review opinion.
  await reviewer.reload();
  await expect(reviewTimeline.getByRole("listitem").filter({ hasText: "待补正 →" })).toHaveCount(1);
  const idCard = reviewer.getByRole("listitem", { name: "原居民身份证" });
  await idCard.getByRole("button", { name: "核验证照" }).click();
  await expect(idCard.getByRole("status")).toHaveText("核验结果：有效");
  await expect(idCard.getByRole("list", { name: "核验记录" })).toContainText("电子签名核验");
  const review = reviewer.getByRole("form", { name: "初审" });
  await review.getByRole("button", { name: "提交初审意见" }).click();
  await expect(review.getByText("请填写原因（至少 2 个字）。")).toBeVisible();
  await review.getByLabel("审查说明").fill("原证已到期，证照库核验有效，同意换领");
  await review.getByRole("button", { name: "提交初审意见" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "已提交审查意见" })).toBeVisible();
  await expect(reviewTimeline).toContainText("初审意见：同意");
  await reviewer.context().close();

  // A third person decides (准予许可): the new card enters the library now.
  const approver = await staffPage(browser, "PSB003");
  await approver.goto(url);
  const approve = approver.getByRole("form", { name: "审批决定：准予许可" });
  await expect(approve).toContainText("决定后将签发电子证照“居民身份证”");
  await expect(approve).toContainText("法律依据：《中华人民共和国居民身份证法》第十一条");
  await approve.getByRole("button", { name: "准予许可" }).click();
  await expect(approver.getByRole("status").filter({ hasText: "已作出准予许可决定" })).toBeVisible();
  await expect(approver.getByRole("list", { name: "办理过程" })).toContainText("已受理 → 已审批");
  await approver.context().close();

  // Back at the window: delivery (送达) at the counter, the collector's ID card checked, closes the case.
  await clerk.reload();
  const deliver = clerk.getByRole("form", { name: "送达办结" });
  await deliver.getByLabel("窗口领取（核验领取人身份证）").check();
  await deliver.getByRole("button", { name: "确认送达并办结" }).click();
  await expect(deliver.getByText("窗口领取须先核验领取人身份证。")).toBeVisible();
  await deliver.getByLabel("已核验领取人居民身份证").check();
  await deliver.getByRole("button", { name: "确认送达并办结" }).click();
  await expect(clerk.getByRole("status").filter({ hasText: "已送达，本件办结。" })).toBeVisible();
  await expect(clerk.getByRole("list", { name: "办理过程" })).toContainText("送达方式：窗口领取");
  await clerk.context().close();

  // The resident's timeline shows each step.
  await citizen.goto(`/my/applications/${applicationId}`);
  const steps = citizen.getByRole("list", { name: "办理进度" });
  for (const text of ["已提交", "已受理", "部门初审完成", "已审批", "已办结", "已在窗口领取"]) await expect(steps).toContainText(text);

  // The new card is in the wallet (issued today, in force), the old one superseded…
  const today = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" }).format(new Date());
  await citizen.goto("/my/licences");
  const cards = citizen.getByRole("region", { name: /我的电子证照/ }).getByRole("listitem");
  const idCards = cards.filter({ has: citizen.getByRole("heading", { name: "居民身份证", exact: true }) });
  await expect(idCards.filter({ hasText: "已换发" })).toHaveCount(1);
  await expect(idCards.filter({ hasText: `发证日期${today}` }).filter({ hasNotText: "已换发" })).toHaveCount(1);
  await expect(citizen.getByRole("table").getByRole("row").filter({ hasText: "办件材料核验" }).first()).toBeVisible();
  // …and the next service that needs an ID card takes the one in force — the new one — from the library.
  expect(await idCardLine(citizen)).toContain("证照库已有");
  await citizenContext.close();
});
