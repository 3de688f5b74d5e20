/**
 * Licence types of the library (电子证照类型). `code` is the GB/T 36904 type code: the defining
 * authority's USCC + a 3-digit sequence. Nationally uniform certificates are defined by the
 * national ministry; Shenzhen-specific ones by the issuing Shenzhen department.
 */
import {
  NATIONAL_AUTHORITIES,
  departmentId,
  departmentUscc,
  type DepartmentKey,
  type NationalAuthorityKey,
} from "./catalogue-organisation";
import { stableUuid } from "./random";

export const LICENCE_TYPE_KEYS = [
  "resident_id_card",
  "household_register",
  "residence_permit",
  "marriage_certificate",
  "divorce_certificate",
  "elderly_card",
  "birth_medical_certificate",
  "vaccination_certificate",
  "social_insurance_record",
  "unemployment_certificate",
  "social_security_card",
  "medical_insurance_record",
  "rental_registration",
  "property_certificate",
  "public_rental_qualification",
  "school_admission_notice",
  "individual_business_licence",
  "only_child_parent_certificate",
  // Records the maternity facility reports to the health commission's birth information system
  // (卫健出生信息) and the immunisation information system: shared through the library, not uploaded.
  "delivery_record",
  "newborn_photo",
  "birth_vaccination_record",
  // The employer's filing when a labour contract ends (解除/终止劳动合同备案, 退工备案), kept by human
  // resources: the proof of job loss unemployment registration and benefit ask for, not an upload.
  "labour_contract_termination",
  "pension_certificate",
] as const;
export type LicenceTypeKey = (typeof LICENCE_TYPE_KEYS)[number];

export type LicenceTypeDef = {
  key: LicenceTypeKey;
  nameZh: string;
  nameEn: string;
  /** The Shenzhen department that issues it (issuer on the licence). */
  issuer: DepartmentKey;
  /** Who defines the type: a national ministry, or the issuing department itself ("local"). */
  authority: NationalAuthorityKey | "local";
  /** 3-digit sequence within the authority. */
  seq: string;
  defaultValidityMonths: number | null;
};

