/**
 * The demo households: the people the README, the end-to-end tests and a live demo sign in
 * as. Their ID numbers are FIXED (printed in the README) and must never change. Adults'
 * birth dates are fixed; the newborn's is relative to the seed's `today`, so she is always
 * three weeks old (she does not sign in).
 *
 * population.ts turns these specs into persons, family relations and licences (signed like
 * every other licence); users.ts gives the account holders and the staff their accounts.
 */
import type { Role } from "../schema/enums";
import { stableUuid } from "./random";

export const DEMO_PASSWORD = "OneWindow#2026";

/** Fixed resident ID numbers of the demo adults (and the six-year-old). */
export const DEMO_ID = {
  liXiaomei: "440304199405121287",
  chenZhiqiang: "440301199208030352",
  wangJianguo: "420102198802200518",
  zhaoLi: "440305199006180243",
  wangXiaoming: "440305202103150171",
  zhangXiuying: "440303196612080422",
  liuGuoping: "440301196204020137",
  huangWei: "430102199507070315",
  zhouMin: "440307198510210622",
  zhengKai: "440303199004120578",
  liuYang: "43010219890914073X",
  weiLijuan: "43010219910226084X",
  liuZihan: "430102202011080653",
  chenGuohua: "440304196606100315",
} as const;

/** The newborn's number is built from her birth date (today − 20 days) with this sequence. */
export const NEWBORN_DIVISION = "440304";
export const NEWBORN_SEQUENCE = 20;
export const NEWBORN_AGE_DAYS = 20;

export type DemoLicenceKey =
  | "resident_id_card"
  | "household_register"
  | "residence_permit"
  | "marriage_certificate"
  | "divorce_certificate"
  | "elderly_card"
  | "birth_medical_certificate"
  | "vaccination_certificate"
  | "social_insurance_record"
  | "unemployment_certificate"
  | "social_security_card"
  | "medical_insurance_record"
  | "rental_registration"
  | "property_certificate"
  | "public_rental_qualification"
  | "school_admission_notice"
  | "individual_business_licence"
  | "delivery_record"
  | "newborn_photo"
  | "birth_vaccination_record"
  | "labour_contract_termination";

/** A licence a demo person holds. Dates are ISO days; `daysAgo` is relative to `today`. */
export type DemoLicence = {
  type: DemoLicenceKey;
  issuedOn: string | { daysAgo: number };
  /** Omitted: the type's rule (ID cards by age, others by default validity). */
  validUntil?: string | null;
  status?: "valid" | "revoked" | "superseded";
  statusReason?: string;
  /** labour_contract_termination: the employer that filed it and why the contract ended. */
  employer?: string;
  reason?: "contract_ended" | "dismissed" | "business_closed" | "resigned";
};

export type DemoPerson = {
  key: keyof typeof DEMO_ID | "newborn";
  name: string;
  sex: "male" | "female";
  birthDate: string | { daysAgo: number };
  /** The fixed ID number, or "newborn": built from the relative birth date (see NEWBORN_*). */
  idNumber: string;
  hukouDivisionCode: string | null;
  /** When the hukou was registered in its current division. */
  hukouSince: string | null;
  hukouAddress: string | null;
  residenceDivisionCode: string;
  /** ISO date, or "birth" for someone who has lived here since being born. */
  residenceSince: string;
  maritalStatus: "unmarried" | "married" | "divorced" | "widowed";
  employmentStatus: "employed" | "self_employed" | "unemployed" | "retired" | "student" | "child";
  employer: string | null;
  /** Days before `today` the employment register last changed (a recent job loss). */
  employmentChangedDaysAgo?: number;
  insuranceStatus: "employee" | "resident" | "none";
  insuranceMonths: number;
  phone: string | null;
  licences: DemoLicence[];
};

export type DemoHousehold = {
  key: string;
  residenceAddress: string;
  /** Owner's property certificate, rental registration's lease, etc. */
  housing: "own" | "rent";
  members: DemoPerson[];
  /** [a, b, marriedOn] */
  spouses: [DemoPerson["key"], DemoPerson["key"], string][];
  /** [parent, child] */
  children: [DemoPerson["key"], DemoPerson["key"]][];
};

const recent = (daysAgo: number) => ({ daysAgo });

