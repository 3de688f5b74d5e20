import { expect, test } from "../fixtures";

const staffPages = ["/counter", "/supervisor", "/admin"];

test("a signed-out visitor is sent to sign in from every role's pages", async ({ page }) => {
  for (const path of ["/my", ...staffPages]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  }
});

test("a citizen cannot open any staff page", async ({ citizenPage: page }) => {
  for (const path of staffPages) {
    await page.goto(path);
    await expect(page).not.toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { name: /窗口受理|效能监督|系统管理/ })).toHaveCount(0);
  }
});

test("a clerk cannot open the citizen pages or the supervisor's", async ({ clerkPage: page }) => {
  for (const path of ["/my", "/supervisor", "/admin"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/counter$/);
  }
});

test("a supervisor cannot open the counter", async ({ supervisorPage: page }) => {
  await page.goto("/counter");
  await expect(page).toHaveURL(/\/supervisor$/);
});
