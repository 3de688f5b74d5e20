import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { DEMO_ID } from "@/db/seed/demo";
import { expect, openApplyPage, signInAndWait, test } from "../fixtures";
import { serverActions } from "./surface";

/**
 * The cross-id matrix, without proxy.ts: each role asks for another person's application by id
 * — on pages inside its own area (where the proxy lets it through) and through the server
 * actions posted directly with the foreign id — and learns nothing: a 404 without the number,
 * or a refusal that says "not found", and the application is unchanged afterwards.
 * The application is filed by this spec, so nothing depends on the seeded history.
 */
async function fileApplication(page: Page): Promise<{ id: string; number: string }> {
  // 亲属关系证明: a service no other spec files for 周敏 (one per service and person in progress).
  await openApplyPage(page, "kinship_proof_claim");
  const form = page.getByRole("form", { name: "办事申请表" });
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "下一步：核对信息" }).click();
  await form.getByRole("button", { name: "确认提交" }).click();
  await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}\?submitted=1$/);
  const id = /applications\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
  const number = (await page.getByText(/办件编号 SZ\d{16}/).first().textContent())?.match(/SZ\d{16}/)?.[0] ?? "";
  return { id, number };
}

async function signedIn(browser: Browser, kind: "citizen" | "staff", login: string, home: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, kind, login, home);
  return { context, page, request: page.request };
}

function actionPoster(baseURL: string) {
  const { actions } = serverActions();
  return async (ctx: APIRequestContext, name: string, args: unknown): Promise<string> => {
    const action = actions.find((a) => a.name === name);
    if (!action) throw new Error(`${name} is not in the build`);
    const page = (action.pages[0] ?? "/").replace(/\[[^\]]+\]/g, "x");
    const r = await ctx.post(page, {
      headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseURL },
      data: JSON.stringify([args]),
      maxRedirects: 0,
    });
    expect(r.status(), `${name}`).toBeLessThan(500);
    return r.text();
  };
}

test("no role reaches another person's application by id, on its own pages or through actions posted directly", async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const post = actionPoster(baseURL ?? "");
  const owner = await signedIn(browser, "citizen", DEMO_ID.zhouMin, "/my");
  const app = await fileApplication(owner.page);
  expect(app.number).toMatch(/^SZ\d{16}$/);

  const other = await signedIn(browser, "citizen", DEMO_ID.huangWei, "/my");
  const outOfScopeClerk = await signedIn(browser, "staff", "EDU001", "/counter");
  const supervisor = await signedIn(browser, "staff", "SUP002", "/supervisor");

  // Pages in each role's own area, with the foreign id.
  for (const [who, ctx, path] of [
    ["another resident", other.request, `/my/applications/${app.id}`],
    ["a clerk of another department", outOfScopeClerk.request, `/counter/applications/${app.id}`],
  ] as const) {
    const r = await ctx.get(path, { maxRedirects: 0 });
    expect(r.status(), `${who} ${path}`).toBe(404);
    expect(await r.text(), who).not.toContain(app.number);
  }

  // Actions posted directly with the foreign id: refused as not found; anonymous as signed out.
  const withdraw = { applicationId: app.id, reason: "not mine" };
  expect(await post(other.request, "withdrawApplicationAction", withdraw)).toContain('"code":"NOT_FOUND"');
  expect(await post(other.request, "rateApplicationAction", { applicationId: app.id, score: 1, comment: "x" })).toMatch(/"code":"(NOT_FOUND|CONFLICT)"/);
  expect(await post(outOfScopeClerk.request, "processApplicationAction", { action: "reject", applicationId: app.id, version: 1, reason: "越权测试" })).toContain(
    '"code":"NOT_FOUND"',
  );
  // Another role's actions live on pages of another area: the proxy turns the request away first,
  // and what matters is that nothing ran (the action itself would refuse the role too).
  expect(await post(supervisor.request, "processApplicationAction", { action: "accept", applicationId: app.id, version: 1 })).not.toContain('"ok":true');
  // Signed out: the proxy sends the request to sign-in, or the action answers UNAUTHENTICATED.
  expect(await post(request, "withdrawApplicationAction", withdraw)).toMatch(/"code":"UNAUTHENTICATED"|^\/sign-in\?next=/);
  // A role's action with another role's session: a clerk cannot act as a resident.
  expect(await post(outOfScopeClerk.request, "withdrawApplicationAction", withdraw)).not.toContain('"ok":true');
  // Files: another resident's or anyone's upload id answers 404.
  expect((await other.request.get("/api/uploads/00000000-0000-4000-8000-000000000000")).status()).toBe(404);

  // And nothing changed: the owner still sees it submitted, not withdrawn or rejected.
  await owner.page.goto(`/my/applications/${app.id}`);
  const timeline = owner.page.getByRole("list", { name: "办理进度" });
  await expect(timeline).toBeVisible();
  await expect(timeline.getByText(/已撤回|不予受理|已受理/)).toHaveCount(0);
  await expect(owner.page.getByRole("button", { name: "撤回申请" })).toBeVisible();

  for (const c of [owner, other, outOfScopeClerk, supervisor]) await c.context.close();
});
