import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { applicationEvents, applicationMaterials, applications, licences, notifications, services } from "@/db/schema";
import { seedCatalogue } from "@/db/seed/catalogue";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { createBackOfficeActor, createClerkActor, createNewbornFamily, NEWBORN_BUNDLE_ANSWERS } from "@/lib/testing/processing-factories";
import { storeUpload } from "@/lib/uploads/store-upload";
import { answerSupplement } from "./answer-supplement";
import { prepareApplication } from "./prepare-application";
import { prepareBundle } from "./prepare-bundle";
import { processApplication } from "./process-application";
import { submitApplication } from "./submit-application";
import { submitBundle } from "./submit-bundle";
import { withdrawApplication } from "./withdraw-application";

let h: DbHandle;
let psbWindow: Actor;
let psbApprover: Actor;
let psbApprover2: Actor;
let medWindow: Actor;
let medApprover: Actor;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedCatalogue(h.db);
  psbWindow = await createClerkActor(h.db, { department: "psb" }, "公安窗口");
  psbApprover = await createBackOfficeActor(h.db, "approver", "psb", "公安审批甲");
  psbApprover2 = await createBackOfficeActor(h.db, "approver", "psb", "公安审批乙");
  medWindow = await createClerkActor(h.db, { department: "medins" }, "医保窗口");
  medApprover = await createBackOfficeActor(h.db, "approver", "medins", "医保审批");
});
afterAll(async () => {
  await h.close();
});

const FILED = new Date("2026-11-23T02:00:00Z"); // Monday 10:00 in Shenzhen
const DECIDED = new Date("2026-11-25T03:00:00Z"); // Wednesday 11:00

const answers = NEWBORN_BUNDLE_ANSWERS;

const codeOf = async (id: string) =>
  (await h.db.select({ code: services.code }).from(services).innerJoin(applications, eq(applications.serviceId, services.id)).where(eq(applications.id, id)))[0]!.code;

/** Files the newborn bundle with every upload it still asks for; the rows by service code. */
async function fileBundle() {
  const family = await createNewbornFamily(h.db);
  const page = await prepareBundle(h.db, family.actor, { bundleCode: "newborn", now: FILED });
  const uploads: Record<string, string> = {};
  for (const m of page.materials.filter((x) => x.required && ["missing", "upload", "unusable", "expiring"].includes(x.outcome))) {
    uploads[m.key] = (await storeUpload(h.db, family.actor, { fileName: "scan.pdf", bytes: Buffer.from(`%PDF-1.4 ${m.key}`) })).id;
  }
  await submitBundle(h.db, family.actor, { bundleCode: "newborn", subjectPersonId: null, idempotencyKey: crypto.randomUUID(), answers, consent: true, uploads }, FILED);
  const rows = await h.db.select().from(applications).where(eq(applications.applicantPersonId, family.mother.id));
  const byCode = new Map<string, (typeof rows)[number]>();
  for (const r of rows) byCode.set(await codeOf(r.id), r);
  return { ...family, page, byCode };
}

const rowOf = async (id: string) => (await h.db.select().from(applications).where(eq(applications.id, id)))[0]!;
const materialsOf = (id: string) => h.db.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, id)).orderBy(asc(applicationMaterials.createdAt));
const eventsOf = (id: string) => h.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id)).orderBy(asc(applicationEvents.id));

/** The window accepts, then the department's approver decides (approve or refuse). */
async function decide(id: string, window: Actor, approver: Actor, decision: "approve" | "refuse") {
  const filed = await rowOf(id);
  const accepted = await processApplication(h.db, window, { action: "accept", applicationId: id, version: filed.version }, DECIDED);
  if (decision === "approve") return processApplication(h.db, approver, { action: "approve", applicationId: id, version: accepted.version }, DECIDED);
  return processApplication(h.db, approver, { action: "refuse", applicationId: id, version: accepted.version, reason: "出生医学证明信息与户籍登记不符" }, DECIDED);
}

