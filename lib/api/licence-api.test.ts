import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { apiIdempotency, applications, auditLog, licenceAccessLog, licences, licenceVerifications, notifications } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { createApplicationInStatus, createDepartment, createLicenceType, createPerson, createService } from "@/lib/testing/factories";
import { attachLicence, callApi, createAdminActor, createDepartmentKey } from "@/lib/testing/library-factories";
import { revokeApiKey } from "./keys";
import type { Problem } from "./problem";

/**
 * Contract tests: a department's system (psb) and another one (civil) drive /api/v1 through
 * the same code the route handlers run.
 */
let handle: DbHandle;
let admin: Actor;
let psbKey: string;
let civilKey: string;
let psbKeyId: string;
const typeKey = `permit_${Date.now()}`;
let holder: { id: string; idNumber: string; name: string };

beforeAll(async () => {
  handle = await createTestDatabase();
  const { db } = handle;
  admin = await createAdminActor(db);
  const psb = await createDepartment(db);
  const civil = await createDepartment(db);
  await createLicenceType(db, { key: typeKey, issuingDepartmentId: psb.id, defaultValidityMonths: 12 });
  const psbCreated = await createDepartmentKey(db, admin, psb.id);
  psbKey = psbCreated.key;
  psbKeyId = psbCreated.id;
  civilKey = (await createDepartmentKey(db, admin, civil.id)).key;
  holder = await createPerson(db, { name: "李晓梅" });
});
afterAll(async () => handle.close());

const issueBody = () => ({ typeKey, holderIdNumber: holder.idNumber, fields: { 居住地址: "深圳市宝安区新安街道 1 号" } });

