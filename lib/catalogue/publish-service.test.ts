import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { applications, auditLog, centreServices, serviceMaterials, services, serviceVersions, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { stableUuid } from "@/db/seed/random";
import { createTestDatabase } from "@/db/testing";
import { getClerkApplicationOrThrow } from "@/lib/applications/get-clerk-application";
import type { Actor } from "@/lib/auth/actor";
import { signingKeyFromSeed } from "@/lib/licences/signing";
import { getServiceGuideOrThrow } from "@/lib/services/get-service-guide";
import { loadDefinitionVersion, loadLiveDefinition } from "./definition-rows";
import { publishServiceDefinition, publishServiceDraft, saveServiceDraft, setServiceSuspension } from "./publish-service";
import { parseServiceDefinition, type ServiceDefinition } from "./service-definition";

let h: DbHandle;
const actorOf = async (staffNo: string): Promise<Actor> => {
  const [u] = await h.db.select().from(users).where(eq(users.id, stableUuid(`user:${staffNo}`)));
  if (!u) throw new Error(`no ${staffNo}`);
  return { id: u.id, role: u.role, displayName: u.displayName, personId: u.personId, departmentId: u.departmentId, centreId: u.centreId };
};
const idOf = async (code: string) => (await h.db.select({ id: services.id }).from(services).where(eq(services.code, code)))[0]?.id ?? "";
const live = async (code: string) => (await loadLiveDefinition(h.db, await idOf(code)))!.definition;

/** 残疾人两项补贴, as a civil-affairs catalogue manager would write it. */
const disabilitySubsidy = (): ServiceDefinition => ({
  code: "disability_two_subsidies",
  nameZh: "残疾人两项补贴",
  nameEn: "Two subsidies for persons with disabilities",
  department: "civil",
  theme: "elderly",
  keywords: "残疾人 补贴 生活补贴 护理补贴",
  descriptionZh: "困难残疾人生活补贴和重度残疾人护理补贴。",
  descriptionEn: "Living subsidy for disabled persons in hardship and care subsidy for the severely disabled.",
  whoMayApplyZh: "持有残疾人证、户籍在本市的残疾人。",
  whoMayApplyEn: "Holders of a disability certificate with Shenzhen hukou.",
  legalLimitDays: 20,
  promisedLimitDays: 10,
  onTheSpot: false,
  requiresVisit: false,
  feeYuan: 0,
  form: [{ name: "applicantName", type: "text", labelZh: "申请人姓名", labelEn: "Applicant's name", required: true, prefill: "person.name" }],
  materials: [
    { nameZh: "申请人居民身份证", nameEn: "Applicant's ID card", kind: "licence", licence: "resident_id_card", subject: "applicant", required: true, notesZh: null, notesEn: null },
    { nameZh: "申请人户口簿", nameEn: "Applicant's household register", kind: "licence", licence: "household_register", subject: "applicant", required: true, notesZh: null, notesEn: null },
    { nameZh: "银行卡照片", nameEn: "Photo of the bank card", kind: "upload", licence: null, subject: "applicant", required: true, notesZh: null, notesEn: null },
  ],
  issues: null,
  approvalHints: [{ zh: "核对残疾等级", en: "Check the disability grade" }],
  workflow: null,
  automaticChecks: null,
  eligibility: { for: "self", when: { is: "all", rules: [{ is: "hukouIn", of: "subject", division: "440300" }, { is: "ageAtLeast", of: "subject", years: 16, leadMonths: 0 }] } },
});

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDatabase(h.db, { seed: "catalogue-admin", persons: 300, applications: 400, today: "2026-11-20", signingKey: signingKeyFromSeed("33".repeat(32)), passwordHash: "x" });
}, 120_000);
afterAll(async () => h.close());