const FUTIAN_ADDRESS = "广东省深圳市福田区莲花街道彩田路3018号景田花园5栋1203";
const NANSHAN_ADDRESS = "广东省深圳市南山区粤海街道科苑路15号桃源书香名苑2栋901";
const LUOHU_ADDRESS = "广东省深圳市罗湖区东门街道解放路1088号松园新村12栋602";
const BAOAN_ADDRESS = "广东省深圳市宝安区西乡街道宝安大道4006号鹏程公寓B座1718";
const FUTIAN_XIANGMI_ADDRESS = "广东省深圳市福田区香蜜湖街道农园路38号香蜜二村9栋504";
const LONGHUA_ADDRESS = "广东省深圳市龙华区民治街道民治大道1080号锦绣江南四期12栋1603";
const CHANGSHA_ADDRESS = "湖南省长沙市芙蓉区韶山北路139号";
const LUOHU_SUNGANG_ADDRESS = "广东省深圳市罗湖区笋岗街道宝安北路2008号华通大厦公寓3栋1106";
const LONGGANG_ADDRESS = "广东省深圳市龙岗区龙城街道龙翔大道2188号锦绣家园7栋1502";

export const DEMO_HOUSEHOLDS: readonly DemoHousehold[] = [
  {
    key: "newborn",
    residenceAddress: FUTIAN_ADDRESS,
    housing: "own",
    members: [
      {
        key: "liXiaomei",
        name: "李晓梅",
        sex: "female",
        birthDate: "1994-05-12",
        idNumber: DEMO_ID.liXiaomei,
        hukouDivisionCode: "440304",
        hukouSince: "2016-07-20",
        hukouAddress: FUTIAN_ADDRESS,
        residenceDivisionCode: "440304",
        residenceSince: "2016-07-20",
        maritalStatus: "married",
        employmentStatus: "employed",
        employer: "深圳市华创电子科技有限公司",
        insuranceStatus: "employee",
        insuranceMonths: 96,
        phone: "13823456781",
        licences: [
          { type: "resident_id_card", issuedOn: "2020-07-15" },
          { type: "household_register", issuedOn: "2016-07-20" },
          { type: "marriage_certificate", issuedOn: "2022-10-08" },
          { type: "social_insurance_record", issuedOn: recent(12) },
          { type: "medical_insurance_record", issuedOn: recent(12) },
          { type: "social_security_card", issuedOn: "2019-03-11" },
        ],
      },
      {
        key: "chenZhiqiang",
        name: "陈志强",
        sex: "male",
        birthDate: "1992-08-03",
        idNumber: DEMO_ID.chenZhiqiang,
        hukouDivisionCode: "440304",
        hukouSince: "2008-03-01",
        hukouAddress: FUTIAN_ADDRESS,
        residenceDivisionCode: "440304",
        residenceSince: "2008-03-01",
        maritalStatus: "married",
        employmentStatus: "employed",
        employer: "深圳市鹏程信息技术有限公司",
        insuranceStatus: "employee",
        insuranceMonths: 118,
        phone: "13923456782",
        licences: [
          { type: "resident_id_card", issuedOn: "2018-09-10" },
          { type: "household_register", issuedOn: "2008-03-01" },
          { type: "marriage_certificate", issuedOn: "2022-10-08" },
          { type: "social_insurance_record", issuedOn: recent(12) },
          { type: "medical_insurance_record", issuedOn: recent(12) },
          { type: "social_security_card", issuedOn: "2016-05-23" },
          { type: "property_certificate", issuedOn: "2021-11-30" },
        ],
      },
      {
        key: "newborn",
        name: "陈若汐",
        sex: "female",
        birthDate: recent(NEWBORN_AGE_DAYS),
        idNumber: "newborn",
        hukouDivisionCode: null,
        hukouSince: null,
        hukouAddress: null,
        residenceDivisionCode: "440304",
        residenceSince: "birth",
        maritalStatus: "unmarried",
        employmentStatus: "child",
        employer: null,
        insuranceStatus: "none",
        insuranceMonths: 0,
        phone: null,
        licences: [
          { type: "birth_medical_certificate", issuedOn: recent(NEWBORN_AGE_DAYS - 2) },
          // Reported by the maternity facility at discharge (its delivery record goes to the mother).
          { type: "newborn_photo", issuedOn: recent(NEWBORN_AGE_DAYS - 3) },
        ],
      },
    ],
    spouses: [["liXiaomei", "chenZhiqiang", "2022-10-08"]],
    children: [
      ["liXiaomei", "newborn"],
      ["chenZhiqiang", "newborn"],
    ],
  },
  {
    key: "six_year_old",
    residenceAddress: NANSHAN_ADDRESS,
    housing: "own",
    members: [
      {
        key: "wangJianguo",
        name: "王建国",
        sex: "male",
        birthDate: "1988-02-20",
        idNumber: DEMO_ID.wangJianguo,
        hukouDivisionCode: "440305",
        hukouSince: "2018-05-20",
        hukouAddress: NANSHAN_ADDRESS,
        residenceDivisionCode: "440305",
        residenceSince: "2018-05-20",
        maritalStatus: "married",
        employmentStatus: "employed",
        employer: "深圳市云帆网络科技有限公司",
        insuranceStatus: "employee",
        insuranceMonths: 132,
        phone: "13612345673",
        licences: [
          { type: "resident_id_card", issuedOn: "2014-06-03" },
          { type: "household_register", issuedOn: "2018-05-20" },
          { type: "marriage_certificate", issuedOn: "2016-05-20" },
          { type: "social_insurance_record", issuedOn: recent(30) },
          { type: "medical_insurance_record", issuedOn: recent(30) },
          { type: "social_security_card", issuedOn: "2015-09-01" },
          { type: "property_certificate", issuedOn: "2018-04-26" },
        ],
      },
      {
        key: "zhaoLi",
        name: "赵丽",
        sex: "female",
        birthDate: "1990-06-18",
        idNumber: DEMO_ID.zhaoLi,
        hukouDivisionCode: "440305",
        hukouSince: "2018-05-20",
        hukouAddress: NANSHAN_ADDRESS,
        residenceDivisionCode: "440305",
        residenceSince: "2018-05-20",
        maritalStatus: "married",
        employmentStatus: "employed",
        employer: "深圳市南山区桃源实验学校",
        insuranceStatus: "employee",
        insuranceMonths: 98,
        phone: "15012345674",
        licences: [
          { type: "resident_id_card", issuedOn: "2017-01-09" },
          { type: "household_register", issuedOn: "2018-05-20" },
          { type: "marriage_certificate", issuedOn: "2016-05-20" },
          { type: "social_insurance_record", issuedOn: recent(30) },
          { type: "medical_insurance_record", issuedOn: recent(30) },
          { type: "social_security_card", issuedOn: "2017-03-15" },
          { type: "property_certificate", issuedOn: "2018-04-26" },
        ],
      },
      {
        key: "wangXiaoming",
        name: "王小明",
        sex: "male",
        birthDate: "2021-03-15",
        idNumber: DEMO_ID.wangXiaoming,
        hukouDivisionCode: "440305",
        hukouSince: "2021-04-12",
        hukouAddress: NANSHAN_ADDRESS,
        residenceDivisionCode: "440305",
        residenceSince: "birth",
        maritalStatus: "unmarried",
        employmentStatus: "child",
        employer: null,
        insuranceStatus: "resident",
        insuranceMonths: 60,
        phone: null,
        licences: [
          { type: "birth_medical_certificate", issuedOn: "2021-03-18" },
          { type: "household_register", issuedOn: "2021-04-12" },
          { type: "vaccination_certificate", issuedOn: "2021-04-20" },
          { type: "medical_insurance_record", issuedOn: recent(30) },
        ],
      },
    ],
    spouses: [["wangJianguo", "zhaoLi", "2016-05-20"]],
    children: [
      ["wangJianguo", "wangXiaoming"],
      ["zhaoLi", "wangXiaoming"],
    ],
  },
  {
    key: "turning_sixty",
    residenceAddress: LUOHU_ADDRESS,
    housing: "own",
    members: [
      {
        key: "zhangXiuying",
        name: "张秀英",
        sex: "female",
        birthDate: "1966-12-08",
        idNumber: DEMO_ID.zhangXiuying,
        hukouDivisionCode: "440303",
        hukouSince: "1991-03-02",
        hukouAddress: LUOHU_ADDRESS,
        residenceDivisionCode: "440303",
        residenceSince: "1991-03-02",
        maritalStatus: "married",
        employmentStatus: "retired",
        employer: null,
        insuranceStatus: "employee",
        insuranceMonths: 312,
        phone: "13530012345",
        licences: [
          { type: "resident_id_card", issuedOn: "2013-04-10" },
          { type: "household_register", issuedOn: "1991-03-02" },
          { type: "marriage_certificate", issuedOn: "1988-10-01" },
          { type: "social_insurance_record", issuedOn: recent(40) },
          { type: "medical_insurance_record", issuedOn: recent(40) },
          { type: "social_security_card", issuedOn: "2014-08-18" },
        ],
      },
      {
        key: "liuGuoping",
        name: "刘国平",
        sex: "male",
        birthDate: "1962-04-02",
        idNumber: DEMO_ID.liuGuoping,
        hukouDivisionCode: "440303",
        hukouSince: "1985-09-15",
        hukouAddress: LUOHU_ADDRESS,
        residenceDivisionCode: "440303",
        residenceSince: "1991-03-02",
        maritalStatus: "married",
        employmentStatus: "retired",
        employer: null,
        insuranceStatus: "employee",
        insuranceMonths: 386,
        phone: "13712345676",
        licences: [
          { type: "resident_id_card", issuedOn: "2008-05-06" },
          { type: "household_register", issuedOn: "1985-09-15" },
          { type: "marriage_certificate", issuedOn: "1988-10-01" },
          { type: "social_insurance_record", issuedOn: recent(40) },
          { type: "medical_insurance_record", issuedOn: recent(40) },
          { type: "social_security_card", issuedOn: "2014-08-18" },
          { type: "property_certificate", issuedOn: "1998-06-12" },
          { type: "elderly_card", issuedOn: "2022-04-11" },
        ],
      },
    ],
    spouses: [["zhangXiuying", "liuGuoping", "1988-10-01"]],
    children: [],
  },
  {
    key: "migrant",
    residenceAddress: BAOAN_ADDRESS,
    housing: "rent",
    members: [
      {
        key: "huangWei",
        name: "黄伟",
        sex: "male",
        birthDate: "1995-07-07",
        idNumber: DEMO_ID.huangWei,
        hukouDivisionCode: "430102",
        hukouSince: "1995-08-01",
        hukouAddress: "湖南省长沙市芙蓉区五一路318号",
        residenceDivisionCode: "440306",
        residenceSince: "2024-03-01",
        maritalStatus: "unmarried",
        employmentStatus: "employed",
        employer: "深圳市海纳供应链管理有限公司",
        insuranceStatus: "employee",
        insuranceMonths: 30,
        phone: "18812345677",
        licences: [
          { type: "resident_id_card", issuedOn: "2021-08-02" },
          { type: "rental_registration", issuedOn: "2025-03-05", validUntil: "2027-02-28" },
          { type: "social_insurance_record", issuedOn: recent(20) },
          { type: "medical_insurance_record", issuedOn: recent(20) },
          { type: "social_security_card", issuedOn: "2024-04-08" },
        ],
      },
    ],
    spouses: [],
    children: [],
  },
  {
    key: "unemployed",
    residenceAddress: LONGGANG_ADDRESS,
    housing: "own",
    members: [
      {
        key: "zhouMin",
        name: "周敏",
        sex: "female",
        birthDate: "1985-10-21",
        idNumber: DEMO_ID.zhouMin,
        hukouDivisionCode: "440307",
        hukouSince: "2003-09-01",
        hukouAddress: LONGGANG_ADDRESS,
        residenceDivisionCode: "440307",
        residenceSince: "2012-06-18",
        maritalStatus: "divorced",
        employmentStatus: "unemployed",
        employer: null,
        employmentChangedDaysAgo: 25,
        insuranceStatus: "employee",
        insuranceMonths: 80,
        phone: "13612345678",
        licences: [
          { type: "resident_id_card", issuedOn: "2020-10-15" },
          { type: "household_register", issuedOn: "2003-09-01" },
          {
            type: "marriage_certificate",
            issuedOn: "2011-01-08",
            status: "revoked",
            statusReason: "已办理离婚登记",
          },
          { type: "divorce_certificate", issuedOn: "2019-06-21" },
          { type: "social_insurance_record", issuedOn: recent(15) },
          { type: "medical_insurance_record", issuedOn: recent(15) },
          { type: "social_security_card", issuedOn: "2012-07-02" },
          { type: "property_certificate", issuedOn: "2012-06-08" },
        ],
      },
    ],
    spouses: [],
    children: [],
  },
  {
    // 入学一件事: a family registered in Changsha, renting in Longhua since 2019; the son turns six
    // before next autumn's intake. The father has no residence permit yet and his insurance record
    // is older than three months, so the event files all three: print the record (即办), the
    // permit (public security), then the school place, which waits for both.
    key: "migrant_family",
    residenceAddress: LONGHUA_ADDRESS,
    housing: "rent",
    members: [
      {
        key: "liuYang",
        name: "刘洋",
        sex: "male",
        birthDate: "1989-09-14",
        idNumber: DEMO_ID.liuYang,
        hukouDivisionCode: "430102",
        hukouSince: "1989-10-02",
        hukouAddress: CHANGSHA_ADDRESS,
        residenceDivisionCode: "440309",
        residenceSince: "2019-03-01",
        maritalStatus: "married",
        employmentStatus: "employed",
        employer: "深圳市鹏程物流有限公司",
        insuranceStatus: "employee",
        insuranceMonths: 92,
        phone: "13723456790",
        licences: [
          { type: "resident_id_card", issuedOn: "2016-08-22" },
          // The family's booklet from Changsha, shared through the national population register.
          { type: "household_register", issuedOn: "2020-12-01" },
          { type: "marriage_certificate", issuedOn: "2017-10-01" },
          { type: "rental_registration", issuedOn: "2026-03-10", validUntil: "2027-03-09" },
          { type: "social_insurance_record", issuedOn: recent(140) },
          { type: "social_security_card", issuedOn: "2019-06-18" },
        ],
      },
      {
        key: "weiLijuan",
        name: "韦丽娟",
        sex: "female",
        birthDate: "1991-02-26",
        idNumber: DEMO_ID.weiLijuan,
        hukouDivisionCode: "430102",
        hukouSince: "2017-11-15",
        hukouAddress: CHANGSHA_ADDRESS,
        residenceDivisionCode: "440309",
        residenceSince: "2019-03-01",
        maritalStatus: "married",
        employmentStatus: "employed",
        employer: "深圳市优品餐饮管理有限公司",
        insuranceStatus: "employee",
        insuranceMonths: 60,
        phone: "13723456791",
        licences: [
          { type: "resident_id_card", issuedOn: "2018-03-05" },
          { type: "household_register", issuedOn: "2020-12-01" },
          { type: "marriage_certificate", issuedOn: "2017-10-01" },
        ],
      },
      {
        key: "liuZihan",
        name: "刘子涵",
        sex: "male",
        birthDate: "2020-11-08",
        idNumber: DEMO_ID.liuZihan,
        hukouDivisionCode: "430102",
        hukouSince: "2020-12-01",
        hukouAddress: CHANGSHA_ADDRESS,
        residenceDivisionCode: "440309",
        residenceSince: "birth",
        maritalStatus: "unmarried",
        employmentStatus: "child",
        employer: null,
        insuranceStatus: "resident",
        insuranceMonths: 60,
        phone: null,
        licences: [
          { type: "birth_medical_certificate", issuedOn: "2020-11-11" },
          { type: "household_register", issuedOn: "2020-12-01" },
          { type: "vaccination_certificate", issuedOn: "2020-12-05" },
          { type: "medical_insurance_record", issuedOn: recent(30) },
        ],
      },
    ],
    spouses: [["liuYang", "weiLijuan", "2017-10-01"]],
    children: [
      ["liuYang", "liuZihan"],
      ["weiLijuan", "liuZihan"],
    ],
  },
  {
    // 退休一件事: his statutory retirement day under the 2025 reform (60 years and 5 months) was
    // 10 November 2026; 33 years insured, Futian hukou, still on the employer's payroll.
    key: "retiree",
    residenceAddress: FUTIAN_XIANGMI_ADDRESS,
    housing: "own",
    members: [
      {
        key: "chenGuohua",
        name: "陈国华",
        sex: "male",
        birthDate: "1966-06-10",
        idNumber: DEMO_ID.chenGuohua,
        hukouDivisionCode: "440304",
        hukouSince: "1993-04-16",
        hukouAddress: FUTIAN_XIANGMI_ADDRESS,
        residenceDivisionCode: "440304",
        residenceSince: "1993-04-16",
        maritalStatus: "widowed",
        employmentStatus: "employed",
        employer: "深圳市华创电子科技有限公司",
        insuranceStatus: "employee",
        insuranceMonths: 396,
        phone: "13823456702",
        licences: [
          { type: "resident_id_card", issuedOn: "2016-06-20" },
          { type: "household_register", issuedOn: "1993-04-16" },
          { type: "social_insurance_record", issuedOn: recent(15) },
          { type: "medical_insurance_record", issuedOn: recent(15) },
          { type: "social_security_card", issuedOn: "2021-03-01" },
          { type: "property_certificate", issuedOn: "2003-08-12" },
        ],
      },
    ],
    spouses: [],
    children: [],
  },
  {
    // 就业一件事: his employer filed the contract's end with human resources twelve days ago, so
    // registration, benefit and training need nothing from him but the form.
    key: "jobseeker",
    residenceAddress: LUOHU_SUNGANG_ADDRESS,
    housing: "rent",
    members: [
      {
        key: "zhengKai",
        name: "郑凯",
        sex: "male",
        birthDate: "1990-04-12",
        idNumber: DEMO_ID.zhengKai,
        hukouDivisionCode: "440303",
        hukouSince: "2014-07-01",
        hukouAddress: LUOHU_SUNGANG_ADDRESS,
        residenceDivisionCode: "440303",
        residenceSince: "2014-07-01",
        maritalStatus: "unmarried",
        employmentStatus: "unemployed",
        employer: null,
        employmentChangedDaysAgo: 12,
        insuranceStatus: "employee",
        insuranceMonths: 74,
        phone: "13923456712",
        licences: [
          { type: "resident_id_card", issuedOn: "2018-05-20" },
          { type: "household_register", issuedOn: "2014-07-01" },
          { type: "social_insurance_record", issuedOn: recent(10) },
          { type: "medical_insurance_record", issuedOn: recent(10) },
          { type: "social_security_card", issuedOn: "2019-09-03" },
          { type: "labour_contract_termination", issuedOn: recent(12), employer: "深圳市启明精密制造有限公司", reason: "contract_ended" },
        ],
      },
    ],
    spouses: [],
    children: [],
  },
];

