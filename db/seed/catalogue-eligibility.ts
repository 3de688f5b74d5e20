/**
 * Who the seeded services are for, in the eligibility rule language
 * (lib/eligibility/definition-schema.ts). These are data: the seed writes each into its
 * service's `eligibility`, a catalogue manager may change them, and each follows the "who may
 * apply" text of its catalogue entry (catalogue-services-*.ts). Until this round they were
 * hand-written SQL; lib/eligibility/compile.test.ts checks that the compiled form of each
 * selects the same residents as that SQL (kept in lib/eligibility/reference/) on a seeded city.
 */
import { eligibilityOrThrow, type EligibilityDefinition, type EligibilityDefinitionInput } from "@/lib/eligibility/definition-schema";

/** 深圳市 (GB/T 2260). */
const SHENZHEN = "440300";

const newborn = { is: "ageUnder", years: 1 } as const;
/** Shenzhen hukou, or a valid Shenzhen residence permit: the residency test several services share. */
const livesHereLawfully = {
  is: "any",
  rules: [
    { is: "hukouIn", division: SHENZHEN },
    { is: "holdsLicence", licence: "residence_permit" },
  ],
} as const;

const DEFINITIONS = {
  /** 出生医学证明首次签发: born within the last year, living in Shenzhen, no hukou yet (registering one needs the certificate). */
  birth_medical_certificate: {
    for: "child",
    when: { is: "all", rules: [newborn, { is: "not", rule: { is: "hukouRegistered" } }, { is: "residesIn", division: SHENZHEN }] },
    benefitZh: "出生医学证明是办理户口登记、医保参保等事项的必备证件。",
    benefitEn: "The birth certificate is needed to register the hukou and enrol in medical insurance.",
  },
  /** 预防接种证: under one, living in Shenzhen (due within the first month). */
  vaccination_certificate: {
    for: "child",
    when: { is: "all", rules: [newborn, { is: "residesIn", division: SHENZHEN }] },
    benefitZh: "预防接种证宜在出生后1个月内办理，以便按时接种疫苗。",
    benefitEn: "It is best obtained within a month of birth so that vaccinations start on time.",
  },
  /** 新生儿入户: under one with a birth certificate and no hukou; the applying parent has Shenzhen hukou. */
  newborn_hukou: {
    for: "child",
    when: {
      is: "all",
      rules: [
        newborn,
        { is: "not", rule: { is: "hukouRegistered" } },
        { is: "holdsLicence", licence: "birth_medical_certificate" },
        { is: "hukouIn", of: "applicant", division: SHENZHEN },
      ],
    },
    benefitZh: "可在您的户籍地为孩子申报出生登记。",
    benefitEn: "You can register the child's birth at your place of household registration.",
  },
  /**
   * 新生儿参保: under one and not insured, with a tie to Shenzhen: the child's or parent's hukou,
   * the parent's own insurance, or the parent's valid residence permit.
   */
  newborn_medical_insurance: {
    for: "child",
    when: {
      is: "all",
      rules: [
        newborn,
        { is: "insurance", status: ["none"] },
        {
          is: "any",
          rules: [
            { is: "hukouIn", division: SHENZHEN },
            { is: "hukouIn", of: "applicant", division: SHENZHEN },
            { is: "insurance", of: "applicant", status: ["employee", "resident"] },
            { is: "holdsLicence", of: "applicant", licence: "residence_permit" },
          ],
        },
      ],
    },
    benefitZh: "出生后及时参保，孩子看病就医即可按规定报销。",
    benefitEn: "Once enrolled, the child's medical costs are reimbursed under the rules.",
  },
  /** 新生儿社保卡: under one, living in Shenzhen; filed with registration and enrolment in the newborn bundle. */
  newborn_social_security_card: {
    for: "child",
    when: { is: "all", rules: [newborn, { is: "residesIn", division: SHENZHEN }] },
    benefitZh: "社保卡可用于就医结算，可与户口登记、医保参保一并办理。",
    benefitEn: "The card settles medical bills and can be applied for with the hukou registration and insurance enrolment.",
  },
  /** 生育津贴: the mother, insured as an employee, of a child born in the last twelve months. */
  maternity_allowance: {
    for: "child",
    when: { is: "all", rules: [newborn, { is: "sex", of: "applicant", sex: "female" }, { is: "insurance", of: "applicant", status: ["employee"] }] },
    benefitZh: "参加职工基本医疗保险（生育保险）的，可申领生育津贴。",
    benefitEn: "Employees insured for maternity can claim the maternity allowance.",
  },
  /** 小学一年级入学: 6 by 31 August of the coming intake, living in Shenzhen. */
  primary_school_enrolment: {
    for: "child",
    when: { is: "all", rules: [{ is: "ageByCutoff", years: 6, cutoff: "08-31" }, { is: "residesIn", division: SHENZHEN }] },
    benefitZh: "可为孩子申请秋季小学一年级学位。",
    benefitEn: "You can apply for a first-grade place in the autumn intake.",
  },
  /** 老年人优待证: 60 or over (told a month ahead) with Shenzhen hukou or a valid residence permit. */
  elderly_card: {
    for: "self",
    when: { is: "all", rules: [{ is: "ageAtLeast", years: 60, leadMonths: 1 }, livesHereLawfully] },
    benefitZh: "办理后可凭证享受乘车、游园等优待。",
    benefitEn: "The card gives concessions on public transport, in parks and more.",
  },
  /** 高龄津贴: Shenzhen hukou and 80 or over (no lead time: the allowance starts at 80). */
  high_age_allowance: {
    for: "self",
    when: { is: "all", rules: [{ is: "ageAtLeast", years: 80 }, { is: "hukouIn", division: SHENZHEN }] },
    benefitZh: "可申请按月领取高龄津贴。",
    benefitEn: "You can apply for the monthly high-age allowance.",
  },
  /**
   * 居住证: 16 or over, living in Shenzhen for six months with a hukou elsewhere (no hukou at all
   * is an unregistered newborn, not a migrant). The employment/housing/study condition is the clerk's.
   */
  residence_permit: {
    for: "self",
    when: {
      is: "all",
      rules: [
        { is: "hukouRegistered" },
        { is: "not", rule: { is: "hukouIn", division: SHENZHEN } },
        { is: "residesIn", division: SHENZHEN },
        { is: "residentFor", months: 6 },
        { is: "ageAtLeast", years: 16 },
      ],
    },
    benefitZh: "持居住证可享受子女入学、社会保险等基本公共服务。",
    benefitEn: "A residence permit gives access to school places, social insurance and other public services.",
  },
  /** 失业登记: registered as unemployed, 16 to the statutory retirement day, Shenzhen hukou or a valid residence permit. */
  unemployment_registration: {
    for: "self",
    when: {
      is: "all",
      rules: [{ is: "employment", status: ["unemployed"] }, { is: "ageAtLeast", years: 16 }, { is: "beforeRetirement" }, livesHereLawfully],
    },
    benefitZh: "办理失业登记后，可享受职业介绍、职业培训等公共就业服务，符合条件的还可申领失业保险金。",
    benefitEn: "Once registered you get job placement and training, and unemployment benefit if you qualify.",
  },
  /** 基本养老金申领: past the statutory retirement day, insured as an employee for 15 years. */
  pension_claim: {
    for: "self",
    when: {
      is: "all",
      rules: [{ is: "not", rule: { is: "beforeRetirement" } }, { is: "insurance", status: ["employee"] }, { is: "insuredMonths", atLeast: 180 }],
    },
    benefitZh: "您已达到法定退休年龄，可申请办理退休，按月领取基本养老金。",
    benefitEn: "You have reached the statutory retirement age and can apply to retire and draw the basic pension.",
  },
} as const satisfies Record<string, EligibilityDefinitionInput>;

export type StandardRuleKey = keyof typeof DEFINITIONS;
export const STANDARD_RULE_KEYS = Object.keys(DEFINITIONS) as StandardRuleKey[];

/** The definitions, parsed (defaults applied); a malformed one fails at import, i.e. in every test. */
export const STANDARD_ELIGIBILITY: Readonly<Record<StandardRuleKey, EligibilityDefinition>> = Object.fromEntries(
  Object.entries(DEFINITIONS).map(([key, def]) => [key, eligibilityOrThrow(def)]),
) as Record<StandardRuleKey, EligibilityDefinition>;
