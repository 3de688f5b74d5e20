/** Shapes and small builders for the service catalogue seed (see catalogue-services-*.ts). */
import type { ApprovalHint, ServiceFormField } from "@/db/schema";
import type { StandardRuleKey } from "./catalogue-eligibility";
import type { DepartmentKey } from "./catalogue-organisation";
import { licenceTypeDef, type LicenceTypeKey } from "./catalogue-licence-types";

import { serviceThemes, type ServiceTheme } from "@/db/schema/enums";
import { PREFILL_PATHS } from "@/lib/catalogue/service-definition";

export { serviceThemes as SERVICE_THEMES, type ServiceTheme };
/** Base-data paths a form field may be pre-filled from: one list, kept with the definition schema. */
export { PREFILL_PATHS };

export type MaterialSubject = "applicant" | "spouse" | "child" | "parent";

export type MaterialDef = {
  nameZh: string;
  nameEn: string;
  kind: "licence" | "upload" | "form";
  licence: LicenceTypeKey | null;
  subject: MaterialSubject;
  required: boolean;
  notesZh: string | null;
  notesEn: string | null;
};

export type ServiceDef = {
  code: string;
  nameZh: string;
  nameEn: string;
  department: DepartmentKey;
  theme: ServiceTheme;
  descriptionZh: string;
  descriptionEn: string;
  whoMayApplyZh: string;
  whoMayApplyEn: string;
  /** Space-separated Chinese search words. */
  keywords: string;
  legalLimitDays: number;
  promisedLimitDays: number;
  onTheSpot: boolean;
  requiresVisit: boolean;
  feeYuan: number;
  formFields: ServiceFormField[];
  approvalHints: ApprovalHint[];
  issues: LicenceTypeKey | null;
  /** Which of the seeded eligibility definitions (catalogue-eligibility.ts) says who the service is for. */
  eligibilityRule: StandardRuleKey | null;
  materials: MaterialDef[];
};

type MaterialOptions = {
  zh?: string;
  en?: string;
  required?: boolean;
  notesZh?: string;
  notesEn?: string;
};

const SUBJECT_PREFIX: Record<MaterialSubject, [string, string]> = {
  applicant: ["申请人", "Applicant's"],
  spouse: ["配偶", "Spouse's"],
  child: ["子女", "Child's"],
  parent: ["父母", "Parent's"],
};

/** A certificate pulled from the licence library; named after its type unless overridden. */
export function lic(key: LicenceTypeKey, subject: MaterialSubject = "applicant", o: MaterialOptions = {}): MaterialDef {
  const def = licenceTypeDef(key);
  const [pz, pe] = SUBJECT_PREFIX[subject];
  return {
    nameZh: o.zh ?? `${pz}${def.nameZh}`,
    nameEn: o.en ?? `${pe} ${def.nameEn}`,
    kind: "licence",
    licence: key,
    subject,
    required: o.required ?? true,
    notesZh: o.notesZh ?? null,
    notesEn: o.notesEn ?? null,
  };
}

/** Something no department issues electronically: the citizen uploads a scan or photo. */
export function upload(zh: string, en: string, o: Omit<MaterialOptions, "zh" | "en"> & { subject?: MaterialSubject } = {}): MaterialDef {
  return {
    nameZh: zh,
    nameEn: en,
    kind: "upload",
    licence: null,
    subject: o.subject ?? "applicant",
    required: o.required ?? true,
    notesZh: o.notesZh ?? null,
    notesEn: o.notesEn ?? null,
  };
}

/** The application form itself, filled online (pre-filled from base data). */
export function form(zh: string, en: string, o: Omit<MaterialOptions, "zh" | "en"> = {}): MaterialDef {
  return {
    nameZh: zh,
    nameEn: en,
    kind: "form",
    licence: null,
    subject: "applicant",
    required: o.required ?? true,
    notesZh: o.notesZh ?? "在线填写，系统根据基础数据自动预填",
    notesEn: o.notesEn ?? "Filled in online; pre-filled from the base data",
  };
}

export function field(
  name: string,
  type: ServiceFormField["type"],
  labelZh: string,
  labelEn: string,
  o: { required?: boolean; prefill?: (typeof PREFILL_PATHS)[number]; options?: [string, string, string][] } = {},
): ServiceFormField {
  const f: ServiceFormField = { name, type, labelZh, labelEn, required: o.required ?? true };
  if (o.prefill) f.prefill = o.prefill;
  if (o.options) f.options = o.options.map(([value, zh, en]) => ({ value, labelZh: zh, labelEn: en }));
  return f;
}

export function hint(zh: string, en: string): ApprovalHint {
  return { zh, en };
}

/** Fields most services share. */
export const F = {
  applicantName: field("applicantName", "text", "申请人姓名", "Applicant's name", { prefill: "person.name" }),
  applicantIdNumber: field("applicantIdNumber", "id_number", "申请人公民身份号码", "Applicant's resident ID number", { prefill: "person.idNumber" }),
  applicantPhone: field("applicantPhone", "phone", "联系电话", "Contact phone", { prefill: "person.phone" }),
  residenceAddress: field("residenceAddress", "text", "现居住地址", "Current residence address", { prefill: "person.residenceAddress" }),
  hukouAddress: field("hukouAddress", "text", "户籍地址", "Household registration address", { prefill: "person.hukouAddress" }),
  spouseName: field("spouseName", "text", "配偶姓名", "Spouse's name", { prefill: "spouse.name" }),
  spouseIdNumber: field("spouseIdNumber", "id_number", "配偶公民身份号码", "Spouse's resident ID number", { prefill: "spouse.idNumber" }),
  childName: field("childName", "text", "子女姓名", "Child's name", { prefill: "child.name" }),
  childIdNumber: field("childIdNumber", "id_number", "子女公民身份号码", "Child's resident ID number", { prefill: "child.idNumber" }),
  childBirthDate: field("childBirthDate", "date", "子女出生日期", "Child's date of birth", { prefill: "child.birthDate" }),
  childSex: field("childSex", "select", "子女性别", "Child's sex", {
    prefill: "child.sex",
    options: [
      ["male", "男", "Male"],
      ["female", "女", "Female"],
    ],
  }),
  bankAccount: field("bankAccount", "text", "本人银行账号（社保卡金融账户）", "Own bank account (social security card account)"),
} satisfies Record<string, ServiceFormField>;

/** Name, ID number and phone of the applicant, pre-filled. */
export const APPLICANT_FIELDS: ServiceFormField[] = [F.applicantName, F.applicantIdNumber, F.applicantPhone];
