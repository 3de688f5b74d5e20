/**
 * Automatic eligibility checks (自动比对): what each criterion compares, as data + SQL in one
 * place. The per-application and the set-wise runs both build their statement from these
 * definitions (check-query.ts), so the clerk sees the same result whichever path wrote it.
 *
 * A criterion is evaluated per application row with these aliases in scope:
 *   a  applications          ap  the applicant (persons)     ch  the child (persons; NULL when unknown)
 *   rp the applicant's residence permit in force today, if any (id, valid_until)
 *   si the applicant's social-insurance record in force today, if any (id, months)
 *   ck the check's constants: today (date), intake_year (int)
 * and yields a result ('pass' | 'fail' | 'unknown') and a jsonb detail whose values are
 * strings, numbers, booleans or null (dates as YYYY-MM-DD).
 */
import { sql, type SQL } from "drizzle-orm";

export type CheckCriterion = {
  /** Stored in eligibility_checks.criterion; label key proactive.checks.criteria.<key>. */
  key: string;
  result: SQL;
  detail: SQL;
};

export type CheckDefinition = {
  /** The services whose automatic_checks names this set are checked with these criteria. */
  key: string;
  criteria: readonly CheckCriterion[];
};

/** Months of residence in the school district the intake requires (深圳各区通常要求满一年). */
export const SCHOOL_RESIDENCE_MONTHS = 12;
/** Months of social insurance a non-hukou family needs (continuous contribution). */
export const SCHOOL_INSURANCE_MONTHS = 12;

/** A constant of the definition, inlined (a bare parameter inside jsonb_build_object has no type). */
const n = (value: number): SQL => sql.raw(String(Math.trunc(value)));
const iso = (d: SQL): SQL => sql`to_char(${d}, 'YYYY-MM-DD')`;
/** The last birth date that is 6 by 31 August of the intake year. */
const latestBirth = sql`make_date(ck.intake_year - 6, 8, 31)`;
const district = sql`ap.residence_division_code`;
const livesInShenzhen = sql`coalesce(${district} LIKE '4403%', false)`;
/** Household registration in the school district: the child's, or the applicant's. */
const hukouInDistrict = sql`(coalesce(ch.hukou_division_code = ${district}, false) OR coalesce(ap.hukou_division_code = ${district}, false))`;
/** Full months the applicant has lived at their residence on the check day. */
const monthsResident = sql`(date_part('year', age(ck.today, ap.residence_since)) * 12 + date_part('month', age(ck.today, ap.residence_since)))::int`;
/** Contribution months: the library's record in force, else the insurance register (NULL: no record at all). */
const insuranceMonths = sql`coalesce(si.months, CASE WHEN ap.insurance_status <> 'none' THEN ap.insurance_months::int END)`;

/** 小学一年级入学: the source system's four automatic checks, plus that the child is the applicant's. */
export const primarySchoolEnrolmentChecks: CheckDefinition = {
  key: "primary_school_enrolment",
  criteria: [
    {
      key: "child_age",
      result: sql`CASE WHEN ch.id IS NULL THEN 'unknown' WHEN ch.birth_date <= ${latestBirth} THEN 'pass' ELSE 'fail' END`,
      detail: sql`jsonb_build_object('intakeYear', ck.intake_year, 'latestBirthDate', ${iso(latestBirth)},
        'birthDate', ${iso(sql`ch.birth_date`)}, 'sixthBirthday', ${iso(sql`(ch.birth_date + interval '6 years')::date`)})`,
    },
    {
      key: "child_of_applicant",
      result: sql`CASE WHEN ch.id IS NULL THEN 'unknown'
        WHEN EXISTS (SELECT 1 FROM family_relations fr WHERE fr.person_id = ch.id AND fr.relative_id = ap.id AND fr.relation = 'parent')
        THEN 'pass' ELSE 'fail' END`,
      detail: sql`jsonb_build_object('childFound', ch.id IS NOT NULL)`,
    },
    {
      key: "residence_in_district",
      result: sql`CASE WHEN ch.id IS NULL THEN 'unknown'
        WHEN ${livesInShenzhen} AND ch.residence_division_code = ${district}
          AND ${monthsResident} >= ${n(SCHOOL_RESIDENCE_MONTHS)} THEN 'pass' ELSE 'fail' END`,
      detail: sql`jsonb_build_object('district', ${district}, 'childDistrict', ch.residence_division_code,
        'since', ${iso(sql`ap.residence_since`)}, 'months', ${monthsResident}, 'requiredMonths', ${n(SCHOOL_RESIDENCE_MONTHS)})`,
    },
    {
      key: "hukou_or_residence_permit",
      result: sql`CASE WHEN ${hukouInDistrict} OR rp.id IS NOT NULL THEN 'pass'
        WHEN ap.hukou_division_code IS NULL THEN 'unknown' ELSE 'fail' END`,
      detail: sql`jsonb_build_object('basis', CASE WHEN ${hukouInDistrict} THEN 'hukou' WHEN rp.id IS NOT NULL THEN 'residence_permit' ELSE 'none' END,
        'district', ${district}, 'hukouDivision', coalesce(ch.hukou_division_code, ap.hukou_division_code),
        'licenceId', CASE WHEN NOT ${hukouInDistrict} THEN rp.id::text END, 'validUntil', ${iso(sql`rp.valid_until`)})`,
    },
    {
      key: "social_insurance_months",
      result: sql`CASE WHEN ${hukouInDistrict} THEN 'pass' WHEN ${insuranceMonths} IS NULL THEN 'unknown'
        WHEN ${insuranceMonths} >= ${n(SCHOOL_INSURANCE_MONTHS)} THEN 'pass' ELSE 'fail' END`,
      detail: sql`jsonb_build_object('required', NOT ${hukouInDistrict}, 'months', ${insuranceMonths},
        'requiredMonths', ${n(SCHOOL_INSURANCE_MONTHS)}, 'source', CASE WHEN si.id IS NOT NULL THEN 'library' WHEN ${insuranceMonths} IS NOT NULL THEN 'register' END,
        'licenceId', CASE WHEN NOT ${hukouInDistrict} THEN si.id::text END)`,
    },
  ],
};

export const checkDefinitions: readonly CheckDefinition[] = [primarySchoolEnrolmentChecks];

export function checkDefinitionFor(key: string | null): CheckDefinition | undefined {
  return checkDefinitions.find((d) => d.key === key);
}

/** Whether a set of automatic checks of this name exists (what services.automatic_checks may say). */
export function hasCheckSet(key: string): boolean {
  return checkDefinitions.some((d) => d.key === key);
}