export const LICENCE_TYPES: LicenceTypeDef[] = [
  { key: "resident_id_card", nameZh: "居民身份证", nameEn: "Resident Identity Card", issuer: "psb", authority: "mps", seq: "001", defaultValidityMonths: null },
  { key: "household_register", nameZh: "居民户口簿", nameEn: "Household Register (Hukou Booklet)", issuer: "psb", authority: "mps", seq: "002", defaultValidityMonths: null },
  { key: "residence_permit", nameZh: "广东省居住证", nameEn: "Guangdong Residence Permit", issuer: "psb", authority: "mps", seq: "003", defaultValidityMonths: 12 },
  { key: "marriage_certificate", nameZh: "结婚证", nameEn: "Marriage Certificate", issuer: "civil", authority: "mca", seq: "001", defaultValidityMonths: null },
  { key: "divorce_certificate", nameZh: "离婚证", nameEn: "Divorce Certificate", issuer: "civil", authority: "mca", seq: "002", defaultValidityMonths: null },
  { key: "elderly_card", nameZh: "老年人优待证", nameEn: "Senior Citizen Preferential Treatment Card", issuer: "civil", authority: "mca", seq: "003", defaultValidityMonths: null },
  { key: "birth_medical_certificate", nameZh: "出生医学证明", nameEn: "Medical Certificate of Birth", issuer: "health", authority: "nhc", seq: "001", defaultValidityMonths: null },
  { key: "vaccination_certificate", nameZh: "预防接种证", nameEn: "Vaccination Certificate", issuer: "health", authority: "nhc", seq: "002", defaultValidityMonths: null },
  // In the library for the health department's own systems and the services a catalogue manager adds; no seeded service issues it.
  { key: "only_child_parent_certificate", nameZh: "独生子女父母光荣证", nameEn: "Honour Certificate for Parents of an Only Child", issuer: "health", authority: "nhc", seq: "003", defaultValidityMonths: null },
  { key: "delivery_record", nameZh: "住院分娩记录及出院小结", nameEn: "Delivery Record and Discharge Summary", issuer: "health", authority: "nhc", seq: "004", defaultValidityMonths: null },
  { key: "newborn_photo", nameZh: "新生儿数码相片（助产机构采集）", nameEn: "Newborn Photo (taken at the maternity facility)", issuer: "health", authority: "nhc", seq: "005", defaultValidityMonths: null },
  { key: "birth_vaccination_record", nameZh: "新生儿出生时预防接种记录", nameEn: "Birth-Dose Vaccination Record", issuer: "health", authority: "nhc", seq: "006", defaultValidityMonths: null },
  { key: "social_insurance_record", nameZh: "社会保险参保缴费证明", nameEn: "Social Insurance Contribution Record", issuer: "hrss", authority: "mohrss", seq: "001", defaultValidityMonths: 3 },
  { key: "unemployment_certificate", nameZh: "失业登记证明", nameEn: "Unemployment Registration Certificate", issuer: "hrss", authority: "mohrss", seq: "002", defaultValidityMonths: null },
  { key: "social_security_card", nameZh: "社会保障卡", nameEn: "Social Security Card", issuer: "hrss", authority: "mohrss", seq: "003", defaultValidityMonths: 120 },
  { key: "labour_contract_termination", nameZh: "解除（终止）劳动合同备案", nameEn: "Record of the End of a Labour Contract", issuer: "hrss", authority: "local", seq: "001", defaultValidityMonths: null },
  { key: "pension_certificate", nameZh: "基本养老金领取资格证明", nameEn: "Basic Pension Entitlement Certificate", issuer: "hrss", authority: "mohrss", seq: "004", defaultValidityMonths: null },
  { key: "medical_insurance_record", nameZh: "医疗保障参保凭证", nameEn: "Medical Insurance Enrolment Record", issuer: "medins", authority: "nhsa", seq: "001", defaultValidityMonths: 3 },
  { key: "rental_registration", nameZh: "房屋租赁凭证", nameEn: "Housing Lease Registration Certificate", issuer: "housing", authority: "local", seq: "001", defaultValidityMonths: 12 },
  { key: "property_certificate", nameZh: "不动产权证书", nameEn: "Real Estate Title Certificate", issuer: "housing", authority: "mnr", seq: "001", defaultValidityMonths: null },
  { key: "public_rental_qualification", nameZh: "公共租赁住房轮候资格确认书", nameEn: "Public Rental Housing Qualification", issuer: "housing", authority: "local", seq: "002", defaultValidityMonths: 36 },
  { key: "school_admission_notice", nameZh: "义务教育学校入学通知书", nameEn: "Compulsory Education School Admission Notice", issuer: "edu", authority: "local", seq: "001", defaultValidityMonths: 12 },
  { key: "individual_business_licence", nameZh: "营业执照（个体工商户）", nameEn: "Business Licence (Individual Business)", issuer: "samr", authority: "samr", seq: "001", defaultValidityMonths: null },
];

export function licenceTypeId(key: LicenceTypeKey): string {
  return stableUuid(`licence_type:${key}`);
}

export function licenceTypeDef(key: LicenceTypeKey): LicenceTypeDef {
  const def = LICENCE_TYPES.find((t) => t.key === key);
  if (!def) throw new Error(`unknown licence type ${key}`);
  return def;
}

/** GB/T 36904 type code: authority USCC (18) + 3 digits. */
export function licenceTypeCode(def: LicenceTypeDef): string {
  const authorityUscc =
    def.authority === "local" ? departmentUscc(def.issuer) : NATIONAL_AUTHORITIES[def.authority].uscc;
  return `${authorityUscc}${def.seq}`;
}

export function licenceTypeRows() {
  return LICENCE_TYPES.map((t) => ({
    id: licenceTypeId(t.key),
    key: t.key,
    code: licenceTypeCode(t),
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    issuingDepartmentId: departmentId(t.issuer),
    defaultValidityMonths: t.defaultValidityMonths,
  }));
}