describe("service definitions", () => {
  it("every seeded service reads back as a valid document", async () => {
    const all = await h.db.select({ id: services.id, code: services.code }).from(services);
    expect(all.length).toBeGreaterThan(20);
    for (const s of all) {
      const doc = await loadLiveDefinition(h.db, s.id);
      const parsed = parseServiceDefinition(doc?.definition);
      expect(parsed.ok ? [] : parsed.issues, s.code).toEqual([]);
    }
  });

  it("refuses a document with the path of each problem, and references that do not exist", async () => {
    const admin = await actorOf("ADM001");
    const bad = { ...disabilitySubsidy(), promisedLimitDays: 30, materials: [{ nameZh: "x", nameEn: "x", kind: "licence", licence: null }] };
    await expect(h.db.transaction((tx) => publishServiceDefinition(tx, admin, bad))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { promisedLimitDays: "catalogueAdmin.errors.promisedOverLegal", "materials[0].licence": "catalogueAdmin.errors.materialLicence" },
    });
    const unknown = disabilitySubsidy();
    unknown.materials[1] = { ...unknown.materials[1]!, licence: "unicorn_licence" };
    await expect(h.db.transaction((tx) => publishServiceDefinition(tx, admin, unknown))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "materials[1].licence": "catalogueAdmin.errors.unknownLicence" },
    });
    const zodiac = await h.db
      .transaction((tx) => publishServiceDefinition(tx, admin, { ...disabilitySubsidy(), eligibility: { for: "self", when: { is: "zodiac" } } }))
      .then(() => null, (e: { code?: string; fieldErrors?: Record<string, string> }) => e);
    expect(zodiac?.code).toBe("VALIDATION");
    expect(Object.keys(zodiac?.fieldErrors ?? {})).toEqual(["eligibility.when.is"]);
  });
});

