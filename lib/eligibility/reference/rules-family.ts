/**
 * Reference (test oracle, see types.ts). Rules about a child, applied for by a parent: applicant = each parent the base register
 * links to the child (family_relations child → parent), subject = the child. A child is only
 * ever reached through its own family's rows, so nobody is told about another family's child.
 */
import { sql, type SQL } from "drizzle-orm";
import { agedUnder, anniversary, day, holdsValidLicence, inShenzhen, iso } from "../sql-fragments";
import { reason } from "./reason";
import type { CandidateParams, EligibilityRule } from "./types";

type ReasonKey = string;

const childBirth = sql`c.birth_date`;

/** The select list and joins every child rule shares; `where` is the rule's own policy. */
function childCandidates(key: ReasonKey, { personId }: CandidateParams, where: SQL, extraParams: SQL = sql``): SQL {
  return sql`SELECT r.relative_id AS person_id, c.id AS subject_person_id, ${reason(key)} AS reason_key,
      jsonb_build_object('name', c.name, 'birthDate', ${iso(childBirth)} ${extraParams}) AS reason_params
    FROM persons c
    JOIN family_relations r ON r.person_id = c.id AND r.relation = 'parent'
    JOIN persons parent ON parent.id = r.relative_id
    WHERE ${where} ${personId ? sql`AND r.relative_id = ${personId}::uuid` : sql``}`;
}

/** Under one year old on `today`: the newborn services' window. */
const newborn = (today: string): SQL => agedUnder(childBirth, 1, day(today));

/**
 * 出生医学证明首次签发: born within the last year, living in Shenzhen, none in the library, and
 * no hukou yet (registering a hukou needs the certificate, so a registered child had one).
 */
export const birthMedicalCertificate: EligibilityRule = {
  key: "birth_medical_certificate",
  candidates: (p) =>
    childCandidates(
      "birthCertificate",
      p,
      sql`${newborn(p.today)} AND c.hukou_division_code IS NULL AND ${inShenzhen(sql`c.residence_division_code`)}`,
    ),
};

/** 新生儿入户: under one, holding a birth certificate, no hukou; the applying parent has Shenzhen hukou. */
export const newbornHukou: EligibilityRule = {
  key: "newborn_hukou",
  candidates: (p) =>
    childCandidates(
      "newbornHukou",
      p,
      sql`${newborn(p.today)} AND c.hukou_division_code IS NULL
        AND ${holdsValidLicence(sql`c.id`, "birth_medical_certificate", day(p.today))}
        AND ${inShenzhen(sql`parent.hukou_division_code`)}`,
    ),
};

/**
 * 新生儿参保: under one and not insured (the insurance register says none), with a tie to
 * Shenzhen: the child's or parent's hukou, the parent's own insurance, or a valid residence permit.
 */
export const newbornMedicalInsurance: EligibilityRule = {
  key: "newborn_medical_insurance",
  candidates: (p) =>
    childCandidates(
      "newbornMedicalInsurance",
      p,
      sql`${newborn(p.today)} AND c.insurance_status = 'none'
        AND (${inShenzhen(sql`c.hukou_division_code`)} OR ${inShenzhen(sql`parent.hukou_division_code`)}
          OR parent.insurance_status <> 'none'
          OR ${holdsValidLicence(sql`parent.id`, "residence_permit", day(p.today))})`,
    ),
};

/** 预防接种证: under one, living in Shenzhen, no certificate yet (due within the first month). */
export const vaccinationCertificate: EligibilityRule = {
  key: "vaccination_certificate",
  candidates: (p) =>
    childCandidates("vaccination", p, sql`${newborn(p.today)} AND ${inShenzhen(sql`c.residence_division_code`)}`),
};

/**
 * 新生儿社保卡: under one without a card. Strictly the card follows the ID number and the
 * insurance enrolment; the newborn bundle files all three together, so it is shown from birth
 * and the reason says it follows registration and enrolment.
 */
export const newbornSocialSecurityCard: EligibilityRule = {
  key: "newborn_social_security_card",
  candidates: (p) =>
    childCandidates("newbornSocialSecurityCard", p, sql`${newborn(p.today)} AND ${inShenzhen(sql`c.residence_division_code`)}`),
};

/** 生育津贴: the mother, insured as an employee, of a child born in the last twelve months. */
export const maternityAllowance: EligibilityRule = {
  key: "maternity_allowance",
  candidates: (p) =>
    childCandidates(
      "maternityAllowance",
      p,
      sql`${newborn(p.today)} AND parent.sex = 'female' AND parent.insurance_status = 'employee'`,
    ),
};

/**
 * The autumn intake a child of this age joins: this year's until 31 August, next year's from
 * 1 September. Children born 1 September (Y−7) to 31 August (Y−6) are 6 by 31 August of Y.
 */
export function intakeYearOf(today: string): { year: number; bornFrom: string; bornTo: string } {
  const [y = Number.NaN, m = Number.NaN] = today.split("-").map(Number);
  const year = m <= 8 ? y : y + 1;
  return { year, bornFrom: `${year - 7}-09-01`, bornTo: `${year - 6}-08-31` };
}

/** 小学一年级入学: 6 by 31 August of the coming intake, living in Shenzhen, no admission notice yet. */
export const primarySchoolEnrolment: EligibilityRule = {
  key: "primary_school_enrolment",
  candidates: (p) => {
    const { year, bornFrom, bornTo } = intakeYearOf(p.today);
    const sixth = anniversary(childBirth, 6);
    return childCandidates(
      "schoolEnrolment",
      p,
      sql`c.birth_date BETWEEN ${bornFrom}::date AND ${bornTo}::date AND ${inShenzhen(sql`c.residence_division_code`)}`,
      sql`, 'year', ${String(year)}::text, 'sixthBirthday', ${iso(sixth)},
        'when', CASE WHEN ${sixth} <= ${day(p.today)} THEN 'past' ELSE 'future' END`,
    );
  },
};
