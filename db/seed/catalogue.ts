/**
 * Reference data of the city of Shenzhen (深圳市, 440300): departments, district service
 * centres, licence types, the service catalogue with its materials, the service bundles
 * (一件事一次办) and the official holiday calendar. Deterministic: ids come from stableUuid,
 * so code can find any reference row by its key.
 *
 * Data lives in catalogue-organisation.ts, catalogue-licence-types.ts and
 * catalogue-services-*.ts; this file validates it and writes it.
 */
import { hasCheckSet } from "@/lib/eligibility/checks/criteria";
import { STANDARD_ELIGIBILITY } from "./catalogue-eligibility";
import { SERVICE_WORKFLOWS } from "./catalogue-workflows";
import {
  calendarDays,
  centreServices,
  departments,
  licenceTypes,
  serviceBundleItems,
  serviceBundles,
  serviceCentres,
  serviceMaterials,
  services,
} from "@/db/schema";
import type { Executor } from "@/db/client";
import { HOLIDAYS } from "@/lib/calendar/holidays";
import { isValidUscc } from "@/lib/id-number";
import {
  CENTRES,
  CENTRE_BASE_DEPARTMENTS,
  CENTRE_EXTRA_DEPARTMENTS,
  DEPARTMENTS,
  centreId,
  centreRows,
  departmentId,
  departmentRows,
} from "./catalogue-organisation";
import { LICENCE_TYPES, licenceTypeId, licenceTypeRows } from "./catalogue-licence-types";
import { BIRTH_SERVICES } from "./catalogue-services-birth";
import { CIVIL_SERVICES } from "./catalogue-services-civil";
import { DISTRICT_SERVICES } from "./catalogue-services-district";
import { RESIDENCE_SERVICES } from "./catalogue-services-residence";
import { WORK_SERVICES } from "./catalogue-services-work";
import { PREFILL_PATHS, SERVICE_THEMES, type ServiceDef, type ServiceTheme } from "./catalogue-types";
import { stableUuid } from "./random";

export { departmentId, centreId } from "./catalogue-organisation";
export { licenceTypeId } from "./catalogue-licence-types";

/** The services of full detail: forms with prefill, rules, workflows, and a seeded history. */
export const DETAILED_SERVICES: ServiceDef[] = [
  ...BIRTH_SERVICES,
  ...CIVIL_SERVICES,
  ...WORK_SERVICES,
  ...RESIDENCE_SERVICES,
];

/** The whole seeded 事项清单: the detailed services and the rest of a district centre's list. */
export const CATALOGUE_SERVICES: ServiceDef[] = [...DETAILED_SERVICES, ...DISTRICT_SERVICES];

export type BundleDef = {
  code: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  theme: ServiceTheme;
  /** Service codes, in the order the bundle runs them. */
  items: string[];
};

export const BUNDLES: BundleDef[] = [
  {
    code: "newborn",
    nameZh: "出生一件事",
    nameEn: "Having a Baby",
    descriptionZh:
      "一次申请，联办出生医学证明、预防接种证、新生儿入户、新生儿医保参保、社保卡申领和生育津贴。前一事项签发的证照自动进入证照库，后续事项直接调取，无需重复提交。",
    descriptionEn:
      "One application for the birth certificate, vaccination certificate, hukou registration, medical insurance, social security card and maternity allowance. Each certificate issued goes straight into the licence library and is pulled by the next service — nothing is submitted twice.",
    theme: "birth",
    items: [
      "birth_medical_certificate",
      "vaccination_certificate",
      "newborn_hukou",
      "newborn_medical_insurance",
      "newborn_social_security_card",
      "maternity_allowance",
    ],
  },
  {
    code: "school_entry",
    nameZh: "入学一件事",
    nameEn: "Starting School",
    descriptionZh:
      "一次办理社保参保证明、居住证申领（非深户籍家长）和小学一年级学位申请；户籍、住房、社保、预防接种信息由系统共享核验。参保证明当场出具，居住证签发后自动进入证照库，学位申请随即开始办理，无需再次提交。",
    descriptionEn:
      "The social insurance record, the residence permit (for parents without Shenzhen hukou) and the Year 1 school place in one go; hukou, housing, insurance and vaccination are verified by data sharing. The record is issued at once; once the permit is issued it enters the licence library and the school place application starts — nothing is submitted twice.",
    theme: "education",
    items: ["social_insurance_record_print", "residence_permit", "primary_school_enrolment"],
  },
  {
    code: "job_loss",
    nameZh: "就业一件事",
    nameEn: "Back to Work After a Job Loss",
    descriptionZh:
      "失去工作后一次申请，联办失业登记、失业保险金申领和免费职业技能培训报名。原单位的退工备案、社保缴费记录和社保卡由人社部门共享核验；失业登记办结后，失业登记证明自动进入证照库，失业保险金和培训报名随即开始办理，无需再次提交。",
    descriptionEn:
      "One application after losing a job: unemployment registration, unemployment benefit and free skills training. The employer's filing of the contract's end, the contribution record and the social security card are shared by human resources; once the registration is done its certificate enters the licence library and the benefit and the training start at once — nothing is submitted twice.",
    theme: "employment",
    items: ["unemployment_registration", "unemployment_insurance_benefit", "unemployed_skills_training"],
  },
  {
    code: "retirement",
    nameZh: "退休一件事",
    nameEn: "Retiring",
    descriptionZh:
      "达到法定退休年龄时一次申请，联办退休及基本养老金申领、退休人员医保待遇核定和老年人优待证。参保缴费记录、社保卡和户籍由系统共享核验；养老金领取资格核准后自动进入证照库，医保待遇核定随即开始办理，无需再次提交。",
    descriptionEn:
      "One application on reaching the retirement age: retirement and the basic pension, medical insurance on retirement, and the senior citizen card. Contributions, the social security card and the hukou are verified by data sharing; once the pension is granted its certificate enters the licence library and the medical insurance starts at once — nothing is submitted twice.",
    theme: "elderly",
    items: ["pension_claim", "retiree_medical_insurance", "elderly_card"],
  },
];

