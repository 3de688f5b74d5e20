/**
 * Signs in the way a person does — through the sign-in page in a headless browser, password
 * then (for staff) the demo authenticator's code — and returns the Cookie header of the session
 * for the load tools. Sign-in is a server action that checks the password, the second factor
 * and the throttles before Auth.js mints the session, so there is no shorter honest path.
 */
import { chromium } from "@playwright/test";
import { existsSync } from "node:fs";
import { DEMO_TOTP_SECRET } from "@/db/seed/demo-second-factor";
import { TOTP_PERIOD_SECONDS, totpCodeAt } from "@/lib/auth/totp-code";

export type SignInKind = "citizen" | "staff";

const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export async function signInOverHttp(baseUrl: string, kind: SignInKind, login: string, password: string): Promise<string> {
  const browser = await chromium.launch({ ...(systemChromium ? { executablePath: systemChromium } : {}), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    if (kind === "staff") await page.getByRole("tab", { name: "工作人员登录" }).click();
    const form = page.getByRole("form", { name: kind === "staff" ? "工作人员登录" : "群众登录" });
    await form.getByLabel(kind === "staff" ? "工号" : "居民身份证号").fill(login);
    await form.getByLabel("密码").fill(password);
    await form.getByRole("button", { name: "登录" }).click();
    if (kind === "staff") {
      const field = form.getByLabel("动态验证码");
      await field.waitFor({ timeout: 30_000 });
      // Each 30-second step's code is accepted once: a second staff sign-in in the same step uses the next one.
      for (let offset = 0; offset < 3 && new URL(page.url()).pathname.startsWith("/sign-in"); offset++) {
        const at = new Date((Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS) + offset) * TOTP_PERIOD_SECONDS * 1000);
        await field.fill(totpCodeAt(DEMO_TOTP_SECRET, at));
        await form.getByRole("button", { name: "验证", exact: true }).click();
        await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 10_000 }).catch(() => undefined);
      }
    } else {
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 30_000 });
    }
    const session = (await context.cookies()).find((c) => /^(__Secure-)?authjs\.session-token$/.test(c.name));
    if (!session) throw new Error(`sign-in as ${login} refused (still at ${page.url()})`);
    return `${session.name}=${session.value}`;
  } finally {
    await browser.close();
  }
}
