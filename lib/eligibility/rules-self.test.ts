import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle, Executor } from "@/db/client";
import type { NewPerson } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createLicence, relate } from "@/lib/testing/factories";
import { applyFor, eligibleFor, phrasesOf, resident, setUpCatalogue, type RuleKey } from "./test-setup";

const TODAY = "2026-11-22";

type Ctx = { db: Executor; services: Record<RuleKey, string>; personId: string };
type Case = {
  name: string;
  rule: RuleKey;
  today?: string;
  person: Partial<NewPerson>;
  given?: (ctx: Ctx) => Promise<unknown>;
  /** Eligible or not (null) and, when eligible, a clause the generated reason must contain. */
  expected: { phrase: string; params?: Record<string, unknown> } | null;
};

const licence = (typeKey: string, extra: { status?: "valid" | "revoked" | "superseded"; validUntil?: string | null } = {}) =>
  ({ db, personId }: Ctx) => createLicence(db, { holderPersonId: personId, typeKey, ...extra });
const application = (rule: RuleKey, status: "submitted" | "completed" | "withdrawn" | "rejected" | "draft", completedAt?: Date) =>
  ({ db, services, personId }: Ctx) => applyFor(db, services[rule], personId, { status, completedAt });
const migrant = { hukouDivisionCode: "430102", residenceDivisionCode: "440306" } as const;

const cases: Case[] = [
  // 老年人优待证: the 60th birthday decides, with a one-month lead.
  { name: "turning 60 today", rule: "elderly_card", person: { birthDate: "1966-11-22" }, expected: { phrase: "ageAtLeast.yes", params: { date: "2026-11-22" } } },
  { name: "turning 60 tomorrow", rule: "elderly_card", person: { birthDate: "1966-11-23" }, expected: { phrase: "ageAtLeast.ahead", params: { date: "2026-11-23" } } },
  { name: "turned 60 last year", rule: "elderly_card", person: { birthDate: "1965-11-22" }, expected: { phrase: "ageAtLeast.yes", params: { date: "2025-11-22" } } },
  { name: "turning 60 on 8 December (the demo resident)", rule: "elderly_card", person: { birthDate: "1966-12-08" }, expected: { phrase: "ageAtLeast.ahead", params: { date: "2026-12-08" } } },
  { name: "turning 60 exactly one month ahead", rule: "elderly_card", person: { birthDate: "1966-12-22" }, expected: { phrase: "ageAtLeast.ahead" } },
  { name: "turning 60 a month and a day ahead", rule: "elderly_card", person: { birthDate: "1966-12-23" }, expected: null },
  { name: "born 29 Feb, the day before the leap-year birthday", rule: "elderly_card", today: "2024-02-28", person: { birthDate: "1964-02-29" }, expected: { phrase: "ageAtLeast.ahead", params: { date: "2024-02-29" } } },
  { name: "born 29 Feb, on the leap-year birthday", rule: "elderly_card", today: "2024-02-29", person: { birthDate: "1964-02-29" }, expected: { phrase: "ageAtLeast.yes" } },
  { name: "holds a valid elderly card", rule: "elderly_card", person: { birthDate: "1950-03-01" }, given: licence("elderly_card"), expected: null },
  { name: "a revoked elderly card counts as none", rule: "elderly_card", person: { birthDate: "1950-03-01" }, given: licence("elderly_card", { status: "revoked" }), expected: { phrase: "ageAtLeast.yes" } },
  { name: "a card past valid_until counts as none whatever its status", rule: "elderly_card", person: { birthDate: "1950-03-01" }, given: licence("elderly_card", { validUntil: "2026-11-21" }), expected: { phrase: "ageAtLeast.yes" } },
  { name: "migrant without a residence permit", rule: "elderly_card", person: { birthDate: "1950-03-01", ...migrant }, expected: null },
  { name: "migrant with a valid residence permit", rule: "elderly_card", person: { birthDate: "1950-03-01", ...migrant }, given: licence("residence_permit", { validUntil: "2027-01-31" }), expected: { phrase: "ageAtLeast.yes" } },
  { name: "an open application suppresses", rule: "elderly_card", person: { birthDate: "1950-03-01" }, given: application("elderly_card", "submitted"), expected: null },
  { name: "a draft suppresses", rule: "elderly_card", person: { birthDate: "1950-03-01" }, given: application("elderly_card", "draft"), expected: null },
  { name: "a completed application suppresses", rule: "elderly_card", person: { birthDate: "1950-03-01" }, given: application("elderly_card", "completed"), expected: null },
  { name: "a withdrawn application does not", rule: "elderly_card", person: { birthDate: "1950-03-01" }, given: application("elderly_card", "withdrawn"), expected: { phrase: "ageAtLeast.yes" } },
  { name: "a rejected application does not", rule: "elderly_card", person: { birthDate: "1950-03-01" }, given: application("elderly_card", "rejected"), expected: { phrase: "ageAtLeast.yes" } },

  // 高龄津贴
  { name: "80 today with Shenzhen hukou", rule: "high_age_allowance", person: { birthDate: "1946-11-22" }, expected: { phrase: "ageAtLeast.yes", params: { years: 80, date: "2026-11-22" } } },
  { name: "80 tomorrow", rule: "high_age_allowance", person: { birthDate: "1946-11-23" }, expected: null },
  { name: "80 with hukou elsewhere", rule: "high_age_allowance", person: { birthDate: "1940-01-01", hukouDivisionCode: "430102" }, expected: null },
  { name: "allowance already granted", rule: "high_age_allowance", person: { birthDate: "1940-01-01" }, given: application("high_age_allowance", "completed"), expected: null },

  // 居住证
  { name: "migrant resident for exactly six months", rule: "residence_permit", person: { birthDate: "1995-07-07", ...migrant, residenceSince: "2026-05-22" }, expected: { phrase: "residentFor.yes", params: { since: "2026-05-22" } } },
  { name: "migrant resident for six months less a day", rule: "residence_permit", person: { birthDate: "1995-07-07", ...migrant, residenceSince: "2026-05-23" }, expected: null },
  { name: "an expired permit counts as none", rule: "residence_permit", person: { birthDate: "1995-07-07", ...migrant }, given: licence("residence_permit", { validUntil: "2026-11-21" }), expected: { phrase: "residentFor.yes" } },
  { name: "a permit valid until today still counts", rule: "residence_permit", person: { birthDate: "1995-07-07", ...migrant }, given: licence("residence_permit", { validUntil: TODAY }), expected: null },
  { name: "a permit granted two years ago, now expired: renewal", rule: "residence_permit", person: { birthDate: "1995-07-07", ...migrant },
    given: async (ctx) => { await licence("residence_permit", { validUntil: "2025-10-01" })(ctx); await application("residence_permit", "completed", new Date("2024-10-01T03:00:00Z"))(ctx); },
    expected: { phrase: "residentFor.yes" } },
  { name: "a permit application completed last month (licence not yet in the library)", rule: "residence_permit", person: { birthDate: "1995-07-07", ...migrant }, given: application("residence_permit", "completed", new Date("2026-10-20T03:00:00Z")), expected: null },
  { name: "no hukou yet is not a migrant", rule: "residence_permit", person: { birthDate: "1995-07-07", ...migrant, hukouDivisionCode: null }, expected: null },
  { name: "Shenzhen hukou", rule: "residence_permit", person: { birthDate: "1995-07-07", residenceDivisionCode: "440306" }, expected: null },
  { name: "a 15-year-old is not pushed", rule: "residence_permit", person: { birthDate: "2011-11-23", ...migrant }, expected: null },

  // 失业登记
  { name: "unemployed woman of 41", rule: "unemployment_registration", person: { birthDate: "1985-10-21", employmentStatus: "unemployed" }, expected: { phrase: "employment.yes" } },
  { name: "employed", rule: "unemployment_registration", person: { birthDate: "1985-10-21" }, expected: null },
  { name: "unemployed, 16 today", rule: "unemployment_registration", person: { birthDate: "2010-11-22", employmentStatus: "unemployed" }, expected: { phrase: "employment.yes" } },
  { name: "unemployed, 16 tomorrow", rule: "unemployment_registration", person: { birthDate: "2010-11-23", employmentStatus: "unemployed" }, expected: null },
  { name: "man born March 1965, the day before his reformed retirement (60 + 1 month)", rule: "unemployment_registration", today: "2025-04-09", person: { birthDate: "1965-03-10", sex: "male", employmentStatus: "unemployed" }, expected: { phrase: "employment.yes" } },
  { name: "man born March 1965, on his retirement day", rule: "unemployment_registration", today: "2025-04-10", person: { birthDate: "1965-03-10", sex: "male", employmentStatus: "unemployed" }, expected: null },
  { name: "woman born May 1975, the day before 55 + 17 months", rule: "unemployment_registration", today: "2031-10-14", person: { birthDate: "1975-05-15", employmentStatus: "unemployed" }, expected: { phrase: "employment.yes" } },
  { name: "woman born May 1975, at 55 + 17 months", rule: "unemployment_registration", today: "2031-10-15", person: { birthDate: "1975-05-15", employmentStatus: "unemployed" }, expected: null },
  { name: "already registered (valid certificate)", rule: "unemployment_registration", person: { birthDate: "1985-10-21", employmentStatus: "unemployed" }, given: licence("unemployment_certificate"), expected: null },
  { name: "migrant without a residence permit", rule: "unemployment_registration", person: { birthDate: "1985-10-21", employmentStatus: "unemployed", ...migrant }, expected: null },
];