describe("POST /api/v1/licences (issue)", () => {
  it("issues once for two calls with one Idempotency-Key, and refuses the key with another body", async () => {
    const first = await callApi(handle.db, "issueLicence", { key: psbKey, body: issueBody(), idempotencyKey: "issue-1" });
    expect(first.status).toBe(201);
    const issued = first.body as { identifier: string; holderCode: string; status: string };
    expect(issued.status).toBe("valid");
    expect(issued.holderCode).toBe(holder.idNumber);
    expect(first.headers["RateLimit-Limit"]).toBe("600");

    // Same body with its keys in another order is the same request.
    const { fields, ...rest } = issueBody();
    const retry = await callApi(handle.db, "issueLicence", { key: psbKey, body: { fields, ...rest }, idempotencyKey: "issue-1" });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers["Idempotent-Replayed"]).toBe("true");
    const held = await handle.db.select().from(licences).where(eq(licences.holderPersonId, holder.id));
    expect(held).toHaveLength(1);

    const other = await callApi(handle.db, "issueLicence", {
      key: psbKey,
      body: { ...issueBody(), fields: { 居住地址: "别处" } },
      idempotencyKey: "issue-1",
    });
    expect(other.status).toBe(422);
    expect(other.headers["Content-Type"]).toBe("application/problem+json");
    expect((other.body as Problem).type).toMatch(/idempotency-key-reused$/);
    expect(await handle.db.select().from(licences).where(eq(licences.holderPersonId, holder.id))).toHaveLength(1);
    const audits = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, "licence.issue"), eq(auditLog.entityId, issued.identifier)));
    expect(audits).toHaveLength(1);
  });

  it("issues one licence when two retries with one key race each other", async () => {
    const person = await createPerson(handle.db);
    const body = { typeKey, holderIdNumber: person.idNumber };
    const [a, b] = await Promise.all([
      callApi(handle.db, "issueLicence", { key: psbKey, body, idempotencyKey: `race-${person.id}` }),
      callApi(handle.db, "issueLicence", { key: psbKey, body, idempotencyKey: `race-${person.id}` }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect(await handle.db.select().from(licences).where(eq(licences.holderPersonId, person.id))).toHaveLength(1);
  });

  it("requires an Idempotency-Key", async () => {
    const r = await callApi(handle.db, "issueLicence", { key: psbKey, body: issueBody() });
    expect(r.status).toBe(422);
    expect((r.body as Problem).detail).toContain("Idempotency-Key");
  });

  it("answers bad input with 422 and a JSON pointer per problem, in Chinese and English", async () => {
    const wrongCheck = `${holder.idNumber.slice(0, 17)}${holder.idNumber.endsWith("1") ? "2" : "1"}`;
    const r = await callApi(handle.db, "issueLicence", {
      key: psbKey,
      body: { typeKey: "Bad Key", holderIdNumber: wrongCheck, validFrom: "2026-02-30" },
      idempotencyKey: "bad-1",
    });
    expect(r.status).toBe(422);
    const p = r.body as Problem;
    expect(p.status).toBe(422);
    const byPointer = Object.fromEntries((p.errors ?? []).map((e) => [e.pointer, e.detail]));
    expect(Object.keys(byPointer).sort()).toEqual(["/holderIdNumber", "/typeKey", "/validFrom"]);
    expect(byPointer["/holderIdNumber"]).toContain("校验");
    expect(p.detailI18n.en).toContain("3 problems");
    const en = await callApi(handle.db, "issueLicence", {
      key: psbKey,
      body: { typeKey, holderIdNumber: wrongCheck },
      idempotencyKey: "bad-2",
      acceptLanguage: "en-GB,en;q=0.9",
    });
    expect((en.body as Problem).errors?.[0]?.detail).toMatch(/check character/);
  });

  it("refuses not-JSON bodies", async () => {
    const r = await callApi(handle.db, "issueLicence", { key: psbKey, body: "{not json", idempotencyKey: "bad-3" });
    expect(r.status).toBe(422);
    expect((r.body as Problem).type).toMatch(/badJson$/);
  });

  it("refuses another department's key on this department's type (403)", async () => {
    const r = await callApi(handle.db, "issueLicence", { key: civilKey, body: issueBody(), idempotencyKey: "civil-1" });
    expect(r.status).toBe(403);
    expect((r.body as Problem).detailI18n["zh-CN"]).toContain("本部门");
  });
});

describe("authentication and rate limit", () => {
  it("answers a missing, malformed or revoked key with 401", async () => {
    const body = issueBody();
    expect((await callApi(handle.db, "issueLicence", { body, idempotencyKey: "x" })).status).toBe(401);
    expect((await callApi(handle.db, "issueLicence", { key: "ow_00000000_nope", body, idempotencyKey: "x" })).status).toBe(401);
    const dept = await createDepartment(handle.db);
    const doomed = await createDepartmentKey(handle.db, admin, dept.id);
    const ok = await callApi(handle.db, "verifyLicence", { key: doomed.key, params: { identifier: "1.2.3" } });
    expect(ok.status).toBe(404); // authenticated; the identifier names nothing
    await revokeApiKey(handle.db, admin, { id: doomed.id });
    const refused = await callApi(handle.db, "verifyLicence", { key: doomed.key, params: { identifier: "1.2.3" } });
    expect(refused.status).toBe(401);
    expect(refused.headers["Content-Type"]).toBe("application/problem+json");
  });

  it("answers 429 with Retry-After once the key's window is used up", async () => {
    const dept = await createDepartment(handle.db);
    const limited = await createDepartmentKey(handle.db, admin, dept.id, 3);
    const now = new Date("2026-11-22T10:00:15Z");
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof callApi>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await callApi(handle.db, "verifyLicence", { key: limited.key, params: { identifier: "x" }, now });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
    expect(last?.headers["Retry-After"]).toBe("45");
    expect(last?.headers["RateLimit-Remaining"]).toBe("0");
    // The next minute is a new window.
    const later = await callApi(handle.db, "verifyLicence", { key: limited.key, params: { identifier: "x" }, now: new Date("2026-11-22T10:01:00Z") });
    expect(later.status).toBe(404);
  });
});

describe("search, verify and revoke", () => {
  it("lists a resident's licences, logging the purpose; masks the holder code for another department", async () => {
    const person = await createPerson(handle.db);
    const issued = await callApi(handle.db, "issueLicence", {
      key: psbKey,
      body: { typeKey, holderIdNumber: person.idNumber, fields: {} },
      idempotencyKey: `search-${person.id}`,
    });
    expect(issued.status).toBe(201);
    const own = await callApi(handle.db, "searchLicences", {
      key: psbKey,
      body: { holderIdNumber: person.idNumber, types: [typeKey], purpose: "居住证签注核验" },
    });
    expect(own.status).toBe(200);
    const list = (own.body as { licences: { identifier: string; holderCode: string; status: string }[] }).licences;
    expect(list).toHaveLength(1);
    expect(list[0]!.holderCode).toBe(person.idNumber);
    const log = await handle.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.holderPersonId, person.id));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ purpose: "居住证签注核验", actorUserId: null });
    expect(log[0]!.actorLabel).toMatch(/（接口）$/);

    const other = await callApi(handle.db, "searchLicences", {
      key: civilKey,
      body: { holderIdNumber: person.idNumber, types: [typeKey], purpose: "婚姻登记核验" },
    });
    const seen = (other.body as { licences: { holderCode: string }[] }).licences[0]!;
    expect(seen.holderCode).not.toContain(person.idNumber.slice(6, 14));
    expect(seen.holderCode).toMatch(/\*{10}/);

    const noPurpose = await callApi(handle.db, "searchLicences", { key: psbKey, body: { holderIdNumber: person.idNumber, types: [typeKey] } });
    expect(noPurpose.status).toBe(422);
    expect((noPurpose.body as Problem).errors?.[0]?.pointer).toBe("/purpose");
  });

  it("verifies by identifier and records the check", async () => {
    const person = await createPerson(handle.db, { name: "王建国" });
    const issued = await callApi(handle.db, "issueLicence", {
      key: psbKey,
      body: { typeKey, holderIdNumber: person.idNumber },
      idempotencyKey: `verify-${person.id}`,
    });
    const identifier = (issued.body as { identifier: string }).identifier;
    const r = await callApi(handle.db, "verifyLicence", { key: civilKey, params: { identifier } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ identifier, result: "valid", valid: true, holder: "王*国" });
    expect(JSON.stringify(r.body)).not.toContain(person.idNumber);
    const rows = await handle.db.select().from(licenceVerifications).where(eq(licenceVerifications.holderPersonId, person.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ method: "api", result: "valid" });
  });

  it("revokes: flags the open application relying on it, tells the resident, refuses the other department", async () => {
    const { db } = handle;
    const person = await createPerson(db);
    const issued = await callApi(db, "issueLicence", { key: psbKey, body: { typeKey, holderIdNumber: person.idNumber }, idempotencyKey: `rev-${person.id}` });
    const identifier = (issued.body as { identifier: string }).identifier;
    const [licence] = await db.select().from(licences).where(eq(licences.identifier, identifier));
    const dept = await createDepartment(db);
    const service = await createService(db, dept.id);
    const open = await createApplicationInStatus(db, person.id, service.id, "accepted");
    const done = await createApplicationInStatus(db, person.id, service.id, "completed");
    await attachLicence(db, open, licence!, 1);
    await attachLicence(db, done, licence!, 2);

    const foreign = await callApi(db, "revokeLicence", { key: civilKey, params: { identifier }, body: { reason: "冒领" }, idempotencyKey: "r-civil" });
    expect(foreign.status).toBe(403);

    const r = await callApi(db, "revokeLicence", { key: psbKey, params: { identifier }, body: { reason: "持证人已迁出本市" }, idempotencyKey: `r-${identifier}` });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ identifier, status: "revoked", flaggedApplications: 1 });
    const [after] = await db.select().from(licences).where(eq(licences.id, licence!.id));
    expect(after).toMatchObject({ status: "revoked", statusReason: "持证人已迁出本市" });
    expect(after!.statusChangedAt).not.toBeNull();
    const [flagged] = await db.select().from(applications).where(eq(applications.id, open.id));
    const [untouched] = await db.select().from(applications).where(eq(applications.id, done.id));
    expect(flagged!.flaggedAt).not.toBeNull();
    expect(flagged!.flagReason).toContain("持证人已迁出本市");
    expect(untouched!.flaggedAt).toBeNull();
    const notes = await db.select().from(notifications).where(eq(notifications.personId, person.id));
    expect(notes.map((n) => n.messageKey).sort()).toEqual([
      "library.notifications.applicationLicenceRevoked",
      "library.notifications.licenceRevoked",
    ]);

    // A retry replays; a new request finds it already revoked.
    const retry = await callApi(db, "revokeLicence", { key: psbKey, params: { identifier }, body: { reason: "持证人已迁出本市" }, idempotencyKey: `r-${identifier}` });
    expect(retry).toMatchObject({ status: 200, body: r.body });
    const again = await callApi(db, "revokeLicence", { key: psbKey, params: { identifier }, body: { reason: "再次" }, idempotencyKey: "r-again" });
    expect(again.status).toBe(409);

    const verified = await callApi(db, "verifyLicence", { key: psbKey, params: { identifier } });
    expect(verified.body).toMatchObject({ result: "revoked", valid: false });
    const stored = await db.select().from(apiIdempotency).where(eq(apiIdempotency.apiKeyId, psbKeyId));
    expect(stored.length).toBeGreaterThan(0);
  });
});