describe("publishing", () => {
  it("a catalogue manager creates a service of their department: version 1, its materials, the centres, the audit", async () => {
    const manager = await actorOf("CIV004");
    const result = await h.db.transaction((tx) => publishServiceDefinition(tx, manager, disabilitySubsidy(), { note: "新增事项" }));
    expect(result).toMatchObject({ code: "disability_two_subsidies", version: 1, created: true, changed: true });
    const mats = await h.db.select().from(serviceMaterials).where(eq(serviceMaterials.serviceId, result.serviceId));
    expect(mats.map((m) => [m.version, m.kind])).toEqual([[1, "licence"], [1, "licence"], [1, "upload"]]);
    const centres = await h.db.select().from(centreServices).where(eq(centreServices.serviceId, result.serviceId));
    expect(centres.length).toBeGreaterThan(0);
    const guide = await getServiceGuideOrThrow(h.db, "disability_two_subsidies");
    expect(guide.promisedLimitDays).toBe(10);
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "catalogue.publish"), eq(auditLog.entityId, "disability_two_subsidies")));
    expect(audit?.detail).toMatchObject({ version: 1, note: "新增事项" });
    // The same document again changes nothing (an import run twice).
    expect(await h.db.transaction((tx) => publishServiceDefinition(tx, manager, disabilitySubsidy()))).toMatchObject({ version: 1, changed: false });
  });

  it("keeps a manager to their department, and everyone else out", async () => {
    const civil = await actorOf("CIV004");
    const health = await actorOf("HEA004");
    const clerk = await actorOf("CIV001");
    await expect(h.db.transaction((tx) => publishServiceDefinition(tx, health, disabilitySubsidy()))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.db.transaction((tx) => publishServiceDefinition(tx, clerk, disabilitySubsidy()))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const school = await live("primary_school_enrolment");
    await expect(h.db.transaction((tx) => publishServiceDefinition(tx, civil, { ...school, department: "civil" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(h.db.transaction((tx) => setServiceSuspension(tx, health, { code: "elderly_card", suspended: true, noticeZh: "系统升级" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("editing a published service's limit makes version 2; an application filed under version 1 keeps version 1's limit and materials", async () => {
    const manager = await actorOf("CIV004");
    const clerk = await actorOf("CIV001");
    const serviceId = await idOf("elderly_card");
    const [filed] = rowsOf<{ id: string }>(
      await h.db.execute(sql`SELECT id FROM applications WHERE service_id = ${serviceId}::uuid AND status IN ('submitted', 'accepted') ORDER BY id LIMIT 1`),
    );
    expect(filed, "the seed has an open elderly-card application").toBeDefined();
    const before = await getClerkApplicationOrThrow(h.db, clerk, filed!.id);
    const v1 = await live("elderly_card");

    // Started as a draft: nobody sees it until published.
    const v2 = { ...v1, promisedLimitDays: v1.promisedLimitDays === 0 ? 0 : v1.promisedLimitDays - 1, legalLimitDays: v1.legalLimitDays + 5, materials: v1.materials.slice(0, -1) };
    expect((await h.db.transaction((tx) => saveServiceDraft(tx, manager, { code: "elderly_card", definition: v2 }))).issues).toEqual([]);
    expect((await getServiceGuideOrThrow(h.db, "elderly_card")).legalLimitDays).toBe(v1.legalLimitDays);
    const published = await h.db.transaction((tx) => publishServiceDraft(tx, manager, { code: "elderly_card", note: "法定时限调整" }));
    expect(published).toMatchObject({ version: 2, changed: true });

    const guide = await getServiceGuideOrThrow(h.db, "elderly_card");
    expect(guide.legalLimitDays).toBe(v1.legalLimitDays + 5);
    expect(guide.materials).toHaveLength(v1.materials.length - 1);

    const after = await getClerkApplicationOrThrow(h.db, clerk, filed!.id);
    expect(after.service).toMatchObject({ version: 1, currentVersion: 2, legalLimitDays: v1.legalLimitDays, promisedLimitDays: v1.promisedLimitDays });
    expect(after.materials.map((m) => m.nameZh)).toEqual(before.materials.map((m) => m.nameZh));
    expect(after.materials).toHaveLength(v1.materials.length);

    // Both versions are kept whole; version 1 was snapshotted when version 2 replaced it.
    expect((await loadDefinitionVersion(h.db, serviceId, 1))?.legalLimitDays).toBe(v1.legalLimitDays);
    expect((await loadDefinitionVersion(h.db, serviceId, 2))?.legalLimitDays).toBe(v1.legalLimitDays + 5);
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "catalogue.publish"), eq(auditLog.entityId, "elderly_card")));
    expect((audit?.detail as { diff: { path: string }[] }).diff.map((d) => d.path)).toEqual(expect.arrayContaining(["legalLimitDays", `materials[${v1.materials.length - 1}]`]));

    // A kept version cannot be rewritten, not even by the owner.
    const refused = await h.db
      .update(serviceVersions)
      .set({ note: "x" })
      .where(eq(serviceVersions.serviceId, serviceId))
      .then(() => "no error", (e: { message?: string; cause?: { message?: string } }) => `${e.message ?? ""} ${e.cause?.message ?? ""}`);
    expect(refused).toMatch(/service_versions is append-only/);
  });

  it("refuses a draft started from a version that is no longer current", async () => {
    const manager = await actorOf("CIV004");
    const doc = await live("high_age_allowance");
    await h.db.transaction((tx) => saveServiceDraft(tx, manager, { code: "high_age_allowance", definition: { ...doc, feeYuan: 1 } }));
    await h.db.transaction((tx) => publishServiceDefinition(tx, manager, { ...doc, keywords: `${doc.keywords} 长寿` }));
    await expect(h.db.transaction((tx) => publishServiceDraft(tx, manager, { code: "high_age_allowance" }))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a suspended service takes no recommendation and shows its notice", async () => {
    const manager = await actorOf("CIV004");
    await expect(h.db.transaction((tx) => setServiceSuspension(tx, manager, { code: "high_age_allowance", suspended: true }))).rejects.toMatchObject({ code: "VALIDATION" });
    await h.db.transaction((tx) => setServiceSuspension(tx, manager, { code: "high_age_allowance", suspended: true, noticeZh: "系统升级，暂停受理至12月10日" }));
    const [row] = await h.db.select({ active: services.active, notice: services.suspendedNoticeZh }).from(services).where(eq(services.code, "high_age_allowance"));
    expect(row).toEqual({ active: false, notice: "系统升级，暂停受理至12月10日" });
    await h.db.transaction((tx) => setServiceSuspension(tx, manager, { code: "high_age_allowance", suspended: false }));
    const [again] = await h.db.select({ active: services.active }).from(services).where(eq(services.code, "high_age_allowance"));
    expect(again?.active).toBe(true);
    expect(await h.db.select({ n: applications.id }).from(applications).limit(1)).toHaveLength(1);
  });
});
