/**
 * Shenzhen (深圳市, GB/T 2260 440300) departments and district service centres.
 *
 * Organisation codes and USCCs below are SYNTHETIC — well-formed (GB 11714 check character
 * in the organisation code, GB 32100 check character in the USCC) but not the real codes of
 * these organs. Replace them with the published codes before any real-world use.
 * Centre addresses and phone numbers are likewise illustrative.
 */
import { makeUscc } from "@/lib/id-number";
import { stableUuid } from "./random";

export const SHENZHEN_DIVISION = "440300";

const ORG_CODE_BODY = /^[0-9A-HJ-NPQRTUWXY]{8}$/;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * A 9-character organisation code (组织机构代码, GB 11714-1997) from its 8-character body:
 * c9 = 11 − (Σ value × weight mod 11), 10 → "X", 11 → "0"; digits are 0-9, letters A=10 … Z=35.
 * The body is limited to the USCC alphabet so the result can sit inside a USCC.
 */
export function orgCode(body: string): string {
  if (!ORG_CODE_BODY.test(body)) throw new RangeError(`bad organisation code body: ${body}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body.charAt(i);
    const value = ch >= "0" && ch <= "9" ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return `${body}${c === 10 ? "X" : c === 11 ? "0" : String(c)}`;
}

/** USCC of a government organ (registration authority 1 = 机构编制, type 1 = 机关). */
export function organUscc(divisionCode: string, orgBody: string): string {
  return makeUscc(`11${divisionCode}${orgCode(orgBody)}`);
}

export const DEPARTMENT_KEYS = ["psb", "civil", "edu", "health", "hrss", "housing", "samr", "medins"] as const;
export type DepartmentKey = (typeof DEPARTMENT_KEYS)[number];

export type DepartmentDef = {
  code: DepartmentKey;
  nameZh: string;
  nameEn: string;
  /** 8-character organisation-code body; the 9th (check) character is computed. */
  orgBody: string;
};

// Organs reorganised in the 2019 institutional reform got new "MB…" codes; older ones keep
// the pre-2015 organisation code in their USCC, as real Shenzhen organs do.
export const DEPARTMENTS: DepartmentDef[] = [
  { code: "psb", nameZh: "深圳市公安局", nameEn: "Shenzhen Municipal Public Security Bureau", orgBody: "00754282" },
  { code: "civil", nameZh: "深圳市民政局", nameEn: "Shenzhen Municipal Civil Affairs Bureau", orgBody: "00754304" },
  { code: "edu", nameZh: "深圳市教育局", nameEn: "Shenzhen Municipal Education Bureau", orgBody: "00754311" },
  { code: "health", nameZh: "深圳市卫生健康委员会", nameEn: "Health Commission of Shenzhen Municipality", orgBody: "MB2C9279" },
  { code: "hrss", nameZh: "深圳市人力资源和社会保障局", nameEn: "Shenzhen Municipal Human Resources and Social Security Bureau", orgBody: "69558861" },
  { code: "housing", nameZh: "深圳市住房和建设局", nameEn: "Shenzhen Municipal Housing and Construction Bureau", orgBody: "00754338" },
  { code: "samr", nameZh: "深圳市市场监督管理局", nameEn: "Shenzhen Municipal Administration for Market Regulation", orgBody: "MB2C9340" },
  { code: "medins", nameZh: "深圳市医疗保障局", nameEn: "Shenzhen Healthcare Security Administration", orgBody: "MB2C9412" },
];

export function departmentId(code: DepartmentKey): string {
  return stableUuid(`department:${code}`);
}

export function departmentUscc(code: DepartmentKey): string {
  const dep = DEPARTMENTS.find((d) => d.code === code);
  if (!dep) throw new Error(`unknown department ${code}`);
  return organUscc(SHENZHEN_DIVISION, dep.orgBody);
}

export function departmentRows() {
  return DEPARTMENTS.map((d) => ({
    id: departmentId(d.code),
    code: d.code,
    uscc: departmentUscc(d.code),
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    divisionCode: SHENZHEN_DIVISION,
  }));
}

/**
 * National ministries that define nationally uniform certificate types (GB/T 36904 type codes
 * start with the defining authority's USCC). Synthetic codes, see the file comment.
 */
export const NATIONAL_AUTHORITIES = {
  mps: { nameZh: "公安部", uscc: organUscc("100000", "00001333") },
  mca: { nameZh: "民政部", uscc: organUscc("100000", "00001345") },
  nhc: { nameZh: "国家卫生健康委员会", uscc: organUscc("100000", "MB1A4837") },
  mohrss: { nameZh: "人力资源和社会保障部", uscc: organUscc("100000", "71783140") },
  nhsa: { nameZh: "国家医疗保障局", uscc: organUscc("100000", "MB1A5216") },
  mnr: { nameZh: "自然资源部", uscc: organUscc("100000", "MB1A4904") },
  samr: { nameZh: "国家市场监督管理总局", uscc: organUscc("100000", "MB1A4955") },
} as const;
export type NationalAuthorityKey = keyof typeof NATIONAL_AUTHORITIES;

export const CENTRE_KEYS = ["futian", "luohu", "nanshan", "baoan", "longgang"] as const;
export type CentreKey = (typeof CENTRE_KEYS)[number];

const WEEKDAY_HOURS_ZH = "周一至周五 9:00-12:00，14:00-18:00（法定节假日休息，调休上班日照常办公）";
const WEEKDAY_HOURS_EN =
  "Mon–Fri 9:00–12:00, 14:00–18:00 (closed on public holidays; open on make-up working days)";
const SATURDAY_HOURS_ZH = "周一至周五 9:00-12:00，14:00-18:00；周六 9:00-12:00（法定节假日休息，调休上班日照常办公）";
const SATURDAY_HOURS_EN =
  "Mon–Fri 9:00–12:00, 14:00–18:00; Sat 9:00–12:00 (closed on public holidays; open on make-up working days)";

export const CENTRES: {
  code: CentreKey;
  nameZh: string;
  nameEn: string;
  addressZh: string;
  addressEn: string;
  divisionCode: string;
  phone: string;
  saturday: boolean;
}[] = [
  {
    code: "futian",
    nameZh: "福田区政务服务中心",
    nameEn: "Futian District Government Service Centre",
    addressZh: "深圳市福田区福田街道福华三路88号福田区行政服务大厅",
    addressEn: "Futian District Administrative Service Hall, 88 Fuhua 3rd Road, Futian Subdistrict, Futian District, Shenzhen",
    divisionCode: "440304",
    phone: "0755-82918000",
    saturday: true,
  },
  {
    code: "luohu",
    nameZh: "罗湖区政务服务中心",
    nameEn: "Luohu District Government Service Centre",
    addressZh: "深圳市罗湖区桂园街道文锦中路1008号罗湖区行政服务大厅",
    addressEn: "Luohu District Administrative Service Hall, 1008 Wenjin Middle Road, Guiyuan Subdistrict, Luohu District, Shenzhen",
    divisionCode: "440303",
    phone: "0755-82209000",
    saturday: false,
  },
  {
    code: "nanshan",
    nameZh: "南山区政务服务中心",
    nameEn: "Nanshan District Government Service Centre",
    addressZh: "深圳市南山区南头街道南山大道2076号南山区行政服务大厅",
    addressEn: "Nanshan District Administrative Service Hall, 2076 Nanshan Avenue, Nantou Subdistrict, Nanshan District, Shenzhen",
    divisionCode: "440305",
    phone: "0755-26660000",
    saturday: true,
  },
  {
    code: "baoan",
    nameZh: "宝安区政务服务中心",
    nameEn: "Bao'an District Government Service Centre",
    addressZh: "深圳市宝安区新安街道创业一路1号宝安区行政服务大厅",
    addressEn: "Bao'an District Administrative Service Hall, 1 Chuangye 1st Road, Xin'an Subdistrict, Bao'an District, Shenzhen",
    divisionCode: "440306",
    phone: "0755-27750000",
    saturday: true,
  },
  {
    code: "longgang",
    nameZh: "龙岗区政务服务中心",
    nameEn: "Longgang District Government Service Centre",
    addressZh: "深圳市龙岗区龙城街道龙福路1号龙岗区行政服务大厅",
    addressEn: "Longgang District Administrative Service Hall, 1 Longfu Road, Longcheng Subdistrict, Longgang District, Shenzhen",
    divisionCode: "440307",
    phone: "0755-28940000",
    saturday: false,
  },
];

export function centreId(code: CentreKey): string {
  return stableUuid(`centre:${code}`);
}

export function centreRows() {
  return CENTRES.map((c) => ({
    id: centreId(c.code),
    code: c.code,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    addressZh: c.addressZh,
    addressEn: c.addressEn,
    divisionCode: c.divisionCode,
    phone: c.phone,
    hoursZh: c.saturday ? SATURDAY_HOURS_ZH : WEEKDAY_HOURS_ZH,
    hoursEn: c.saturday ? SATURDAY_HOURS_EN : WEEKDAY_HOURS_EN,
  }));
}

/** Departments whose services every centre's comprehensive window accepts. */
export const CENTRE_BASE_DEPARTMENTS: DepartmentKey[] = ["psb", "civil", "hrss", "medins", "housing", "health"];
/** Extra departments accepted only at the larger halls. */
export const CENTRE_EXTRA_DEPARTMENTS: Partial<Record<CentreKey, DepartmentKey[]>> = {
  futian: ["edu", "samr"],
  nanshan: ["edu", "samr"],
};
