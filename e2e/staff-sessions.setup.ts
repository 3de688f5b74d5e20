import { test as setup } from "@playwright/test";
import { STAFF } from "@/db/seed/demo";
import { STAFF_HOMES, savedStaffSessionPath, signInThroughForm } from "./fixtures";

// Each demo staff account signs in once, through the real form with its authenticator code, and
// the specs reuse that session. The server takes each 30-second code once per account (replay
// protection), and a replayed code counts as a failed sign-in: a dozen specs signing PSB001 in at
// once would throttle the account against each other. Sign-in itself is tested by
// e2e/auth/sign-in.spec.ts and e2e/auth/two-factor.spec.ts, which go through the form.
setup("every demo staff account signs in once", async ({ browser }) => {
  setup.setTimeout(STAFF.length * 60_000);
  for (const staff of STAFF) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughForm(page, "staff", staff.staffNo, STAFF_HOMES[staff.role]);
    await context.storageState({ path: savedStaffSessionPath(staff.staffNo) });
    await context.close();
  }
});
