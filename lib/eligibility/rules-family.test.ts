import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle, Executor } from "@/db/client";
import type { NewPerson } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createLicence } from "@/lib/testing/factories";
import { countEligibleForService, listEligibleForService } from "./list-eligible-for-service";
import { intakeOf } from "./compile";
import { applyFor, childOf, eligibleFor, phrasesOf, resident, ruleKeys, ruleOf, setUpCatalogue, type RuleKey } from "./test-setup";

const TODAY = "2026-11-22";
const NEWBORN = "2026-11-02";

type Ctx = { db: Executor; services: Record<RuleKey, string>; parentId: string; otherParentId: string; childId: string };
type Case = {
  name: string;
  rule: RuleKey;
  today?: string;
  parent?: Partial<NewPerson>;
  child: Partial<NewPerson>;
  given?: (ctx: Ctx) => Promise<unknown>;
  /** Eligible or not (null) and, when eligible, a clause ("ageUnder.yes", or a criterion's any) the generated reason must contain. */
  expected: { phrase: string; params?: Record<string, unknown> } | null;
};

const childLicence = (typeKey: string, status: "valid" | "revoked" = "valid") =>
  ({ db, childId }: Ctx) => createLicence(db, { holderPersonId: childId, typeKey, status });
const otherParentApplied = (rule: RuleKey, status: "submitted" | "completed" | "withdrawn" = "submitted") =>
  ({ db, services, otherParentId, childId }: Ctx) => applyFor(db, services[rule], otherParentId, { subject: childId, status });
const withBirthCertificate = childLicence("birth_medical_certificate");
const migrantParent = { hukouDivisionCode: "430102", residenceDivisionCode: "440306" } as const;