/** Services whose code other modules rely on. */
const REQUIRED_SERVICE_CODES = [
  "newborn_hukou",
  "primary_school_enrolment",
  "elderly_card",
  "residence_permit",
  "unemployment_registration",
  "maternity_allowance",
  "public_rental_housing",
  "birth_medical_certificate",
  "newborn_medical_insurance",
  "newborn_social_security_card",
  "vaccination_certificate",
  "unemployment_insurance_benefit",
  "unemployed_skills_training",
  "pension_claim",
  "retiree_medical_insurance",
];

export function serviceId(code: string): string {
  return stableUuid(`service:${code}`);
}

export function materialId(serviceCode: string, position: number): string {
  return stableUuid(`material:${serviceCode}:${position}`);
}

export function bundleId(code: string): string {
  return stableUuid(`bundle:${code}`);
}

const SNAKE = /^[a-z][a-z0-9_]*$/;
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;

/** Throws with every problem found; the CHECK constraints catch less and say less. */
export function validateCatalogue(): void {
  const problems: string[] = [];
  const seen = (label: string, values: string[]) => {
    const dup = values.filter((v, i) => values.indexOf(v) !== i);
    if (dup.length) problems.push(`duplicate ${label}: ${[...new Set(dup)].join(", ")}`);
  };

  const deps = departmentRows();
  seen("department code", deps.map((d) => d.code));
  seen("department USCC", deps.map((d) => d.uscc));
  for (const d of deps) if (!isValidUscc(d.uscc)) problems.push(`department ${d.code}: invalid USCC ${d.uscc}`);

  const types = licenceTypeRows();
  seen("licence type key", types.map((t) => t.key));
  seen("licence type code", types.map((t) => t.code));
  for (const t of types) {
    if (!/^[0-9A-Z]{18}\d{3}$/.test(t.code) || !isValidUscc(t.code.slice(0, 18))) {
      problems.push(`licence type ${t.key}: code ${t.code} is not USCC + 3 digits`);
    }
  }

  const codes = CATALOGUE_SERVICES.map((s) => s.code);
  seen("service code", codes);
  for (const code of REQUIRED_SERVICE_CODES) if (!codes.includes(code)) problems.push(`missing service ${code}`);
  for (const s of CATALOGUE_SERVICES) {
    const p = (msg: string) => problems.push(`service ${s.code}: ${msg}`);
    if (!SNAKE.test(s.code)) p("code is not snake_case");
    if (!SERVICE_THEMES.includes(s.theme)) p(`unknown theme ${s.theme}`);
    if (s.promisedLimitDays < 0 || s.promisedLimitDays > s.legalLimitDays) p("promised limit must be within 0..legal");
    if (s.onTheSpot && s.promisedLimitDays !== 0) p("on-the-spot service must promise 0 days");
    if (s.approvalHints.length < 2 || s.approvalHints.length > 5) p("needs 2-5 approval hints");
    if (!s.keywords.trim()) p("no keywords");
    if (s.formFields.length === 0) p("no form fields");
    seen(`form field of ${s.code}`, s.formFields.map((f) => f.name));
    for (const f of s.formFields) {
      if (!CAMEL.test(f.name)) p(`field ${f.name} is not camelCase`);
      if (f.prefill && !(PREFILL_PATHS as readonly string[]).includes(f.prefill)) p(`field ${f.name}: unknown prefill ${f.prefill}`);
      if (f.type === "select" && !f.options?.length) p(`select field ${f.name} has no options`);
    }
    if (s.materials.length === 0) p("no materials");
    for (const m of s.materials) {
      if ((m.kind === "licence") !== (m.licence !== null)) p(`material ${m.nameZh}: licence type iff kind licence`);
    }
  }

  for (const b of BUNDLES) {
    seen(`item of bundle ${b.code}`, b.items);
    for (const item of b.items) if (!codes.includes(item)) problems.push(`bundle ${b.code}: unknown service ${item}`);
  }
  seen("calendar day", HOLIDAYS.map((h) => h.day));

  if (problems.length) throw new Error(`catalogue seed data is inconsistent:\n  ${problems.join("\n  ")}`);
}

