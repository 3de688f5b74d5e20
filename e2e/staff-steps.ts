import type { Browser, Page } from "@playwright/test";
import { expect, signInAndWait } from "./fixtures";

/** A staff page signed in as `staffNo` (its own context), on the application. */
export async function staffOn(browser: Browser, staffNo: string, applicationId: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, "staff", staffNo, "/counter");
  await page.goto(`/counter/applications/${applicationId}`);
  return page;
}

/** The department's window accepts, its approver grants: the certificate enters the library. */
export async function acceptAndApprove(browser: Browser, window: string, approver: string, applicationId: string) {
  const clerk = await staffOn(browser, window, applicationId);
  await clerk.getByRole("form", { name: "受理", exact: true }).getByRole("button", { name: "受理", exact: true }).click();
  await expect(clerk.getByRole("status").filter({ hasText: "已受理。" })).toBeVisible();
  await clerk.context().close();
  const decider = await staffOn(browser, approver, applicationId);
  const approve = decider.getByRole("form", { name: "审批决定：准予许可" });
  await approve.getByLabel("审批意见（选填）").fill("经核验，同意办理");
  await approve.getByRole("button", { name: "准予许可" }).click();
  await expect(decider.getByRole("status").filter({ hasText: "已作出准予许可决定" })).toBeVisible();
  await decider.context().close();
}
