import { DEMO_HOUSEHOLDS, DEMO_ID, DEMO_PASSWORD } from "@/db/seed/demo";
import { expect, signInAndWait, test } from "../fixtures";

// 陈志强, the newborn's father, is in the register but has no account yet.
const father = DEMO_HOUSEHOLDS.flatMap((h) => h.members).find((m) => m.key === "chenZhiqiang");

test("a resident without an account activates one by real-name check, then signs in", async ({ page }) => {
  if (!father?.phone) throw new Error("demo data lacks 陈志强's phone");
  await page.goto("/activate");
  const form = page.getByRole("form", { name: "实名激活账号" });
  await form.getByLabel("居民身份证号").fill(DEMO_ID.chenZhiqiang);
  await form.getByLabel("姓名").fill(father.name);

  // A phone that does not match the register is refused without saying which field was wrong.
  await form.getByLabel("手机号").fill("13800000000");
  await form.getByLabel("设置密码").fill(DEMO_PASSWORD);
  await form.getByLabel("再次输入密码").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "核验并激活" }).click();
  await expect(page.getByText("身份证号、姓名和手机号与登记信息不一致，无法激活。")).toBeVisible();
  await expect(form.getByLabel("姓名")).toHaveValue(father.name);

  await form.getByLabel("手机号").fill(father.phone);
  await form.getByRole("button", { name: "核验并激活" }).click();
  await expect(page).toHaveURL(/\/sign-in\?activated=1$/);
  await expect(page.getByText("账号已激活，请用新密码登录。")).toBeVisible();

  await signInAndWait(page, "citizen", DEMO_ID.chenZhiqiang, "/my");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("陈志强");
});

test("a weak password is refused in the form with the rule it breaks", async ({ page }) => {
  await page.goto("/activate");
  const form = page.getByRole("form", { name: "实名激活账号" });
  await form.getByLabel("设置密码").fill("abcdefgh");
  await form.getByRole("button", { name: "核验并激活" }).click();
  await expect(form.getByText("密码至少 12 个字符")).toBeVisible();
});

test("a common password is refused by the server on the password field, keeping what was typed", async ({ page }) => {
  await page.goto("/activate");
  const form = page.getByRole("form", { name: "实名激活账号" });
  await form.getByLabel("居民身份证号").fill(DEMO_ID.chenZhiqiang);
  await form.getByLabel("姓名").fill("陈志强");
  await form.getByLabel("手机号").fill("13800000000");
  await form.getByLabel("设置密码").fill("Password2026!");
  await form.getByLabel("再次输入密码").fill("Password2026!");
  await form.getByRole("button", { name: "核验并激活" }).click();
  await expect(form.getByText("这个密码太常见，或已出现在泄露的密码库中，请换一个")).toBeVisible();
  await expect(form.getByLabel("姓名")).toHaveValue("陈志强");
});