/** The person id of a demo resident: fixed by the ID number, independent of the random stream. */
export function demoPersonId(key: DemoPerson["key"]): string {
  return stableUuid(`person:demo:${key}`);
}

export type DemoAccount = {
  role: Role;
  /** Resident ID number (citizens) or staff number (staff). */
  login: string;
  name: string;
  descriptionZh: string;
  descriptionEn: string;
};

export type StaffSpec = {
  staffNo: string;
  role: Exclude<Role, "citizen">;
  name: string;
  departmentCode: string | null;
  centreKey: string | null;
  descriptionZh: string;
  descriptionEn: string;
};

/** Department codes → staff-number prefix. */
export const STAFF_PREFIX: Readonly<Record<string, string>> = {
  psb: "PSB",
  civil: "CIV",
  edu: "EDU",
  health: "HEA",
  hrss: "HRS",
  housing: "HOU",
  samr: "SAM",
  medins: "MED",
};

const DEPT_ZH: Record<string, [string, string]> = {
  psb: ["公安", "public security"],
  civil: ["民政", "civil affairs"],
  edu: ["教育", "education"],
  health: ["卫生健康", "health"],
  hrss: ["人力资源和社会保障", "human resources and social security"],
  housing: ["住房和建设", "housing"],
  samr: ["市场监管", "market regulation"],
  medins: ["医疗保障", "medical insurance"],
};