describe("prerequisite chains in the newborn bundle", () => {
  it("files what needs the bundle's own certificates as awaiting: no clock, no step, the material pointing at its issuer", async () => {
    const { byCode, page } = await fileBundle();
    const hukou = byCode.get("newborn_hukou")!;
    const med = byCode.get("newborn_medical_insurance")!;
    const ssc = byCode.get("newborn_social_security_card")!;
    expect(page.counts.fromBundle).toBe(2);
    expect(hukou.status).toBe("submitted");
    for (const waiting of [med, ssc]) {
      expect(waiting).toMatchObject({ status: "awaiting", receivedAt: null, acceptDueOn: null, dueOn: null, stepKind: null, stepDueOn: null });
      const [first] = await eventsOf(waiting.id);
      expect(first).toMatchObject({ fromStatus: null, toStatus: "awaiting" });
    }
    const medAwaited = (await materialsOf(med.id)).filter((m) => m.source === "awaiting");
    expect(medAwaited.map((m) => m.awaitingApplicationId)).toEqual([hukou.id]);
    const sscAwaited = (await materialsOf(ssc.id)).filter((m) => m.source === "awaiting");
    expect(sscAwaited.length).toBeGreaterThanOrEqual(1);
    // Nothing counts as filed on the dashboard until the clock starts.
    const [stats] = rowsOf<{ n: number }>(await h.db.execute(sql`SELECT coalesce(sum(submitted), 0)::int AS n FROM application_daily_stats WHERE service_id = ${med.serviceId}`));
    expect(stats?.n).toBe(0);
  });

  it("on approval attaches the new licence to every waiting material in the same transaction, starts the clock and tells the resident", async () => {
    const { byCode, mother } = await fileBundle();
    const hukou = byCode.get("newborn_hukou")!;
    const med = byCode.get("newborn_medical_insurance")!;
    const ssc = byCode.get("newborn_social_security_card")!;
    const decided = await decide(hukou.id, psbWindow, psbApprover, "approve");
    expect(decided.issuedLicence).not.toBeNull();
    const issued = decided.issuedLicence!.id;

    const medNow = await rowOf(med.id);
    expect(medNow).toMatchObject({ status: "submitted", stepKind: "accept" });
    expect(medNow.receivedAt?.getTime()).toBe(DECIDED.getTime());
    expect(medNow.acceptDueOn).toBe("2026-12-02"); // five working days from Wednesday
    const medMaterials = await materialsOf(med.id);
    expect(medMaterials.filter((m) => m.source === "awaiting")).toEqual([]);
    expect(medMaterials.filter((m) => m.licenceId === issued).map((m) => m.source)).toEqual(["library"]);
    const released = (await eventsOf(med.id)).at(-1)!;
    expect(released).toMatchObject({ fromStatus: "awaiting", toStatus: "submitted", actorUserId: null });
    const notices = await h.db.select().from(notifications).where(and(eq(notifications.personId, mother.id), eq(notifications.applicationId, med.id)));
    expect(notices.map((n) => n.messageKey)).toContain("applicationPrerequisiteMet");

    // The social security card still waits for the medical insurance certificate, with the hukou one attached.
    const sscNow = await rowOf(ssc.id);
    const sscMaterials = await materialsOf(ssc.id);
    expect(sscMaterials.some((m) => m.licenceId === issued && m.source === "library")).toBe(true);
    if (sscMaterials.some((m) => m.source === "awaiting")) {
      expect(sscNow.status).toBe("awaiting");
      const medDecided = await decide(med.id, medWindow, medApprover, "approve");
      expect(medDecided.issuedLicence).not.toBeNull();
      expect((await rowOf(ssc.id)).status).toBe("submitted");
    } else {
      expect(sscNow.status).toBe("submitted");
    }
    // Counted as filed once, on the day its clock started.
    const rows = rowsOf(await h.db.execute(sql`SELECT day::text AS day, submitted FROM application_daily_stats WHERE service_id = ${med.serviceId} AND submitted > 0`));
    expect(rows).toEqual([{ day: "2026-11-25", submitted: 1 }]);
  });

  it("on refusal releases the waiting applications to the resident as a supplement, which an upload answers", async () => {
    const { byCode, actor, mother } = await fileBundle();
    const hukou = byCode.get("newborn_hukou")!;
    const med = byCode.get("newborn_medical_insurance")!;
    await decide(hukou.id, psbWindow, psbApprover, "refuse");
    const medNow = await rowOf(med.id);
    expect(medNow.status).toBe("supplement_requested");
    const named = (await materialsOf(med.id)).filter((m) => m.supplementRequested);
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({ source: "counter", awaitingApplicationId: null });
    const notices = await h.db.select().from(notifications).where(and(eq(notifications.personId, mother.id), eq(notifications.applicationId, med.id)));
    expect(notices.map((n) => n.messageKey)).toContain("applicationPrerequisiteFailed");

    const file = await storeUpload(h.db, actor, { fileName: "hukou.pdf", bytes: Buffer.from("%PDF-1.4 hukou page") });
    const answered = await answerSupplement(h.db, actor, { applicationId: med.id, version: medNow.version, uploads: { [named[0]!.id]: file.id } }, DECIDED);
    expect(answered.status).toBe("submitted");
    expect((await rowOf(med.id)).acceptDueOn).toBe("2026-12-02");
  });

  it("on the prerequisite's withdrawal releases the waiting ones too", async () => {
    const { byCode, actor } = await fileBundle();
    await withdrawApplication(h.db, actor, { applicationId: byCode.get("newborn_hukou")!.id, reason: null }, DECIDED);
    expect((await rowOf(byCode.get("newborn_medical_insurance")!.id)).status).toBe("supplement_requested");
  });

  it("two approvers deciding the prerequisite at once: one wins, the licence is attached and the dependent released exactly once", async () => {
    const { byCode } = await fileBundle();
    const hukou = byCode.get("newborn_hukou")!;
    const med = byCode.get("newborn_medical_insurance")!;
    const accepted = await processApplication(h.db, psbWindow, { action: "accept", applicationId: hukou.id, version: hukou.version }, DECIDED);
    const results = await Promise.allSettled(
      [psbApprover, psbApprover2].map((a) => processApplication(h.db, a, { action: "approve", applicationId: hukou.id, version: accepted.version }, DECIDED)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(lost).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    expect(await h.db.select().from(licences).where(eq(licences.sourceApplicationId, hukou.id))).toHaveLength(1);
    const releases = (await eventsOf(med.id)).filter((e) => e.fromStatus === "awaiting");
    expect(releases).toHaveLength(1);
    expect((await rowOf(med.id)).status).toBe("submitted");
  });
});

describe("waiting for another open application of the family", () => {
  it("a single filing names the open application that will issue the certificate, waits for it, and is released by its approval", async () => {
    const family = await createNewbornFamily(h.db);
    const hukou = await submitApplication(
      h.db,
      family.actor,
      { serviceCode: "newborn_hukou", subjectPersonId: family.baby.id, idempotencyKey: crypto.randomUUID(), answers: { applicantPhone: "13912345678", ethnicity: "汉族", relationToHead: "daughter" }, consent: true },
      FILED,
    );
    const page = await prepareApplication(h.db, family.actor, { serviceCode: "newborn_medical_insurance", subjectPersonId: family.baby.id, now: FILED });
    const awaited = page.materials.filter((m) => m.outcome === "awaiting");
    expect(awaited.map((m) => m.awaiting?.number)).toEqual([hukou.number]);

    const med = await submitApplication(
      h.db,
      family.actor,
      { serviceCode: "newborn_medical_insurance", subjectPersonId: family.baby.id, idempotencyKey: crypto.randomUUID(), answers: { applicantPhone: "13912345678", insuranceTier: "tier1" }, consent: true },
      FILED,
    );
    expect((await rowOf(med.id)).status).toBe("awaiting");
    const filedNotice = await h.db.select().from(notifications).where(eq(notifications.applicationId, med.id));
    expect(filedNotice.map((n) => n.messageKey)).toEqual(["applicationAwaiting"]);

    await decide(hukou.id, psbWindow, psbApprover, "approve");
    expect((await rowOf(med.id)).status).toBe("submitted");
  });
});
