import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { createTestDatabase } from "../testing";
import { isValidLicenceIdentifier, isValidResidentId } from "../../lib/id-number";
import { publicKeyOf, signingKeyFromSeed, verifyLicenceSignature } from "../../lib/licences/signing";
import { DEMO_ACCOUNTS, DEMO_CITIZENS, DEMO_HOUSEHOLDS, DEMO_ID, STAFF, demoPersonId } from "./demo";
import { seedDatabase, type SeedSummary } from "./index";
import { optText, rowsOf } from "./population";

const KEY = signingKeyFromSeed("11".repeat(32));
const TODAY = "2026-10-15";
const SIZE = { persons: 300, applications: 200 };

async function seeded(seed: string): Promise<{ handle: DbHandle; summary: SeedSummary }> {
  const handle = await createTestDatabase();
  const summary = await seedDatabase(handle.db, {
    seed,
    ...SIZE,
    today: TODAY,
    signingKey: KEY,
    passwordHash: "not-a-real-hash",
  });
  return { handle, summary };
}

async function rows(handle: DbHandle, query: string): Promise<Record<string, unknown>[]> {
  return rowsOf(await handle.db.execute(sql.raw(query)));
}

/** One md5 per table over its rows in a fixed order (identity ids of the event log excluded). */
async function digest(handle: DbHandle): Promise<Record<string, string>> {
  const queries: Record<string, string> = {
    persons: `SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS d FROM persons t`,
    family_relations: `SELECT md5(string_agg(t::text, '|' ORDER BY t.person_id, t.relative_id)) AS d FROM family_relations t`,
    licences: `SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS d FROM licences t`,
    applications: `SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS d FROM applications t`,
    application_events: `SELECT md5(string_agg((t.application_id, t.person_id, t.from_status, t.to_status, t.actor_user_id, t.actor_role, t.note, t.data, t.occurred_at)::text, '|' ORDER BY t.application_id, t.occurred_at, t.to_status)) AS d FROM application_events t`,
    application_materials: `SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS d FROM application_materials t`,
    uploads: `SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS d FROM uploads t`,
    ratings: `SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS d FROM ratings t`,
    users: `SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS d FROM users t`,
  };
  const out: Record<string, string> = {};
  for (const [table, q] of Object.entries(queries)) out[table] = String((await rows(handle, q))[0]?.d);
  return out;
}