export function serviceRows() {
  return CATALOGUE_SERVICES.map((s) => ({
    id: serviceId(s.code),
    code: s.code,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    departmentId: departmentId(s.department),
    theme: s.theme,
    descriptionZh: s.descriptionZh,
    descriptionEn: s.descriptionEn,
    whoMayApplyZh: s.whoMayApplyZh,
    whoMayApplyEn: s.whoMayApplyEn,
    keywords: s.keywords,
    legalLimitDays: s.legalLimitDays,
    promisedLimitDays: s.promisedLimitDays,
    onTheSpot: s.onTheSpot,
    requiresVisit: s.requiresVisit,
    feeYuan: s.feeYuan,
    formFields: s.formFields,
    approvalHints: s.approvalHints,
    issuesLicenceTypeId: s.issues ? licenceTypeId(s.issues) : null,
    eligibility: s.eligibilityRule ? STANDARD_ELIGIBILITY[s.eligibilityRule] : null,
    automaticChecks: s.eligibilityRule && hasCheckSet(s.eligibilityRule) ? s.eligibilityRule : null,
    workflow: SERVICE_WORKFLOWS[s.code] ?? null,
    active: true,
  }));
}

export function materialRows() {
  return CATALOGUE_SERVICES.flatMap((s) =>
    s.materials.map((m, i) => ({
      id: materialId(s.code, i + 1),
      serviceId: serviceId(s.code),
      position: i + 1,
      nameZh: m.nameZh,
      nameEn: m.nameEn,
      kind: m.kind,
      licenceTypeId: m.licence ? licenceTypeId(m.licence) : null,
      subject: m.subject,
      required: m.required,
      notesZh: m.notesZh,
      notesEn: m.notesEn,
    })),
  );
}

export function centreServiceRows() {
  return CENTRES.flatMap((c) => {
    const covered = new Set([...CENTRE_BASE_DEPARTMENTS, ...(CENTRE_EXTRA_DEPARTMENTS[c.code] ?? [])]);
    return CATALOGUE_SERVICES.filter((s) => covered.has(s.department)).map((s) => ({
      centreId: centreId(c.code),
      serviceId: serviceId(s.code),
    }));
  });
}

/**
 * Inserts the whole catalogue. Expects empty catalogue tables (a fresh, migrated database);
 * run it inside the caller's transaction if partial data must never be left behind.
 */
export async function seedCatalogue(db: Executor): Promise<void> {
  validateCatalogue();

  await db.insert(departments).values(departmentRows());
  await db.insert(serviceCentres).values(centreRows());
  await db.insert(licenceTypes).values(licenceTypeRows());
  await db.insert(services).values(serviceRows());
  await db.insert(serviceMaterials).values(materialRows());
  await db.insert(centreServices).values(centreServiceRows());
  await db.insert(serviceBundles).values(
    BUNDLES.map((b) => ({
      id: bundleId(b.code),
      code: b.code,
      nameZh: b.nameZh,
      nameEn: b.nameEn,
      descriptionZh: b.descriptionZh,
      descriptionEn: b.descriptionEn,
      theme: b.theme,
    })),
  );
  await db.insert(serviceBundleItems).values(
    BUNDLES.flatMap((b) =>
      b.items.map((code, i) => ({ bundleId: bundleId(b.code), serviceId: serviceId(code), position: i + 1 })),
    ),
  );
  await db.insert(calendarDays).values(
    HOLIDAYS.map((h) => ({ day: h.day, kind: h.kind, nameZh: h.nameZh, nameEn: h.nameEn })),
  );
}

// Keep the department and licence-type lists reachable for callers that enumerate them.
export { DEPARTMENTS, LICENCE_TYPES };