const cases: Case[] = [
  // 小学一年级入学: born 1 Sep (Y−7) … 31 Aug (Y−6) for the intake of year Y.
  { name: "6 on 31 August of next year's intake", rule: "primary_school_enrolment", child: { birthDate: "2021-08-31" }, expected: { phrase: "ageByCutoff.ahead", params: { year: 2027, date: "2027-08-31" } } },
  { name: "6 on 1 September belongs to the intake after", rule: "primary_school_enrolment", child: { birthDate: "2021-09-01" }, expected: null },
  { name: "oldest of the intake (born 1 September)", rule: "primary_school_enrolment", child: { birthDate: "2020-09-01" }, expected: { phrase: "ageByCutoff.yes", params: { year: 2027, date: "2026-09-01" } } },
  { name: "born 31 August a year earlier: this autumn's intake has passed", rule: "primary_school_enrolment", child: { birthDate: "2020-08-31" }, expected: null },
  { name: "on 31 August itself the current intake still runs", rule: "primary_school_enrolment", today: "2026-08-31", child: { birthDate: "2020-08-31" }, expected: { phrase: "ageByCutoff.yes", params: { year: 2026 } } },
  { name: "from 1 September the next intake counts", rule: "primary_school_enrolment", today: "2026-09-01", child: { birthDate: "2020-08-31" }, expected: null },
  { name: "from 1 September, a child born 31 August of the next cohort", rule: "primary_school_enrolment", today: "2026-09-01", child: { birthDate: "2021-08-31" }, expected: { phrase: "ageByCutoff", params: { year: 2027 } } },
  { name: "born 29 Feb: sixth birthday falls on 28 Feb", rule: "primary_school_enrolment", today: "2026-02-27", child: { birthDate: "2020-02-29" }, expected: { phrase: "ageByCutoff.ahead", params: { year: 2026, date: "2026-02-28" } } },
  { name: "born 29 Feb: 6 on 28 Feb of a common year", rule: "primary_school_enrolment", today: "2026-02-28", child: { birthDate: "2020-02-29" }, expected: { phrase: "ageByCutoff.yes" } },
  { name: "child living outside Shenzhen", rule: "primary_school_enrolment", child: { birthDate: "2021-03-15", residenceDivisionCode: "430102" }, expected: null },
  { name: "admission notice already issued", rule: "primary_school_enrolment", child: { birthDate: "2021-03-15" }, given: childLicence("school_admission_notice"), expected: null },
  { name: "the other parent has applied", rule: "primary_school_enrolment", child: { birthDate: "2021-03-15" }, given: otherParentApplied("primary_school_enrolment"), expected: null },
  { name: "the other parent withdrew", rule: "primary_school_enrolment", child: { birthDate: "2021-03-15" }, given: otherParentApplied("primary_school_enrolment", "withdrawn"), expected: { phrase: "ageByCutoff" } },

  // 新生儿入户
  { name: "20-day-old with birth certificate, parent with Shenzhen hukou", rule: "newborn_hukou", child: { birthDate: NEWBORN }, given: withBirthCertificate, expected: { phrase: "ageUnder.yes", params: { birthDate: NEWBORN } } },
  { name: "parent's hukou elsewhere", rule: "newborn_hukou", parent: migrantParent, child: { birthDate: NEWBORN }, given: withBirthCertificate, expected: null },
  { name: "no birth certificate yet", rule: "newborn_hukou", child: { birthDate: NEWBORN }, expected: null },
  { name: "a revoked birth certificate", rule: "newborn_hukou", child: { birthDate: NEWBORN }, given: childLicence("birth_medical_certificate", "revoked"), expected: null },
  { name: "already registered", rule: "newborn_hukou", child: { birthDate: NEWBORN, hukouDivisionCode: "440304" }, given: withBirthCertificate, expected: null },
  { name: "one year old today", rule: "newborn_hukou", child: { birthDate: "2025-11-22" }, given: withBirthCertificate, expected: null },
  { name: "one year old tomorrow", rule: "newborn_hukou", child: { birthDate: "2025-11-23" }, given: withBirthCertificate, expected: { phrase: "ageUnder.yes" } },
  { name: "born 29 Feb, 27 Feb next year", rule: "newborn_hukou", today: "2025-02-27", child: { birthDate: "2024-02-29" }, given: withBirthCertificate, expected: { phrase: "ageUnder.yes" } },
  { name: "born 29 Feb, one year old on 28 Feb", rule: "newborn_hukou", today: "2025-02-28", child: { birthDate: "2024-02-29" }, given: withBirthCertificate, expected: null },

  // 新生儿参保, 预防接种证, 社保卡, 出生医学证明
  { name: "uninsured newborn", rule: "newborn_medical_insurance", child: { birthDate: NEWBORN }, expected: { phrase: "ageUnder.yes" } },
  { name: "newborn already insured", rule: "newborn_medical_insurance", child: { birthDate: NEWBORN, insuranceStatus: "resident" }, expected: null },
  { name: "migrant parent without insurance or permit", rule: "newborn_medical_insurance", parent: { ...migrantParent, insuranceStatus: "none" }, child: { birthDate: NEWBORN }, expected: null },
  { name: "migrant parent insured here", rule: "newborn_medical_insurance", parent: migrantParent, child: { birthDate: NEWBORN }, expected: { phrase: "ageUnder.yes" } },
  { name: "enrolment record already in the library", rule: "newborn_medical_insurance", child: { birthDate: NEWBORN }, given: childLicence("medical_insurance_record"), expected: null },
  { name: "newborn without a vaccination certificate", rule: "vaccination_certificate", child: { birthDate: NEWBORN }, expected: { phrase: "ageUnder.yes" } },
  { name: "vaccination certificate held", rule: "vaccination_certificate", child: { birthDate: NEWBORN }, given: childLicence("vaccination_certificate"), expected: null },
  { name: "newborn without a social security card", rule: "newborn_social_security_card", child: { birthDate: NEWBORN }, expected: { phrase: "ageUnder.yes" } },
  { name: "social security card held", rule: "newborn_social_security_card", child: { birthDate: NEWBORN }, given: childLicence("social_security_card"), expected: null },
  { name: "newborn without a birth certificate", rule: "birth_medical_certificate", child: { birthDate: NEWBORN }, expected: { phrase: "ageUnder.yes" } },
  { name: "birth certificate held", rule: "birth_medical_certificate", child: { birthDate: NEWBORN }, given: withBirthCertificate, expected: null },
  { name: "registered child had one (hukou needs it)", rule: "birth_medical_certificate", child: { birthDate: NEWBORN, hukouDivisionCode: "440304" }, expected: null },

  // 生育津贴
  { name: "insured mother of a 3-month-old", rule: "maternity_allowance", child: { birthDate: "2026-08-20" }, expected: { phrase: "ageUnder.yes", params: { birthDate: "2026-08-20" } } },
  { name: "a father", rule: "maternity_allowance", parent: { sex: "male" }, child: { birthDate: "2026-08-20" }, expected: null },
  { name: "mother with resident (not employee) insurance", rule: "maternity_allowance", parent: { insuranceStatus: "resident" }, child: { birthDate: "2026-08-20" }, expected: null },
  { name: "child born 13 months ago", rule: "maternity_allowance", child: { birthDate: "2025-10-20" }, expected: null },
  { name: "allowance already paid", rule: "maternity_allowance", child: { birthDate: "2026-08-20" },
    given: ({ db, services, parentId, childId }) => applyFor(db, services.maternity_allowance, parentId, { subject: childId, status: "completed" }), expected: null },
];

