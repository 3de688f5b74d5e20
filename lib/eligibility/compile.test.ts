import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { rowsOf } from "@/db/client";
import { STANDARD_ELIGIBILITY, STANDARD_RULE_KEYS } from "@/db/seed/catalogue-eligibility";
import { seedDatabase } from "@/db/seed";
import { createTestDatabase } from "@/db/testing";
import { signingKeyFromSeed } from "@/lib/licences/signing";
import { compileCandidates } from "./compile";
import { divisionPrefix, parseEligibility } from "./definition-schema";
import { explainReason } from "./explain";
import { referenceRules } from "./reference";
import { loadServiceRules } from "./rules";

describe("the rule language refuses what it cannot compile, with the path", () => {
  const issues = (input: unknown) => {
    const parsed = parseEligibility(input);
    return parsed.ok ? [] : parsed.issues;
  };

  it("accepts every seeded definition and fills defaults", () => {
    for (const key of STANDARD_RULE_KEYS) expect(parseEligibility(STANDARD_ELIGIBILITY[key]).ok, key).toBe(true);
    const parsed = parseEligibility({ for: "self", when: { is: "ageAtLeast", years: 60 } });
    expect(parsed).toEqual({ ok: true, value: { for: "self", when: { is: "ageAtLeast", of: "subject", years: 60, leadMonths: 0 } } });
  });

  it("names the part that is wrong", () => {
    expect(issues({ for: "self", when: { is: "all", rules: [{ is: "ageAtLeast", years: 60 }, { is: "starSign", sign: "leo" }] } })).toEqual([
      expect.objectContaining({ path: "when.rules[1].is" }),
    ]);
    expect(issues({ for: "self", when: { is: "ageAtLeast", years: -1 } })).toEqual([expect.objectContaining({ path: "when.years" })]);
    expect(issues({ for: "self", when: { is: "hukouIn", division: "4403" } })).toEqual([{ path: "when.division", message: "catalogueAdmin.errors.division" }]);
    expect(issues({ for: "self", when: { is: "employment", status: ["astronaut"] } })).toEqual([expect.objectContaining({ path: "when.status[0]" })]);
    expect(issues({ for: "self", when: { is: "ageByCutoff", years: 6, cutoff: "02-29" } })).toEqual([{ path: "when.cutoff", message: "catalogueAdmin.errors.monthDay" }]);
    expect(issues({ for: "self", when: { is: "ageByCutoff", years: 6, cutoff: "04-31" } })).toEqual([{ path: "when.cutoff", message: "catalogueAdmin.errors.monthDay" }]);
    expect(issues({ for: "self", when: { is: "holdsLicence", licence: "x'; DROP TABLE persons; --" } })).toEqual([{ path: "when.licence", message: "catalogueAdmin.errors.licenceKey" }]);
    expect(issues({ for: "self", when: { is: "not", rule: { is: "sex", sex: "female", colour: "red" } } })).toEqual([expect.objectContaining({ path: "when.rule" })]);
    expect(issues({ for: "pets", when: { is: "hukouRegistered" } })).toEqual([expect.objectContaining({ path: "for" })]);
    expect(issues({ for: "self", when: { is: "any", rules: [] } })).toEqual([expect.objectContaining({ path: "when.rules" })]);
    expect(issues({ for: "child", when: { is: "hasChild", where: { is: "ageUnder", years: 3 } } })).toEqual([{ path: "when", message: "catalogueAdmin.errors.childOfChild" }]);
    expect(issues({ for: "self", when: { is: "hasChild", where: { is: "ageUnder", years: 3 }, atLeast: 2, atMost: 1 } })).toEqual([{ path: "when.atMost", message: "catalogueAdmin.errors.countRange" }]);
    let deep: unknown = { is: "hukouRegistered" };
    for (let i = 0; i < 6; i++) deep = { is: "not", rule: deep };
    expect(issues({ for: "self", when: deep })).toEqual([{ path: "when", message: "catalogueAdmin.errors.tooDeep" }]);
    expect(issues("not an object")).toHaveLength(1);
  });

  it("maps division codes to the prefixes they cover", () => {
    expect([divisionPrefix("440000"), divisionPrefix("440300"), divisionPrefix("440304")]).toEqual(["44", "4403", "440304"]);
    expect(() => divisionPrefix("44'; --")).toThrow(RangeError);
  });
});

/**
 * The seeded city, and the days to look at it on: the seed's own, the day before and after
 * the school cutoff, and a leap day (the 29 February birthdays).
 */
const SEED_TODAY = "2026-10-15";
const DAYS = [SEED_TODAY, "2026-08-31", "2026-09-01", "2028-02-29", "2027-01-20"];

type Pair = { person_id: string; subject_person_id: string };
const key = (r: Pair) => `${r.person_id}/${r.subject_person_id}`;

describe("compiled definitions select the residents the hand-written rules did", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDatabase();
    await seedDatabase(h.db, {
      seed: "compile-equivalence",
      persons: 2500,
      applications: 300,
      today: SEED_TODAY,
      signingKey: signingKeyFromSeed("22".repeat(32)),
      passwordHash: "not-a-real-hash",
    });
  }, 240_000);
  afterAll(async () => h.close());

  it("for each of the eleven rules, on every day, set-wise and for one applicant", async () => {
    const rules = new Map((await loadServiceRules(h.db)).map((r) => [r.code, r]));
    const sizes: Record<string, number> = {};
    for (const ruleKey of STANDARD_RULE_KEYS) {
      const stored = rules.get(ruleKey);
      expect(stored, `${ruleKey} is seeded with its definition`).toBeDefined();
      if (!stored) continue;
      expect(stored.definition).toEqual(STANDARD_ELIGIBILITY[ruleKey]);
      for (const today of DAYS) {
        const reference = rowsOf<Pair>(await h.db.execute(sql`SELECT person_id, subject_person_id FROM (${referenceRules[ruleKey].candidates({ today })}) r`));
        const compiled = rowsOf<Pair & { reason: unknown }>(
          await h.db.execute(sql`SELECT person_id, subject_person_id, reason FROM (${compileCandidates(stored.definition, stored.serviceId, { today })}) c`),
        );
        expect(compiled.map(key).sort(), `${ruleKey} on ${today}`).toEqual(reference.map(key).sort());
        sizes[ruleKey] = (sizes[ruleKey] ?? 0) + compiled.length;
        // Every row's reason explains itself: at least one clause, each naming a node of the definition.
        for (const row of compiled.slice(0, 20)) {
          const reason = explainReason(stored.definition, row.reason, { licences: new Map(), divisions: new Map(), services: new Map() }, today);
          expect(reason.phrases.length, `${ruleKey} reason`).toBeGreaterThan(0);
        }
        // Restricted to one applicant, the same rows for that applicant.
        const one = reference[0];
        if (one) {
          const mine = rowsOf<Pair>(
            await h.db.execute(sql`SELECT person_id, subject_person_id FROM (${compileCandidates(stored.definition, stored.serviceId, { today, personId: one.person_id })}) c`),
          );
          expect(mine.map(key).sort()).toEqual(reference.filter((r) => r.person_id === one.person_id).map(key).sort());
        }
      }
    }
    // The comparison is not vacuous: every rule selects somebody on some day of the seeded city.
    for (const ruleKey of STANDARD_RULE_KEYS) expect(sizes[ruleKey] ?? 0, ruleKey).toBeGreaterThan(0);
  }, 120_000);
});