describe("seedDatabase", () => {
  let a: { handle: DbHandle; summary: SeedSummary };

  beforeAll(async () => {
    a = await seeded("alpha");
  });
  afterAll(async () => {
    await a?.handle.close();
  });

  it("seeds the requested number of persons and a year of applications", () => {
    expect(a.summary.persons).toBe(SIZE.persons);
    expect(a.summary.applications).toBe(SIZE.applications);
    expect(a.summary.licences).toBeGreaterThan(SIZE.persons * 2);
    expect(a.summary.events).toBeGreaterThan(SIZE.applications * 3);
  });

  it("is deterministic: the same seed gives the same rows, another seed different ones", async () => {
    const first = await digest(a.handle);
    const again = await seeded("alpha");
    const other = await seeded("beta");
    try {
      expect(await digest(again.handle)).toEqual(first);
      const different = await digest(other.handle);
      for (const table of ["persons", "licences", "applications", "application_events"]) {
        expect(different[table], table).not.toBe(first[table]);
      }
    } finally {
      await again.handle.close();
      await other.handle.close();
    }
  });

  it("gives every person a valid, unique resident ID number", async () => {
    const persons = await rows(a.handle, `SELECT id_number FROM persons`);
    expect(persons).toHaveLength(SIZE.persons);
    for (const p of persons) expect(isValidResidentId(String(p.id_number)), String(p.id_number)).toBe(true);
    for (const id of Object.values(DEMO_ID)) expect(isValidResidentId(id), id).toBe(true);
  });

  it("signs every licence over its stored fields, with a valid GB/T 36904 identifier", async () => {
    const publicKey = publicKeyOf(KEY);
    const licences = await rows(
      a.handle,
      `SELECT l.identifier, t.code AS type_code, l.licence_number, l.holder_name, l.holder_code,
              l.holder_code_type::text AS holder_code_type, l.issuer_code, l.issued_on::text AS issued_on,
              l.valid_from::text AS valid_from, l.valid_until::text AS valid_until, l.version, l.fields::text AS fields,
              l.signature, l.status::text AS status, (l.valid_until < DATE '${TODAY}') AS past_end
       FROM licences l JOIN licence_types t ON t.id = l.licence_type_id`,
    );
    expect(licences.length).toBe(a.summary.licences);
    for (const l of licences) {
      expect(isValidLicenceIdentifier(String(l.identifier)), String(l.identifier)).toBe(true);
      const ok = verifyLicenceSignature(
        {
          identifier: String(l.identifier),
          licenceTypeCode: String(l.type_code),
          licenceNumber: String(l.licence_number),
          holderName: String(l.holder_name),
          holderCode: String(l.holder_code),
          holderCodeType: String(l.holder_code_type),
          issuerCode: String(l.issuer_code),
          issuedOn: String(l.issued_on),
          validFrom: String(l.valid_from),
          validUntil: optText(l.valid_until),
          version: Number(l.version),
          fields: JSON.parse(String(l.fields)) as Record<string, string>,
        },
        String(l.signature),
        publicKey,
      );
      expect(ok, String(l.identifier)).toBe(true);
      // A licence past its end date is never shown as valid.
      if (l.past_end === true) expect(l.status).not.toBe("valid");
    }
    const statuses = new Set(licences.map((l) => l.status));
    for (const s of ["valid", "expired", "revoked", "superseded"]) expect(statuses.has(s), s).toBe(true);
  });

  it("creates every demo account with the documented household facts", async () => {
    const users = await rows(
      a.handle,
      `SELECT u.role::text AS role, u.staff_no, p.id_number FROM users u LEFT JOIN persons p ON p.id = u.person_id`,
    );
    const logins = new Set(users.map((u) => String(u.staff_no ?? u.id_number)));
    for (const account of DEMO_ACCOUNTS) expect(logins.has(account.login), account.login).toBe(true);
    expect(DEMO_ACCOUNTS).toHaveLength(DEMO_CITIZENS.length + STAFF.length);

    const holdings = async (personId: string) =>
      new Set(
        (
          await rows(
            a.handle,
            `SELECT t.key FROM licences l JOIN licence_types t ON t.id = l.licence_type_id
             WHERE l.holder_person_id = '${personId}' AND l.status = 'valid'`,
          )
        ).map((r) => String(r.key)),
      );

    // The newborn: 20 days old, birth certificate, no hukou, no ID card, no vaccination yet.
    const [newborn] = await rows(
      a.handle,
      `SELECT birth_date::text AS birth_date, hukou_division_code, (DATE '${TODAY}' - birth_date) AS age_days
       FROM persons WHERE id = '${demoPersonId("newborn")}'`,
    );
    expect(newborn).toBeDefined();
    expect(newborn?.hukou_division_code).toBeNull();
    expect(Number(newborn?.age_days)).toBe(20);
    const baby = await holdings(demoPersonId("newborn"));
    expect(baby.has("birth_medical_certificate")).toBe(true);
    expect(baby.has("household_register")).toBe(false);
    expect(baby.has("resident_id_card")).toBe(false);
    expect(baby.has("vaccination_certificate")).toBe(false);
    const [family] = await rows(
      a.handle,
      `SELECT count(*)::int AS n FROM family_relations WHERE relative_id = '${demoPersonId("newborn")}' AND relation = 'child'`,
    );
    expect(family?.n).toBe(2);

    const mother = await holdings(demoPersonId("liXiaomei"));
    for (const k of ["resident_id_card", "household_register", "marriage_certificate", "social_insurance_record", "medical_insurance_record"]) {
      expect(mother.has(k), k).toBe(true);
    }

    // Turning 60 without an elderly card; her husband has one.
    expect((await holdings(demoPersonId("zhangXiuying"))).has("elderly_card")).toBe(false);
    expect((await holdings(demoPersonId("liuGuoping"))).has("elderly_card")).toBe(true);

    // The six-year-old has no admission notice yet; the migrant no residence permit.
    const son = await holdings(demoPersonId("wangXiaoming"));
    expect(son.has("vaccination_certificate")).toBe(true);
    expect(son.has("school_admission_notice")).toBe(false);
    const migrant = await holdings(demoPersonId("huangWei"));
    expect(migrant.has("rental_registration")).toBe(true);
    expect(migrant.has("residence_permit")).toBe(false);
    expect((await holdings(demoPersonId("zhouMin"))).has("unemployment_certificate")).toBe(false);
    // 就业一件事: the employer filed the contract's end; he has not registered as unemployed. 周敏's
    // employer filed nothing (her filing shows the upload the register cannot replace).
    const jobseeker = await holdings(demoPersonId("zhengKai"));
    expect(jobseeker.has("labour_contract_termination")).toBe(true);
    expect(jobseeker.has("unemployment_certificate")).toBe(false);
    expect((await holdings(demoPersonId("zhouMin"))).has("labour_contract_termination")).toBe(false);
  });

  it("never files a demo household's journey in the history, nor before its subject was born", async () => {
    // Only the demo citizens' own certificate prints: anything else (the father filing the
    // newborn's registration, the mother the son's school place) would use up a headline journey.
    const household = DEMO_HOUSEHOLDS.flatMap((h) => h.members.map((m) => `'${demoPersonId(m.key)}'`)).join(", ");
    const foreign = await rows(
      a.handle,
      `SELECT a.number, s.code FROM applications a JOIN services s ON s.id = a.service_id
        WHERE (a.applicant_person_id IN (${household}) OR a.subject_person_id IN (${household}))
          AND s.code NOT IN ('social_insurance_record_print', 'medical_insurance_record_print')`,
    );
    expect(foreign).toEqual([]);
    const unborn = await rows(
      a.handle,
      `SELECT a.number FROM applications a JOIN persons p ON p.id = coalesce(a.subject_person_id, a.applicant_person_id)
        WHERE (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date < p.birth_date`,
    );
    expect(unborn).toEqual([]);
  });

  it("keeps application rows consistent with their event timelines", async () => {
    const mismatched = await rows(
      a.handle,
      `SELECT a.number FROM applications a
       JOIN LATERAL (SELECT to_status, occurred_at FROM application_events e
                     WHERE e.application_id = a.id ORDER BY occurred_at DESC, id DESC LIMIT 1) last ON true
       WHERE last.to_status <> a.status OR last.occurred_at <> a.updated_at
          OR a.submitted_at IS NULL OR a.updated_at >= TIMESTAMPTZ '${TODAY} 00:00:00+08'`,
    );
    expect(mismatched).toEqual([]);
    const [seq] = await rows(a.handle, `SELECT last_value::int AS v FROM application_number_seq`);
    const [max] = await rows(a.handle, `SELECT max(right(number, 8)::int) AS v FROM applications`);
    expect(seq?.v).toBe(max?.v);
  });
});