describe("family rules", () => {
  let handle: DbHandle;
  let services: Record<RuleKey, string>;
  beforeAll(async () => {
    handle = await createTestDatabase();
    services = await setUpCatalogue(handle.db);
  });
  afterAll(async () => handle.close());

  it.each(cases)("$rule: $name", async ({ rule, today = TODAY, parent, child, given, expected }) => {
    const db = handle.db;
    const mother = await resident(db, { birthDate: "1992-05-12", sex: "female", ...parent });
    const father = await resident(db, { birthDate: "1990-08-03", sex: "male" });
    const c = await childOf(db, [mother.id, father.id], child);
    await given?.({ db, services, parentId: mother.id, otherParentId: father.id, childId: c.id });
    const rows = await eligibleFor(db, services, rule, mother.id, today);
    if (!expected) return expect(rows).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ serviceId: services[rule], personId: mother.id, subjectPersonId: c.id });
    const phrase = phrasesOf(rule, rows[0], today).find((x) => x.key === expected.phrase || x.key.startsWith(`${expected.phrase}.`));
    expect(phrase, expected.phrase).toBeDefined();
    if (expected.params) expect(phrase?.values).toMatchObject(expected.params);
  });

  it("computes the intake year from the 31 August cut-off", () => {
    expect(intakeOf("2026-08-31", 6, "08-31")).toEqual({ year: 2026, bornFrom: "2019-09-01", bornTo: "2020-08-31" });
    expect(intakeOf("2026-09-01", 6, "08-31")).toEqual({ year: 2027, bornFrom: "2020-09-01", bornTo: "2021-08-31" });
    // Another cutoff and age: 3 by 1 March (a kindergarten intake), leap years included.
    expect(intakeOf("2026-03-01", 3, "03-01")).toEqual({ year: 2026, bornFrom: "2022-03-02", bornTo: "2023-03-01" });
    expect(intakeOf("2024-03-02", 3, "02-28")).toEqual({ year: 2025, bornFrom: "2021-03-01", bornTo: "2022-02-28" });
  });

  it("never attributes another family's child, and tells both parents about their own", async () => {
    const db = handle.db;
    const [mother, father, neighbour] = await Promise.all([
      resident(db, { birthDate: "1992-01-01" }),
      resident(db, { birthDate: "1991-01-01", sex: "male" }),
      resident(db, { birthDate: "1992-01-01" }),
    ]);
    const baby = await childOf(db, [mother.id, father.id], { birthDate: NEWBORN });
    await createLicence(db, { holderPersonId: baby.id, typeKey: "birth_medical_certificate" });
    for (const rule of ruleKeys) expect(await eligibleFor(db, services, rule, neighbour.id, TODAY)).toEqual([]);
    const whoIsTold = async (rule: RuleKey) => {
      const all = await listEligibleForService(db, ruleOf(services, rule), { today: TODAY, limit: 1000 });
      return all.filter((r) => r.subjectPersonId === baby.id).map((r) => r.personId).sort();
    };
    expect(await whoIsTold("newborn_hukou")).toEqual([mother.id, father.id].sort());
    expect(await whoIsTold("maternity_allowance")).toEqual([mother.id]);
  });

  it("pages set-wise in (person, subject) order without gaps or repeats, and counts the same set", async () => {
    const db = handle.db;
    const parent = await resident(db, { birthDate: "1990-01-01" });
    await childOf(db, [parent.id], { birthDate: NEWBORN });
    await childOf(db, [parent.id], { birthDate: NEWBORN }); // twins: two rows for one applicant
    const total = await countEligibleForService(db, ruleOf(services, "vaccination_certificate"), { today: TODAY });
    const seen: string[] = [];
    let after: { afterPersonId?: string; afterSubjectPersonId?: string } = {};
    for (;;) {
      const page = await listEligibleForService(db, ruleOf(services, "vaccination_certificate"), { today: TODAY, limit: 3, ...after });
      seen.push(...page.map((r) => `${r.personId}/${r.subjectPersonId}`));
      const last = page.at(-1);
      if (!last || page.length < 3) break;
      after = { afterPersonId: last.personId, afterSubjectPersonId: last.subjectPersonId };
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
    expect(seen.filter((s) => s.startsWith(parent.id))).toHaveLength(2);
  });
});