describe("self rules", () => {
  let handle: DbHandle;
  let services: Record<RuleKey, string>;
  beforeAll(async () => {
    handle = await createTestDatabase();
    services = await setUpCatalogue(handle.db);
  });
  afterAll(async () => handle.close());

  it.each(cases)("$rule: $name", async ({ rule, today = TODAY, person, given, expected }) => {
    const p = await resident(handle.db, person);
    await given?.({ db: handle.db, services, personId: p.id });
    const rows = await eligibleFor(handle.db, services, rule, p.id, today);
    if (!expected) return expect(rows).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ serviceId: services[rule], personId: p.id, subjectPersonId: p.id });
    const phrase = phrasesOf(rule, rows[0], today).find((x) => x.key === expected.phrase);
    expect(phrase, expected.phrase).toBeDefined();
    if (expected.params) expect(phrase?.values).toMatchObject(expected.params);
  });

  it("a relative's application on the elder's behalf suppresses", async () => {
    const elder = await resident(handle.db, { birthDate: "1950-03-01" });
    const daughter = await resident(handle.db, { birthDate: "1978-05-01" });
    await relate(handle.db, elder.id, daughter.id);
    expect(await eligibleFor(handle.db, services, "elderly_card", elder.id, TODAY)).toHaveLength(1);
    await applyFor(handle.db, services.elderly_card, daughter.id, { subject: elder.id });
    expect(await eligibleFor(handle.db, services, "elderly_card", elder.id, TODAY)).toEqual([]);
  });
});