const CLERK_NAMES: Record<string, string> = {
  psb: "林志华",
  civil: "陈美玲",
  edu: "刘晓东",
  health: "黄丽娟",
  hrss: "张伟明",
  housing: "吴婷婷",
  samr: "郑国强",
  medins: "何静",
};

/** The department back office: 审查 (reviewer, …002) and 审批 (approver, …003). */
const REVIEWER_NAMES: Record<string, string> = {
  psb: "王海燕",
  civil: "李国栋",
  edu: "赵雪梅",
  health: "钱志远",
  hrss: "孙丽华",
  housing: "周振宇",
  samr: "吴晓芳",
  medins: "郑浩然",
};
const APPROVER_NAMES: Record<string, string> = {
  psb: "陈立军",
  civil: "杨淑芬",
  edu: "黄国平",
  health: "林秀珍",
  hrss: "马建新",
  housing: "朱文静",
  samr: "胡德明",
  medins: "高春燕",
};

export const STAFF: readonly StaffSpec[] = [
  ...Object.entries(STAFF_PREFIX).map(([dept, prefix]): StaffSpec => {
    const [zh, en] = DEPT_ZH[dept] ?? [dept, dept];
    return {
      staffNo: `${prefix}001`,
      role: "clerk",
      name: CLERK_NAMES[dept] ?? prefix,
      departmentCode: dept,
      centreKey: null,
      descriptionZh: `${zh}部门窗口人员：处理本部门事项的办件`,
      descriptionEn: `Counter clerk of the ${en} department: works the department's applications`,
    };
  }),
  ...Object.entries(STAFF_PREFIX).flatMap(([dept, prefix]): StaffSpec[] => {
    const [zh, en] = DEPT_ZH[dept] ?? [dept, dept];
    return [
      {
        staffNo: `${prefix}002`,
        role: "reviewer",
        name: REVIEWER_NAMES[dept] ?? `${prefix}002`,
        departmentCode: dept,
        centreKey: null,
        descriptionZh: `${zh}部门审查人员：对已受理的本部门办件作初审、复审`,
        descriptionEn: `Reviewer of the ${en} department: first and second review of accepted applications`,
      },
      {
        staffNo: `${prefix}003`,
        role: "approver",
        name: APPROVER_NAMES[dept] ?? `${prefix}003`,
        departmentCode: dept,
        centreKey: null,
        descriptionZh: `${zh}部门审批人员：对本部门办件作出准予或不予许可的决定（不能审批自己受理或审查过的办件）`,
        descriptionEn: `Approver of the ${en} department: decides the department's applications (never one they accepted or reviewed)`,
      },
    ];
  }),
  // 事项管理: who keeps a department's services in the catalogue (two departments in the demo).
  {
    staffNo: "CIV004",
    role: "catalogue_manager",
    name: "徐慧敏",
    departmentCode: "civil",
    centreKey: null,
    descriptionZh: "民政部门事项管理员：编辑、发布、暂停本部门的办事事项（版本化，留痕）",
    descriptionEn: "Catalogue manager of the civil affairs department: edits, publishes and suspends the department's services (versioned, audited)",
  },
  {
    staffNo: "HEA004",
    role: "catalogue_manager",
    name: "邓子涵",
    departmentCode: "health",
    centreKey: null,
    descriptionZh: "卫生健康部门事项管理员：编辑、发布、暂停本部门的办事事项",
    descriptionEn: "Catalogue manager of the health department: edits, publishes and suspends the department's services",
  },
  {
    staffNo: "FT001",
    role: "clerk",
    name: "孙悦",
    departmentCode: null,
    centreKey: "futian",
    descriptionZh: "福田区政务服务中心综合窗口人员",
    descriptionEn: "Comprehensive-window clerk at the Futian service centre",
  },
  {
    staffNo: "NS001",
    role: "clerk",
    name: "梁文杰",
    departmentCode: null,
    centreKey: "nanshan",
    descriptionZh: "南山区政务服务中心综合窗口人员",
    descriptionEn: "Comprehensive-window clerk at the Nanshan service centre",
  },
  {
    staffNo: "SUP001",
    role: "supervisor",
    name: "周建华",
    departmentCode: null,
    centreKey: null,
    descriptionZh: "全市督查人员：查看全市办件时效、满意度与主动服务名单",
    descriptionEn: "City-wide supervisor: processing times, satisfaction and proactive-service lists",
  },
  {
    staffNo: "SUP002",
    role: "supervisor",
    name: "许慧敏",
    departmentCode: null,
    centreKey: "futian",
    descriptionZh: "福田区政务服务中心督查人员",
    descriptionEn: "Supervisor of the Futian service centre",
  },
  {
    staffNo: "ADM001",
    role: "admin",
    name: "赵磊",
    departmentCode: null,
    centreKey: null,
    descriptionZh: "系统管理员：管理人员账号与事项目录",
    descriptionEn: "Administrator: staff accounts and the service catalogue",
  },
];

