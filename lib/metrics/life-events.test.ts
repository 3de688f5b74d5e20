import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { applications, services } from "@/db/schema";
import { seedCatalogue } from "@/db/seed/catalogue";
import { createTestDatabase } from "@/db/testing";
import { prepareBundle } from "@/lib/applications/prepare-bundle";
import { processApplication } from "@/lib/applications/process-application";
import { submitBundle } from "@/lib/applications/submit-bundle";
import type { Actor } from "@/lib/auth/actor";
import { createBackOfficeActor, createClerkActor, createJobseeker, JOB_LOSS_ANSWERS, JOB_LOSS_SERVICES } from "@/lib/testing/processing-factories";
import { getDashboard, parseDashboardFilter } from "./get-dashboard";
import { listLifeEventFigures } from "./list-life-events";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedCatalogue(h.db);
});
afterAll(async () => h.close());

const FILED = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in China
const DECIDED = new Date("2026-11-24T02:00:00Z");
const PERIOD = { from: "2026-11-01", to: "2026-11-30" };
const supervisor: Actor = { id: "00000000-0000-4000-8000-000000000009", role: "supervisor", displayName: "SUP", personId: null, departmentId: null, centreId: null };

const FILTER = parseDashboardFilter({});

/** Files 就业一件事 for a new jobseeker, with or without the employer's filing in the library. */
async function fileJobLoss(terminationFiled: boolean) {
  const { actor } = await createJobseeker(h.db, { terminationFiled });
  const page = await prepareBundle(h.db, actor, { bundleCode: "job_loss", now: FILED });
  const locked = new Set(page.prefilled.filter((p) => p.locked).map((p) => p.name));
  const answers = Object.fromEntries(Object.entries(JOB_LOSS_ANSWERS).filter(([k]) => !locked.has(k)));
  const { groupId } = await submitBundle(h.db, actor, { bundleCode: "job_loss", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true, services: JOB_LOSS_SERVICES }, FILED);
  return groupId;
}

describe("一件事 once-only figures on the dashboard", () => {
  it("counts each life event's materials by where they came from, per month, and follows a prerequisite's certificate", async () => {
    const fromRegister = await fileJobLoss(true);
    // Without the employer's filing the proof is missing: nothing uploaded, so it is brought to a counter.
    await fileJobLoss(false);

    const before = await listLifeEventFigures(h.db, supervisor, FILTER, PERIOD);
    expect(before).toEqual([
      expect.objectContaining({
        bundleCode: "job_loss",
        nameZh: "就业一件事",
        month: "2026-11",
        filings: 2,
        applications: 6,
        uploaded: 0,
        atCounter: 2,
        counterVisits: 1,
        // The benefit and the training of each filing await the registration's certificate.
        fromPrerequisites: 4,
      }),
    ]);
    const row = before[0]!;
    // Every required material is counted once, in exactly one column (the optional residence permit in none).
    expect(row.fromRegisters + row.fromPrerequisites + row.uploaded + row.atCounter).toBe(row.materialsRequired);

    // Human resources registers the first jobseeker: the certificate is attached, still counted as a prerequisite's.
    const all = await h.db.select({ id: applications.id, version: applications.version, code: services.code }).from(applications).innerJoin(services, eq(services.id, applications.serviceId)).where(eq(applications.bundleGroupId, fromRegister));
    const reg = all.find((a) => a.code === "unemployment_registration");
    if (!reg) throw new Error("no registration filed");
    const window = await createClerkActor(h.db, { department: "hrss" });
    const approver = await createBackOfficeActor(h.db, "approver", "hrss");
    const accepted = await processApplication(h.db, window, { action: "accept", applicationId: reg.id, version: reg.version }, DECIDED);
    await processApplication(h.db, approver, { action: "approve", applicationId: reg.id, version: accepted.version }, DECIDED);
    const after = await listLifeEventFigures(h.db, supervisor, FILTER, PERIOD);
    expect(after[0]).toMatchObject({ fromPrerequisites: 4, fromRegisters: row.fromRegisters, materialsRequired: row.materialsRequired });

    // The dashboard carries the same rows; another month has none.
    const d = await getDashboard(h.db, supervisor, { from: PERIOD.from, to: PERIOD.to }, DECIDED);
    expect(d.lifeEvents).toEqual(after);
    expect(await listLifeEventFigures(h.db, supervisor, FILTER, { from: "2026-10-01", to: "2026-10-31" })).toEqual([]);
  });
});
