import { expect, test } from "../fixtures";
import { createStaffViaAdmin } from "./staff-factory";
import { serverActions } from "./surface";

/**
 * Over HTTP, as an attacker would ask: the staff sign-in action, posted directly, answers a
 * known and an unknown staff number byte for byte the same over 10 failed attempts (wrong
 * password three times, then throttled; the lock, with its minutes, is proven with a fixed clock
 * in lib/auth/uniform-answers.test.ts). Each side has its own client address, so the address
 * counter treats both alike and the rest of the suite is not held up.
 */
test("known and unknown accounts get byte-identical answers over 10 failed attempts", async ({ browser, playwright, baseURL }) => {
  const known = await createStaffViaAdmin(browser, "UA");
  const action = serverActions().actions.find((a) => a.name === "staffSignInAction");
  if (!action) throw new Error("staffSignInAction is not in the build");
  const post = async (address: string, login: string) => {
    const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": address } });
    return {
      ctx,
      send: async () => {
        const r = await ctx.post("/sign-in", {
          headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseURL ?? "" },
          data: JSON.stringify([{ login, password: "Not the password 2026" }]),
        });
        return `${r.status()} ${await r.text()}`;
      },
    };
  };
  const a = await post("192.0.2.101", known.staffNo);
  const b = await post("192.0.2.102", "ZZ999999");
  const answersA: string[] = [];
  const answersB: string[] = [];
  for (let i = 0; i < 10; i++) {
    const [x, y] = await Promise.all([a.send(), b.send()]);
    answersA.push(x);
    answersB.push(y);
  }
  expect(answersA).toEqual(answersB);
  const all = answersA.join("\n");
  expect(all).toContain("账号或密码错误");
  expect(all).toContain("每次失败后须等待 30 秒");
  expect(all).not.toContain("NaN");
  await a.ctx.dispose();
  await b.ctx.dispose();
});
