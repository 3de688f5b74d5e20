import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, notifications, services } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import { createTestDatabase } from "@/db/testing";
import { recommendServicesForResident } from "@/lib/eligibility/recommend-services-for-resident";
import { applyFor, childOf, resident, setUpCatalogue, type RuleKey } from "@/lib/eligibility/test-setup";
import { createLicence } from "@/lib/testing/factories";
import { createServiceCentre, supervisorActor } from "@/lib/testing/proactive-factories";
import { listProactiveResidents } from "./list-proactive-residents";
import { listProactiveServices } from "./list-proactive-services";
import { maskPersonName } from "@/lib/persons/mask-name";
import { notifyEligibleResidents } from "./notify-eligible-residents";

const TODAY = "2026-11-22";
const city = supervisorActor();
let h: DbHandle;
let svc: Record<RuleKey, string>;
let codes: Record<RuleKey, string>;
/** Elderly residents who qualify (no card, no application in force), by name. */
const qualifying: string[] = [];
let twinsParent = "";

const elderly = (name: string, extra = {}) => resident(h.db, { name, birthDate: "1950-03-01", ...extra });

beforeAll(async () => {
  h = await createTestDatabase();
  svc = await setUpCatalogue(h.db);
  codes = {} as Record<RuleKey, string>;
  for (const [rule, id] of Object.entries(svc)) {
    const [row] = await h.db.select({ code: services.code }).from(services).where(eq(services.id, id));
    codes[rule as RuleKey] = row!.code;
  }
  // "Has not applied": open or completed applications count as applied; rejected and withdrawn do not.
  const statuses: [ApplicationStatus, boolean][] = [
    ["draft", false], ["submitted", false], ["supplement_requested", false], ["accepted", false],
    ["approved", false], ["completed", false], ["rejected", true], ["withdrawn", true],
  ];
  for (const [status, stillQualifies] of statuses) {
    const p = await elderly(`老人${status}`);
    await applyFor(h.db, svc.elderly_card, p.id, { status });
    if (stillQualifies) qualifying.push(p.name);
  }
  for (const name of ["张秀英", "李建华", "欧阳明月"]) qualifying.push((await elderly(name)).name);
  const carded = await elderly("持证者");
  await createLicence(h.db, { holderPersonId: carded.id, typeKey: "elderly_card" });
  await elderly("南山老人", { residenceDivisionCode: "440305" }).then((p) => qualifying.push(p.name));

  // School entry: one parent's application for the child serves both parents.
  const mum = await resident(h.db, { name: "母亲甲", birthDate: "1990-01-01" });
  const dad = await resident(h.db, { name: "父亲甲", birthDate: "1989-01-01" });
  const pupil = await childOf(h.db, [mum.id, dad.id], { name: "学童甲", birthDate: "2020-10-01" });
  await applyFor(h.db, svc.primary_school_enrolment, mum.id, { subject: pupil.id });
  // Twins: one notice for their parent.
  const parent = await resident(h.db, { name: "双胞胎家长", birthDate: "1990-01-01" });
  twinsParent = parent.id;
  await childOf(h.db, [parent.id], { name: "双胞胎一", birthDate: "2020-10-02" });
  await childOf(h.db, [parent.id], { name: "双胞胎二", birthDate: "2020-10-02" });
});
afterAll(async () => {
  await h.close();
});

async function allRows(code: string, actor = city, limit = 2) {
  const rows = [];
  let after: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await listProactiveResidents(h.db, actor, { serviceCode: code, after }, { today: TODAY, limit });
    rows.push(...page.rows);
    if (!page.next) break;
    after = page.next;
  }
  return rows;
}