/** The demo citizens who sign in, in README order. */
export const DEMO_CITIZENS: readonly (DemoAccount & { personKey: DemoPerson["key"] })[] = [
  {
    role: "citizen",
    login: DEMO_ID.liXiaomei,
    personKey: "liXiaomei",
    name: "李晓梅",
    descriptionZh: "新生儿家庭：女儿陈若汐出生20天，已有出生医学证明，尚未办理户口登记和身份证",
    descriptionEn: "Newborn family: daughter 陈若汐 is 20 days old, has a birth medical certificate, not yet registered in the hukou",
  },
  {
    role: "citizen",
    login: DEMO_ID.wangJianguo,
    personKey: "wangJianguo",
    name: "王建国",
    descriptionZh: "适龄儿童家庭：儿子王小明2021年3月出生，南山户籍和房产，可申请小学入学",
    descriptionEn: "School-age child: son 王小明 born March 2021, Nanshan hukou and property, due for primary-school enrolment",
  },
  {
    role: "citizen",
    login: DEMO_ID.zhangXiuying,
    personKey: "zhangXiuying",
    name: "张秀英",
    descriptionZh: "即将年满60岁（1966年12月8日出生），罗湖户籍，尚未办理敬老卡",
    descriptionEn: "Turning 60 (born 8 Dec 1966), Luohu hukou, has no elderly card yet",
  },
  {
    role: "citizen",
    login: DEMO_ID.huangWei,
    personKey: "huangWei",
    name: "黄伟",
    descriptionZh: "来深建设者：长沙户籍，2024年3月起居住宝安，已参保30个月、有租赁登记，尚无居住证",
    descriptionEn: "Migrant worker: Changsha hukou, living in Bao'an since March 2024, insured 30 months, rental registered, no residence permit",
  },
  {
    role: "citizen",
    login: DEMO_ID.zhouMin,
    personKey: "zhouMin",
    name: "周敏",
    descriptionZh: "近期失业：龙岗户籍，累计参保80个月，尚未办理失业登记",
    descriptionEn: "Recently unemployed: Longgang hukou, insured 80 months, not yet registered as unemployed",
  },
  {
    role: "citizen",
    login: DEMO_ID.liuYang,
    personKey: "liuYang",
    name: "刘洋",
    descriptionZh: "非深户籍家庭：长沙户籍，2019年起租住龙华，儿子刘子涵明年秋季入学；尚无居住证，可一次办理入学一件事",
    descriptionEn: "Family without Shenzhen hukou: registered in Changsha, renting in Longhua since 2019, son 刘子涵 starts school next autumn; no residence permit yet — ready for the school-entry life event",
  },
  {
    role: "citizen",
    login: DEMO_ID.chenGuohua,
    personKey: "chenGuohua",
    name: "陈国华",
    descriptionZh: "到龄退休：1966年6月出生，2026年11月10日到法定退休年龄，福田户籍，累计参保33年，可一次办理退休一件事",
    descriptionEn: "Due to retire: born June 1966, statutory retirement day 10 Nov 2026, Futian hukou, insured 33 years; ready for the retirement life event",
  },
  {
    role: "citizen",
    login: DEMO_ID.zhengKai,
    personKey: "zhengKai",
    name: "郑凯",
    descriptionZh: "劳动合同12天前期满终止：罗湖户籍，累计参保74个月，原单位已办理退工备案，可一次办理就业一件事",
    descriptionEn: "Labour contract ended 12 days ago: Luohu hukou, insured 74 months, the employer has filed the contract's end; ready for the job-loss life event",
  },
];

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  ...DEMO_CITIZENS.map(({ personKey: _k, ...a }) => a),
  ...STAFF.map((s) => ({
    role: s.role,
    login: s.staffNo,
    name: s.name,
    descriptionZh: s.descriptionZh,
    descriptionEn: s.descriptionEn,
  })),
];
