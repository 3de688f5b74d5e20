import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, correctionRequests, notifications, persons, serviceCentres } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { departmentClerk, ensureDepartment, marry } from "@/lib/testing/corrections-factories";
import { citizenActor, createCitizenUser, createPerson, relate } from "@/lib/testing/factories";
import { decideCorrection } from "./decide-correction";
import { getCorrectionForClerkOrThrow, listCorrectionQueue } from "./list-correction-queue";
import { listMyCorrections } from "./list-my-corrections";
import { requestCorrection } from "./request-correction";
import { decideCorrectionSchema, requestCorrectionSchema, type DecideCorrectionInput, type RequestCorrectionInput } from "./schemas";

let h: DbHandle;
let psbId: string;
let civilId: string;
beforeAll(async () => {
  h = await createTestDatabase();
  psbId = (await ensureDepartment(h.db, "psb")).id;
  civilId = (await ensureDepartment(h.db, "civil")).id;
});
afterAll(async () => {
  await h.close();
});

const NOW = new Date("2026-11-23T02:00:00Z");

async function resident() {
  const made = await createCitizenUser(h.db, "Secret2026");
  return { ...made, actor: citizenActor(made) };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const ask = (over: Partial<RequestCorrectionInput>) =>
  requestCorrectionSchema.parse({ prefill: "person.hukouAddress", subjectPersonId: null, reason: "搬家后未更新", ...over });
const decide = (over: Partial<DecideCorrectionInput> & { id: string }) =>
  decideCorrectionSchema.parse({ version: 1, decision: "decline", note: "", ...over });

describe("requesting a correction", () => {
  it("files a request to the register's department with the value re-read from the register, once", async () => {
    const { person, actor } = await resident();
    const first = await requestCorrection(h.db, actor, ask({ proposedValue: "深圳市福田区新地址 8 号", serviceCode: "svc_x" }), NOW);
    expect(first.created).toBe(true);
    const [row] = await h.db.select().from(correctionRequests).where(eq(correctionRequests.id, first.id));
    expect(row).toMatchObject({
      personId: person.id,
      requestedByPersonId: person.id,
      register: "hukou",
      field: "hukouAddress",
      departmentId: psbId,
      currentValue: person.hukouAddress,
      proposedValue: "深圳市福田区新地址 8 号",
      status: "open",
      serviceCode: "svc_x",
    });
    const audits = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, first.id), eq(auditLog.action, "correction.request")));
    expect(audits).toHaveLength(1);

    // A double click or a second visit returns the open request instead of filing another.
    const second = await requestCorrection(h.db, actor, ask({ reason: "再次反映" }), NOW);
    expect(second).toEqual({ id: first.id, status: "open", created: false });
    expect(await h.db.select().from(correctionRequests).where(eq(correctionRequests.personId, person.id))).toHaveLength(1);
  });

  it("sends a spouse's value to civil affairs and a residence value to public security", async () => {
    const { person, actor } = await resident();
    const spouse = await createPerson(h.db, { sex: "male" });
    await marry(h.db, person.id, spouse.id);
    const a = await requestCorrection(h.db, actor, ask({ prefill: "spouse.name" }), NOW);
    const b = await requestCorrection(h.db, actor, ask({ prefill: "person.residenceAddress" }), NOW);
    const rows = await h.db.select().from(correctionRequests).where(eq(correctionRequests.requestedByPersonId, person.id));
    expect(rows.find((r) => r.id === a.id)).toMatchObject({ personId: spouse.id, register: "marital", departmentId: civilId, currentValue: spouse.name });
    expect(rows.find((r) => r.id === b.id)).toMatchObject({ personId: person.id, register: "residence", departmentId: psbId });
  });

  it("flags a child's value only for the resident's own child; anyone else is not found", async () => {
    const { actor } = await resident();
    const child = await createPerson(h.db, { birthDate: "2021-03-15" });
    await relate(h.db, actor.personId ?? "", child.id);
    const ok = await requestCorrection(h.db, actor, ask({ prefill: "child.name", subjectPersonId: child.id }), NOW);
    expect(ok.created).toBe(true);

    const stranger = await createPerson(h.db);
    expect((await refusal(requestCorrection(h.db, actor, ask({ prefill: "child.name", subjectPersonId: stranger.id }), NOW))).code).toBe("NOT_FOUND");
    expect((await refusal(requestCorrection(h.db, actor, ask({ prefill: "child.name" }), NOW))).code).toBe("NOT_FOUND");
    // No spouse in the register: nothing was shown, nothing to flag.
    expect((await refusal(requestCorrection(h.db, actor, ask({ prefill: "spouse.name" }), NOW))).code).toBe("NOT_FOUND");
  });

  it("refuses staff, and a path the forms never pre-fill", async () => {
    const clerk = await departmentClerk(h.db, psbId);
    expect((await refusal(requestCorrection(h.db, clerk, ask({}), NOW))).code).toBe("FORBIDDEN");
    expect(requestCorrectionSchema.safeParse({ prefill: "person.passwordHash", subjectPersonId: null, reason: "x" }).success).toBe(false);
    expect(requestCorrectionSchema.safeParse({ prefill: "person.name", subjectPersonId: null, reason: "  " }).success).toBe(false);
  });
});

