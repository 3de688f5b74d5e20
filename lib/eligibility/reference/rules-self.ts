/**
 * Reference (test oracle, see types.ts). Rules where the resident applies for themselves: subject = applicant. Each follows the
 * "who may apply" text of its catalogue entry (db/seed/catalogue-services-*.ts).
 */
import { sql, type SQL } from "drizzle-orm";
import type { CandidateParams, EligibilityRule } from "./types";
import { reason } from "./reason";
import {
  ageOn,
  agedAtLeast,
  anniversary,
  day,
  holdsValidLicence,
  inShenzhen,
  iso,
  retirementDay,
} from "../sql-fragments";

const birth = sql`p.birth_date`;
const onlySelf = (personId?: string): SQL => (personId ? sql`AND p.id = ${personId}::uuid` : sql``);

/** Shenzhen hukou, or a valid Shenzhen residence permit: the residency test several services share. */
const livesHereLawfully = (on: SQL): SQL =>
  sql`(${inShenzhen(sql`p.hukou_division_code`)} OR ${holdsValidLicence(sql`p.id`, "residence_permit", on)})`;

/**
 * 老年人优待证: 60 or over with Shenzhen hukou or a valid residence permit. Residents whose
 * 60th birthday is at most one month away are told ahead (the window always covers the rest
 * of the current month), so the card can be ready on the day; the reason says which case.
 */
export const elderlyCard: EligibilityRule = {
  key: "elderly_card",
  candidates: ({ today, personId }: CandidateParams) => {
    const on = day(today);
    const turns60 = anniversary(birth, 60);
    return sql`SELECT p.id AS person_id, p.id AS subject_person_id,
        CASE WHEN ${turns60} <= ${on} THEN ${reason("elderlyAged")} ELSE ${reason("elderlyTurning")} END AS reason_key,
        jsonb_build_object('date', ${iso(turns60)}) AS reason_params
      FROM persons p
      WHERE ${agedAtLeast(birth, 60, sql`(${on} + interval '1 month')::date`)}
        AND ${livesHereLawfully(on)} ${onlySelf(personId)}`;
  },
};

/** 高龄津贴: Shenzhen hukou and 80 or over (no lead time: the allowance starts at 80). */
export const highAgeAllowance: EligibilityRule = {
  key: "high_age_allowance",
  candidates: ({ today, personId }: CandidateParams) => {
    const on = day(today);
    return sql`SELECT p.id AS person_id, p.id AS subject_person_id, ${reason("highAge")} AS reason_key,
        jsonb_build_object('age', ${ageOn(birth, on)}, 'date', ${iso(anniversary(birth, 80))}) AS reason_params
      FROM persons p
      WHERE ${agedAtLeast(birth, 80, on)} AND ${inShenzhen(sql`p.hukou_division_code`)} ${onlySelf(personId)}`;
  },
};

/**
 * 居住证: living in Shenzhen for at least six months with a hukou elsewhere (a null hukou is an
 * unregistered newborn, not a migrant). Under-16s may have one applied for by a guardian but
 * need not, so they are not pushed. The employment/housing/study condition is checked by the
 * clerk; almost every adult resident of six months meets one of them.
 */
export const residencePermit: EligibilityRule = {
  key: "residence_permit",
  candidates: ({ today, personId }: CandidateParams) => {
    const on = day(today);
    return sql`SELECT p.id AS person_id, p.id AS subject_person_id, ${reason("residencePermit")} AS reason_key,
        jsonb_build_object('since', ${iso(sql`p.residence_since`)}) AS reason_params
      FROM persons p
      WHERE p.hukou_division_code IS NOT NULL AND NOT ${inShenzhen(sql`p.hukou_division_code`)}
        AND ${inShenzhen(sql`p.residence_division_code`)}
        AND (p.residence_since + interval '6 months')::date <= ${on}
        AND ${agedAtLeast(birth, 16, on)} ${onlySelf(personId)}`;
  },
};

/** 基本养老金申领: past the statutory retirement day, insured as an employee for at least 15 years. */
export const pensionClaim: EligibilityRule = {
  key: "pension_claim",
  candidates: ({ today, personId }: CandidateParams) => {
    const on = day(today);
    return sql`SELECT p.id AS person_id, p.id AS subject_person_id, ${reason("pension")} AS reason_key,
        jsonb_build_object('date', ${iso(retirementDay(birth, sql`p.sex`))}) AS reason_params
      FROM persons p
      WHERE ${retirementDay(birth, sql`p.sex`)} <= ${on} AND p.insurance_status = 'employee'
        AND p.insurance_months >= 180 ${onlySelf(personId)}`;
  },
};

/**
 * 失业登记: registered as unemployed, of working age (16 to the statutory retirement day), with
 * Shenzhen hukou or a valid residence permit.
 */
export const unemploymentRegistration: EligibilityRule = {
  key: "unemployment_registration",
  candidates: ({ today, personId }: CandidateParams) => {
    const on = day(today);
    const since = sql`(p.employment_updated_at AT TIME ZONE 'Asia/Shanghai')::date`;
    return sql`SELECT p.id AS person_id, p.id AS subject_person_id, ${reason("unemployment")} AS reason_key,
        jsonb_build_object('since', ${iso(since)}) AS reason_params
      FROM persons p
      WHERE p.employment_status = 'unemployed' AND ${agedAtLeast(birth, 16, on)}
        AND ${retirementDay(birth, sql`p.sex`)} > ${on}
        AND ${livesHereLawfully(on)} ${onlySelf(personId)}`;
  },
};