describe("proactive service", () => {
  it("counts the residents who qualify and have not applied, per service", async () => {
    const list = await listProactiveServices(h.db, city, { today: TODAY });
    const elderlyCard = list.find((s) => s.serviceCode === codes.elderly_card);
    expect(elderlyCard).toMatchObject({ recipients: qualifying.length, subjects: qualifying.length });
    const school = list.find((s) => s.serviceCode === codes.primary_school_enrolment);
    // The served pupil is out for both parents; the twins' parent is one recipient for two children.
    expect(school).toMatchObject({ recipients: 1, subjects: 2 });
    expect(list.map((s) => s.serviceCode)).toContain(codes.newborn_hukou);
  });

  it("lists them a page at a time, masked, each exactly once, with the definition's reason", async () => {
    const rows = await allRows(codes.elderly_card);
    expect(rows.map((r) => r.applicantName).sort()).toEqual(qualifying.map(maskPersonName).sort());
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(rows.map((r) => r.applicantName)).toContain("张*英");
    expect(rows.map((r) => r.applicantName)).toContain("欧**月");
    for (const r of rows) {
      expect(r.applicantIdNumber).toMatch(/^\d{6}\*{10}[0-9X]{2}$/);
      expect(r.forSelf).toBe(true);
      expect(r.reason.phrases[0]).toEqual({ key: "ageAtLeast.yes", of: "subject", values: { years: 60, date: "2010-03-01" } });
    }
    const school = await allRows(codes.primary_school_enrolment);
    expect(school.map((r) => r.subjectName).sort()).toEqual(["双**一", "双**二"]);
    expect(school.every((r) => r.reason.phrases[0]?.key.startsWith("ageByCutoff."))).toBe(true);
  });

  it("uses the same rules as the resident's own recommendations", async () => {
    const page = await listProactiveResidents(h.db, city, { serviceCode: codes.elderly_card }, { today: TODAY, limit: 500 });
    expect(page.recipients).toBe(qualifying.length);
    const listed = new Set(page.rows.map((r) => r.key.split(".")[0]));
    const all = await h.db.query.persons.findMany();
    for (const p of all) {
      const actor = { id: p.id, role: "citizen" as const, displayName: p.name, personId: p.id, departmentId: null, centreId: null };
      const recommended = (await recommendServicesForResident(h.db, actor, { today: TODAY })).some((r) => r.serviceId === svc.elderly_card);
      expect(recommended, p.name).toBe(listed.has(p.id));
    }
  });

  it("keeps a centre's supervisor to the residents of the centre's district and its services", async () => {
    const nanshan = await createServiceCentre(h.db, "440305", [svc.elderly_card]);
    const actor = supervisorActor(nanshan.id);
    const list = await listProactiveServices(h.db, actor, { today: TODAY });
    expect(list.map((s) => s.serviceCode)).toEqual([codes.elderly_card]);
    expect(list[0]).toMatchObject({ recipients: 1 });
    expect((await allRows(codes.elderly_card, actor)).map((r) => r.applicantName)).toEqual(["南**人"]);
    await expect(listProactiveResidents(h.db, actor, { serviceCode: codes.primary_school_enrolment }, { today: TODAY })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses other roles and unknown services", async () => {
    const clerk = { ...city, role: "clerk" as const };
    await expect(listProactiveServices(h.db, clerk, { today: TODAY })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(notifyEligibleResidents(h.db, { ...city, role: "admin" }, { serviceCode: codes.elderly_card })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(notifyEligibleResidents(h.db, city, { serviceCode: "no_such_service" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("notifies everyone in batches, once per service and cycle, and audits the count", async () => {
    const first = await notifyEligibleResidents(h.db, city, { serviceCode: codes.elderly_card }, { today: TODAY, batchSize: 2 });
    expect(first).toMatchObject({ eligible: qualifying.length, newlyNotified: qualifying.length, batches: Math.ceil(qualifying.length / 2) });
    expect(first.dedupeKey).toBe(`proactive:${codes.elderly_card}:2026`);
    const again = await notifyEligibleResidents(h.db, city, { serviceCode: codes.elderly_card }, { today: TODAY, batchSize: 3 });
    expect(again).toMatchObject({ eligible: qualifying.length, newlyNotified: 0 });
    const sent = await h.db.select().from(notifications).where(eq(notifications.dedupeKey, first.dedupeKey));
    expect(sent).toHaveLength(qualifying.length);
    expect(sent[0]).toMatchObject({ kind: "proactive", messageKey: "proactive.notice", params: { forChild: "no", serviceCode: codes.elderly_card } });
    const audits = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "proactive.notify"), eq(auditLog.entityId, codes.elderly_card)));
    expect(audits.map((a) => (a.detail as { newlyNotified: number }).newlyNotified).sort()).toEqual([0, qualifying.length]);
  });

  it("tells a parent of twins once, naming a child", async () => {
    const result = await notifyEligibleResidents(h.db, city, { serviceCode: codes.primary_school_enrolment }, { today: TODAY });
    expect(result).toMatchObject({ eligible: 1, newlyNotified: 1, dedupeKey: `proactive:${codes.primary_school_enrolment}:2027` });
    const [notice] = await h.db.select().from(notifications).where(eq(notifications.personId, twinsParent));
    expect(notice?.params).toMatchObject({ forChild: "yes" });
    expect(["双胞胎一", "双胞胎二"]).toContain(notice?.params.name);
  });
});