describe("the corrections queue and decisions", () => {
  it("shows a request only to its department's clerks; others see none and get not-found", async () => {
    const { actor } = await resident();
    const { id } = await requestCorrection(h.db, actor, ask({}), NOW);
    const psbClerk = await departmentClerk(h.db, psbId);
    const civilClerk = await departmentClerk(h.db, civilId);
    const [centre] = await h.db
      .insert(serviceCentres)
      .values({ code: `c${Date.now()}`, nameZh: "中心", nameEn: "Centre", addressZh: "地址", addressEn: "Addr", divisionCode: "440304", phone: "0755-1", hoursZh: "9-5", hoursEn: "9-5" })
      .returning();
    const windowClerk = await departmentClerk(h.db, null, centre?.id ?? null);

    const queue = await listCorrectionQueue(h.db, psbClerk, { status: "all", page: 1 });
    expect(queue.rows.map((r) => r.id)).toContain(id);
    expect(queue.rows.find((r) => r.id === id)?.maskedIdNumber).toMatch(/^\d{6}\*{10}[0-9X]{2}$/);
    expect((await listCorrectionQueue(h.db, civilClerk, { status: "all", page: 1 })).rows.map((r) => r.id)).not.toContain(id);
    expect((await listCorrectionQueue(h.db, windowClerk, { status: "all", page: 1 })).total).toBe(0);
    expect((await refusal(getCorrectionForClerkOrThrow(h.db, civilClerk, id))).code).toBe("NOT_FOUND");
    expect((await refusal(decideCorrection(h.db, civilClerk, decide({ id, note: "不是我们的" }), NOW))).code).toBe("NOT_FOUND");
    expect((await refusal(listCorrectionQueue(h.db, actor, { status: "all", page: 1 }))).code).toBe("FORBIDDEN");
  });

  it("lists open requests first and pages", async () => {
    const clerk = await departmentClerk(h.db, psbId);
    for (let i = 0; i < 3; i++) {
      const { actor } = await resident();
      const { id } = await requestCorrection(h.db, actor, ask({}), NOW);
      if (i === 0) await decideCorrection(h.db, clerk, decide({ id, note: "核实无误" }), NOW);
    }
    const all = await listCorrectionQueue(h.db, clerk, { status: "all", page: 1 });
    const firstDecided = all.rows.findIndex((r) => r.status !== "open");
    const lastOpen = all.rows.map((r) => r.status).lastIndexOf("open");
    expect(firstDecided).toBeGreaterThan(lastOpen);
    expect(all.open).toBe(all.rows.filter((r) => r.status === "open").length);
    const open = await listCorrectionQueue(h.db, clerk, { status: "open", page: 1 });
    expect(open.rows.every((r) => r.status === "open")).toBe(true);
    expect((await listCorrectionQueue(h.db, clerk, { status: "all", page: 99 })).rows).toEqual([]);
  });

  it("corrects the register: the attribute, its register's timestamp, audit before/after, a notice; the version locks", async () => {
    const { person, actor } = await resident();
    const { id } = await requestCorrection(h.db, actor, ask({ proposedValue: "深圳市福田区正确路 2 号" }), NOW);
    const clerk = await departmentClerk(h.db, psbId);
    const later = new Date(NOW.getTime() + 3_600_000);
    const done = await decideCorrection(h.db, clerk, decide({ id, decision: "correct" }), later);
    expect(done).toEqual({ id, status: "corrected", version: 2 });

    const [after] = await h.db.select().from(persons).where(eq(persons.id, person.id));
    expect(after?.hukouAddress).toBe("深圳市福田区正确路 2 号");
    expect(after?.hukouUpdatedAt.toISOString()).toBe(later.toISOString());
    expect(after?.residenceAddress).toBe(person.residenceAddress);
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "correction.correct")));
    expect(audit?.detail).toMatchObject({ before: person.hukouAddress, after: "深圳市福田区正确路 2 号" });
    const notes = await h.db.select().from(notifications).where(eq(notifications.personId, person.id));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ messageKey: "corrections.notice.corrected", params: { value: "深圳市福田区正确路 2 号", fieldZh: "户籍地址" } });

    // The second clerk, working from the old version, gets a clear conflict and changes nothing.
    expect((await refusal(decideCorrection(h.db, clerk, decide({ id, note: "重复" }), later))).code).toBe("CONFLICT");
    // With the request decided, the resident may flag the value again.
    expect((await requestCorrection(h.db, actor, ask({}), later)).created).toBe(true);
  });

  it("lets exactly one of two clerks deciding at once win", async () => {
    const { person, actor } = await resident();
    const { id } = await requestCorrection(h.db, actor, ask({ prefill: "person.residenceAddress", proposedValue: "深圳市宝安区甲路 1 号" }), NOW);
    const [a, b] = [await departmentClerk(h.db, psbId), await departmentClerk(h.db, psbId)];
    const outcomes = await Promise.allSettled([
      decideCorrection(h.db, a, decide({ id, decision: "correct" }), NOW),
      decideCorrection(h.db, b, decide({ id, decision: "correct", value: "深圳市宝安区乙路 2 号" }), NOW),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === "rejected");
    expect(lost?.status === "rejected" ? (lost.reason as AppError).code : null).toBe("CONFLICT");
    const [row] = await h.db.select().from(correctionRequests).where(eq(correctionRequests.id, id));
    const [after] = await h.db.select().from(persons).where(eq(persons.id, person.id));
    expect(row?.version).toBe(2);
    expect(["深圳市宝安区甲路 1 号", "深圳市宝安区乙路 2 号"]).toContain(after?.residenceAddress);
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "correction.correct")))).toHaveLength(1);
  });

  it("uses the clerk's value when given, validates it, and refuses a stale version", async () => {
    const { person, actor } = await resident();
    const { id } = await requestCorrection(h.db, actor, ask({ prefill: "person.phone", proposedValue: "139" }), NOW);
    const clerk = await departmentClerk(h.db, psbId);
    const bad = await refusal(decideCorrection(h.db, clerk, decide({ id, decision: "correct" }), NOW));
    expect(bad.code).toBe("VALIDATION");
    expect(bad.fieldErrors).toEqual({ value: "validation.phone.format" });
    expect((await refusal(decideCorrection(h.db, clerk, decide({ id, version: 2, decision: "correct", value: "13912345678" }), NOW))).code).toBe("CONFLICT");
    await decideCorrection(h.db, clerk, decide({ id, decision: "correct", value: "13912345678" }), NOW);
    const [after] = await h.db.select().from(persons).where(eq(persons.id, person.id));
    expect(after?.phone).toBe("13912345678");
  });

  it("never writes identity data from the queue; declining keeps the register and tells the resident why", async () => {
    const { person, actor } = await resident();
    const { id } = await requestCorrection(h.db, actor, ask({ prefill: "person.idNumber", proposedValue: "440304199001010011" }), NOW);
    const clerk = await departmentClerk(h.db, psbId);
    const shown = await getCorrectionForClerkOrThrow(h.db, clerk, id);
    expect(shown.currentValue).toMatch(/\*{10}/);
    expect(shown.correctable).toBe(false);
    expect((await refusal(decideCorrection(h.db, clerk, decide({ id, decision: "correct" }), NOW))).code).toBe("VALIDATION");

    await decideCorrection(h.db, clerk, decide({ id, note: "请携带户口簿到窗口办理" }), NOW);
    const [after] = await h.db.select().from(persons).where(eq(persons.id, person.id));
    expect(after?.idNumber).toBe(person.idNumber);
    const mine = await listMyCorrections(h.db, actor);
    expect(mine).toEqual([expect.objectContaining({ id, status: "declined", decisionNote: "请携带户口簿到窗口办理" })]);
    expect(mine[0]?.currentValue).toMatch(/\*{10}/);
    const [note] = await h.db.select().from(notifications).where(eq(notifications.personId, person.id));
    expect(note).toMatchObject({ messageKey: "corrections.notice.declined", params: { note: "请携带户口簿到窗口办理" } });
    expect(decideCorrectionSchema.safeParse({ id, version: 1, decision: "decline", note: "" }).success).toBe(false);
  });
});
