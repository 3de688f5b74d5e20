import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3140";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
async function ctx(locale, mode) {
  const c = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const cookies = [];
  if (locale === "en") cookies.push({ name: "NEXT_LOCALE", value: "en", url: base });
  if (mode === "elderly") cookies.push({ name: "ow_mode", value: "elderly", url: base });
  if (cookies.length) await c.addCookies(cookies);
  return c;
}
async function signIn(page, id) {
  await page.goto(base + "/sign-in");
  const form = page.locator("form").filter({ has: page.locator("input[type=password]") }).first();
  await form.locator("input").first().fill(id);
  await form.locator("input[type=password]").fill("OneWindow#2026");
  await form.locator("button[type=submit]").click();
  await page.waitForURL(/\/my$/, { timeout: 60000 });
}
for (const locale of ["zh-CN", "en"]) {
  const c = await ctx(locale, "normal");
  const p = await c.newPage();
  await p.goto(base + "/sign-in"); await p.screenshot({ path: `/tmp/shots/sign-in-${locale}.png`, fullPage: true });
  await p.goto(base + "/verify"); await p.screenshot({ path: `/tmp/shots/verify-${locale}.png`, fullPage: true });
  await signIn(p, "440307198510210622");
  await p.goto(base + "/my"); await p.screenshot({ path: `/tmp/shots/home-${locale}.png` });
  await p.goto(base + "/my/licences"); await p.screenshot({ path: `/tmp/shots/wallet-${locale}.png` });
  await c.close();
  const e = await ctx(locale, "elderly");
  const q = await e.newPage();
  await signIn(q, "440307198510210622");
  await q.goto(base + "/my"); await q.screenshot({ path: `/tmp/shots/elderly-home-${locale}.png`, fullPage: true });
  await q.goto(base + "/services"); await q.screenshot({ path: `/tmp/shots/elderly-services-${locale}.png` });
  await e.close();
}
await browser.close();
