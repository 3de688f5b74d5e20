/**
 * The population base register and the licence library as the departments would have filled
 * them: a young migrant city of households, each person with the certificates their life so
 * far would have produced, every licence signed.
 *
 * Deterministic given (rng seed, persons, today): all randomness comes from `rng`, every id is
 * drawn from it (or is a stable uuid for the demo residents), every timestamp is derived from
 * `today`. Generation runs in chunks; each chunk is written in one transaction with
 * `json_populate_recordset` (one bind parameter per batch, well under PostgreSQL's 65,535) while
 * the next chunk is being generated, so memory stays bounded and the database and the signer
 * work at the same time.
 */
import { sign, type KeyObject } from "node:crypto";
import { Worker } from "node:worker_threads";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { writeTables, type BulkLoader, type TableWriter } from "./bulk-load";
import { makeLicenceIdentifier, makeResidentId, makeUscc } from "../../lib/id-number";
import { canonicalLicenceBytes } from "../../lib/licences/signing";
import {
  COMPOUND_PREFIXES,
  COMPOUND_SUFFIXES,
  DISTRICT_CREATED,
  DISTRICT_POPULATION_WEIGHTS,
  DIVISIONS,
  ORIGIN_DIVISIONS,
  ORIGIN_ROADS,
  ROADS,
  STREETS,
  divisionByCodeOrThrow,
} from "./divisions";
import {
  DEMO_HOUSEHOLDS,
  NEWBORN_DIVISION,
  NEWBORN_SEQUENCE,
  demoPersonId,
  type DemoHousehold,
  type DemoLicence,
  type DemoLicenceKey,
  type DemoPerson,
} from "./demo";
import { randomName, type Sex } from "./names";
import { stableUuid, type Random } from "./random";

export type PopulationOptions = {
  rng: Random;
  /** Total persons, the demo residents included. */
  persons: number;
  today: string;
  signingKey: KeyObject;
  log?: (m: string) => void;
  /** Persons per generated chunk (one transaction each). */
  chunkSize?: number;
  /** Write with COPY through this loader (db/seed/bulk-load.ts) instead of INSERT batches. */
  loader?: BulkLoader;
};

export type PopulationResult = { persons: number; licences: number; relations: number };

// ---------------------------------------------------------------------------------------------
// Dates: day numbers (days since 1970-01-01) for arithmetic, ISO strings at the edges.

const DAY_MS = 86_400_000;

export function dayNum(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

const isoCache = new Map<number, string>();

export function isoDay(n: number): string {
  let s = isoCache.get(n);
  if (s === undefined) {
    s = new Date(n * DAY_MS).toISOString().slice(0, 10);
    // Bounded: the seed only ever touches a few tens of thousands of distinct days.
    if (isoCache.size < 200_000) isoCache.set(n, s);
  }
  return s;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function monthLength(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Same day `months` later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29). */
function addMonths(n: number, months: number): number {
  const s = isoDay(n);
  let y = Number(s.slice(0, 4));
  let m = Number(s.slice(5, 7)) + months;
  y += Math.floor((m - 1) / 12);
  m = ((((m - 1) % 12) + 12) % 12) + 1;
  const d = Math.min(Number(s.slice(8, 10)), monthLength(y, m));
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function addYears(n: number, years: number): number {
  return addMonths(n, years * 12);
}

function yearOf(n: number): number {
  return Number(isoDay(n).slice(0, 4));
}

/** Whole years between birth and `on`. */
function ageOn(birth: number, on: number): number {
  const b = isoDay(birth);
  const o = isoDay(on);
  let age = Number(o.slice(0, 4)) - Number(b.slice(0, 4));
  if (o.slice(5) < b.slice(5)) age -= 1;
  return age;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** A China-time timestamp on day `n` at `minutes` past midnight. */
function ts(n: number, minutes: number): string {
  const m = Math.max(0, Math.min(1439, Math.floor(minutes)));
  return `${isoDay(n)}T${pad(Math.floor(m / 60), 2)}:${pad(m % 60, 2)}:00+08:00`;
}

function dotted(n: number): string {
  return isoDay(n).replaceAll("-", ".");
}

// ---------------------------------------------------------------------------------------------
// Reference data read from the database.

type LicenceTypeInfo = {
  id: string;
  key: string;
  code: string;
  nameZh: string;
  validityMonths: number | null;
  deptId: string;
  deptCode: string;
  uscc: string;
  deptNameZh: string;
};

type RefData = { types: Map<string, LicenceTypeInfo> };

async function loadRefData(db: Executor): Promise<RefData> {
  const res = await db.execute(sql`
    SELECT lt.id, lt.key, lt.code, lt.name_zh, lt.default_validity_months,
           d.id AS dept_id, d.code AS dept_code, d.uscc, d.name_zh AS dept_name_zh
    FROM licence_types lt JOIN departments d ON d.id = lt.issuing_department_id
    ORDER BY lt.key`);
  const types = new Map<string, LicenceTypeInfo>();
  for (const r of rowsOf(res)) {
    types.set(String(r.key), {
      id: String(r.id),
      key: String(r.key),
      code: String(r.code),
      nameZh: String(r.name_zh),
      validityMonths: r.default_validity_months === null ? null : Number(r.default_validity_months),
      deptId: String(r.dept_id),
      deptCode: String(r.dept_code),
      uscc: String(r.uscc),
      deptNameZh: String(r.dept_name_zh),
    });
  }
  return { types };
}

/** A nullable text column of a raw query row. */
export function optText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

/** node-postgres returns `{ rows }`, PGlite too; keep the shape check in one place. */
export function rowsOf(res: unknown): Record<string, unknown>[] {
  if (Array.isArray(res)) return res as Record<string, unknown>[];
  const rows = (res as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
}

// ---------------------------------------------------------------------------------------------
// Bulk writing.

type Row = Record<string, unknown>;

const PERSON_COLUMNS = [
  "id", "id_number", "name", "sex", "birth_date", "ethnicity", "hukou_division_code", "hukou_address",
  "hukou_updated_at", "residence_division_code", "residence_address", "residence_since",
  "residence_updated_at", "marital_status", "marital_updated_at", "employment_status", "employer",
  "employment_updated_at", "insurance_status", "insurance_months", "insurance_updated_at", "phone",
  "created_at",
] as const;

const RELATION_COLUMNS = ["person_id", "relative_id", "relation"] as const;

const LICENCE_COLUMNS = [
  "id", "identifier", "licence_type_id", "licence_number", "holder_person_id", "holder_name",
  "holder_code", "holder_code_type", "issuer_department_id", "issuer_name", "issuer_code",
  "jurisdiction_code", "issued_on", "valid_from", "valid_until", "status", "status_reason",
  "status_changed_at", "version", "fields", "source_application_id", "signature", "created_at",
] as const;

/**
 * INSERT … SELECT FROM json_populate_recordset: one text parameter per batch, so the bind
 * limit never matters and both engines (pg and PGlite) run the same SQL.
 */
export async function bulkInsert(
  db: Executor,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
  batchSize = 5000,
): Promise<void> {
  const cols = columns.map((c) => `"${c}"`).join(", ");
  for (let i = 0; i < rows.length; i += batchSize) {
    const json = JSON.stringify(rows.slice(i, i + batchSize));
    await db.execute(
      sql`INSERT INTO ${sql.raw(`"${table}"`)} (${sql.raw(cols)}) SELECT ${sql.raw(cols)} FROM json_populate_recordset(NULL::${sql.raw(`"${table}"`)}, ${json}::json)`,
    );
  }
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * UUIDv7-shaped ids: a 48-bit prefix that grows row by row (like v7's millisecond clock),
 * then bits from the seed's generator. Deterministic like rng.uuid(), but rows written in
 * generation order land at the right-hand edge of the primary-key and foreign-key indexes
 * instead of at random pages — several times faster to bulk-load at a million rows.
 */
export class OrderedIds {
  private n = 0;
  constructor(
    private readonly rng: Random,
    /** Start of the prefix, e.g. a millisecond timestamp. */
    private readonly base: number,
  ) {}

  next(): string {
    const prefix = (this.base + this.n++).toString(16).padStart(12, "0").slice(-12);
    const r = this.rng.uuid();
    return `${prefix.slice(0, 8)}-${prefix.slice(8, 12)}-7${r.slice(15, 18)}-${r.slice(19, 23)}-${r.slice(24)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Word lists.

const ETHNIC_MINORITIES: readonly (readonly [string, number])[] = [
  ["壮族", 3], ["土家族", 2], ["苗族", 1.5], ["回族", 1], ["满族", 1], ["瑶族", 1], ["侗族", 0.8], ["畲族", 0.5], ["蒙古族", 0.4], ["彝族", 0.4],
];

/** Why a labour contract ended, as the employer files it (the unemployment form's options). */
const TERMINATION_REASONS = ["contract_ended", "contract_ended", "dismissed", "business_closed", "resigned"] as const;
type TerminationReason = (typeof TERMINATION_REASONS)[number];
const TERMINATION_REASON_ZH: Record<TerminationReason, string> = {
  contract_ended: "劳动合同期满终止",
  dismissed: "用人单位解除劳动合同",
  business_closed: "用人单位依法破产、关闭",
  resigned: "劳动者本人提出解除劳动合同",
};

const COMPANY_PREFIXES = [
  "华创", "鹏程", "前海", "宏达", "新世纪", "金信", "联合", "锦程", "恒通", "万家", "海纳", "优品", "云帆",
  "星河", "启明", "盛世", "智联", "安居", "百川", "天成", "博雅", "汇丰源", "中科", "深蓝", "湾区", "东方",
];
const COMPANY_INDUSTRIES = [
  "电子科技", "信息技术", "物流", "贸易", "餐饮管理", "建筑工程", "医疗器械", "教育咨询", "物业管理", "精密制造",
  "网络科技", "供应链管理", "服装", "家具", "新能源", "生物科技", "金融服务", "文化传媒", "汽车销售", "检测技术",
];
const PUBLIC_EMPLOYERS = [
  "深圳市人民医院", "深圳市第二人民医院", "北京大学深圳医院", "深圳大学", "南方科技大学", "深圳市地铁集团有限公司",
  "深圳巴士集团股份有限公司", "深圳市水务（集团）有限公司", "深圳供电局有限公司", "深圳市燃气集团股份有限公司",
];
const SHOP_KINDS: readonly (readonly [string, string])[] = [
  ["餐饮店", "餐饮服务"], ["便利店", "日用百货零售"], ["水果店", "水果零售"], ["理发店", "美发服务"],
  ["五金店", "五金交电零售"], ["服装店", "服装零售"], ["手机维修店", "电子产品维修"], ["快餐店", "餐饮服务"],
  ["洗衣店", "洗染服务"], ["烟酒商行", "预包装食品、烟草零售"], ["家电维修部", "家用电器维修"], ["茶叶店", "茶叶零售"],
];
const HOSPITALS_BY_DISTRICT: Readonly<Record<string, readonly string[]>> = {
  "440303": ["深圳市人民医院", "深圳市罗湖区人民医院", "深圳市罗湖区妇幼保健院"],
  "440304": ["北京大学深圳医院", "深圳市妇幼保健院", "深圳市福田区妇幼保健院", "香港大学深圳医院"],
  "440305": ["深圳市南山区人民医院", "深圳市南山区妇幼保健院", "香港大学深圳医院"],
  "440306": ["深圳市宝安区妇幼保健院", "深圳市宝安区人民医院", "深圳市宝安区中心医院"],
  "440307": ["深圳市龙岗区妇幼保健院", "深圳市龙岗中心医院", "深圳市第三人民医院"],
  "440308": ["深圳市盐田区人民医院"],
  "440309": ["深圳市龙华区人民医院", "深圳市龙华区妇幼保健院"],
  "440310": ["深圳市坪山区人民医院", "深圳市坪山区妇幼保健院"],
  "440311": ["深圳市光明区人民医院", "深圳市光明区妇幼保健院"],
};
const SCHOOL_NAMES = ["实验学校", "第一小学", "中心小学", "外国语小学", "育才小学", "荔园小学", "百合小学", "阳光小学", "翠竹小学", "新安小学"];
const BANKS = ["中国建设银行", "中国工商银行", "中国农业银行", "中国银行", "平安银行", "招商银行", "交通银行"];
const PHONE_PREFIXES = [
  "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
  "156", "157", "158", "159", "166", "170", "176", "177", "178", "180", "181", "182", "183", "184", "185",
  "186", "187", "188", "189", "191", "193", "195", "198", "199",
];
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// ---------------------------------------------------------------------------------------------
// The model.

type Marital = "unmarried" | "married" | "divorced" | "widowed";
type Employment = "employed" | "self_employed" | "unemployed" | "retired" | "student" | "child";
type Insurance = "employee" | "resident" | "none";

type Person = {
  id: string;
  idNumber: string;
  name: string;
  sex: Sex;
  birth: number;
  ethnicity: string;
  migrant: boolean;
  bornInSz: boolean;
  hukouDivisionCode: string | null;
  hukouAddress: string | null;
  hukouSince: number | null;
  residenceDivisionCode: string;
  residenceAddress: string;
  residenceSince: number;
  maritalStatus: Marital;
  maritalSince: number | null;
  employmentStatus: Employment;
  employer: string | null;
  employmentSince: number;
  insuranceStatus: Insurance;
  insuranceMonths: number;
  insuredSince: number | null;
  phone: string | null;
  /** 户主 / 配偶 / 子 / 女 / 父亲 / 母亲 — relation to the head of the household register. */
  relationToHead: string;
  /** The divorce date of a past marriage, if any (divorced, or remarried). */
  divorcedOn: number | null;
  previousMarriageOn: number | null;
};

type Household = {
  district: string;
  street: string;
  address: string;
  housing: "own" | "rent" | "public";
  moveIn: number;
  /** Shenzhen hukou household: its 户号 and police station. */
  householdNumber: string | null;
  policeStation: string;
  members: Person[];
  couples: { a: Person; b: Person; marriedOn: number }[];
  parentChild: [Person, Person][];
};

type HouseholdKind =
  | "single"
  | "couple"
  | "family"
  | "single_parent"
  | "elderly_couple"
  | "elderly_single"
  | "three_generation"
  | "middle_couple"
  | "middle_single";

const HOUSEHOLD_KINDS: readonly (readonly [HouseholdKind, number])[] = [
  ["single", 30],
  ["couple", 12],
  ["family", 33],
  ["single_parent", 3],
  ["elderly_couple", 2.0],
  ["elderly_single", 1.2],
  ["three_generation", 6],
  ["middle_couple", 8],
  ["middle_single", 4],
];

const MIGRANT_SHARE: Readonly<Record<HouseholdKind, number>> = {
  single: 0.62,
  couple: 0.42,
  family: 0.32,
  single_parent: 0.25,
  elderly_couple: 0.1,
  elderly_single: 0.1,
  three_generation: 0.32,
  middle_couple: 0.25,
  middle_single: 0.3,
};

// ---------------------------------------------------------------------------------------------

class PopulationGenerator {
  readonly today: number;
  readonly todayIso: string;
  private readonly usedIds = new Set<number>();
  private readonly divisionIndex = new Map<string, number>();
  private serial = 0;
  private householdSerial = 0;
  private readonly personIds: OrderedIds;
  private readonly licenceIds: OrderedIds;

  persons: Row[] = [];
  relations: Row[] = [];
  licences: Row[] = [];
  toSign: Buffer[] = [];
  totalPersons = 0;
  totalLicences = 0;
  totalRelations = 0;

  constructor(
    private readonly rng: Random,
    todayIso: string,
    private readonly ref: RefData,
    private readonly log: (m: string) => void,
  ) {
    this.todayIso = todayIso;
    this.today = dayNum(todayIso);
    // Prefixes from the register's and the library's opening days (2016, 2018).
    this.personIds = new OrderedIds(rng, dayNum("2016-01-04") * DAY_MS);
    this.licenceIds = new OrderedIds(rng, dayNum("2018-06-01") * DAY_MS);
    DIVISIONS.forEach((d, i) => this.divisionIndex.set(d.code, i + 1));
    const missing = [...ALL_TYPE_KEYS].filter((k) => !ref.types.has(k));
    if (missing.length > 0) this.log(`population: licence types missing from the catalogue, skipped: ${missing.join(", ")}`);
  }

  takeChunk(): Chunk {
    const out = { persons: this.persons, relations: this.relations, licences: this.licences, toSign: this.toSign };
    this.persons = [];
    this.relations = [];
    this.licences = [];
    this.toSign = [];
    return out;
  }

  // ---- identity numbers --------------------------------------------------------------------

  private idKey(division: string, birth: number, seq: number): number {
    const idx = this.divisionIndex.get(division) ?? 99;
    return (idx * 1e8 + Number(isoDay(birth).replaceAll("-", ""))) * 1000 + seq;
  }

  reserveId(idNumber: string): void {
    const division = idNumber.slice(0, 6);
    const birth = dayNum(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`);
    this.usedIds.add(this.idKey(division, birth, Number(idNumber.slice(14, 17))));
  }

  private newIdNumber(division: string, birth: number, sex: Sex): string {
    for (;;) {
      let seq = this.rng.int(0, 499) * 2 + (sex === "male" ? 1 : 0);
      if (seq > 999) seq -= 2;
      const k = this.idKey(division, birth, seq);
      if (!this.usedIds.has(k)) {
        this.usedIds.add(k);
        return makeResidentId(division, isoDay(birth), seq);
      }
    }
  }

  /** The division a person's ID number carries: where they were first registered. */
  private idDivision(bornInSz: boolean, birthDistrict: string, originCode: string | null, birth: number): string {
    if (bornInSz) {
      const created = DISTRICT_CREATED[birthDistrict];
      if (created && yearOf(birth) < created.year) {
        const before = DISTRICT_CREATED[created.before];
        // A district split from another that itself did not exist yet: the old city code.
        if (before && yearOf(birth) < before.year) return "440301";
        return created.before;
      }
      return birthDistrict;
    }
    const origin = originCode ?? "430102";
    if (origin === "411602" && yearOf(birth) < 2000) return "412702";
    return origin;
  }

  // ---- small generators --------------------------------------------------------------------

  private phone(): string {
    return `${this.rng.pick(PHONE_PREFIXES)}${pad(this.rng.int(0, 99_999_999), 8)}`;
  }

  private company(): string {
    if (this.rng.chance(0.12)) return this.rng.pick(PUBLIC_EMPLOYERS);
    return `深圳市${this.rng.pick(COMPANY_PREFIXES)}${this.rng.pick(COMPANY_INDUSTRIES)}有限公司`;
  }

  private ethnicity(originCode: string | null): string {
    const p = originCode?.startsWith("45") ? 0.25 : originCode?.startsWith("43") ? 0.08 : 0.04;
    return this.rng.chance(p) ? this.rng.weighted(ETHNIC_MINORITIES) : "汉族";
  }

  private shenzhenAddress(district: string): { street: string; address: string } {
    const d = divisionByCodeOrThrow(district);
    const street = this.rng.pick(STREETS[district] ?? ["中心街道"]);
    const road = this.rng.pick(ROADS[district] ?? ["人民路"]);
    const compound = `${this.rng.pick(COMPOUND_PREFIXES)}${this.rng.pick(COMPOUND_SUFFIXES)}`;
    const address = `${d.fullNameZh}${street}${road}${this.rng.int(1, 4999)}号${compound}${this.rng.int(1, 30)}栋${this.rng.int(1, 33)}${pad(this.rng.int(1, 12), 2)}`;
    return { street, address };
  }

  private originAddress(origin: string): string {
    const d = divisionByCodeOrThrow(origin);
    return `${d.fullNameZh}${this.rng.pick(ORIGIN_ROADS)}${this.rng.int(1, 999)}号`;
  }

  private pickOrigin(): string {
    return this.rng.weighted(ORIGIN_DIVISIONS.map((d) => [d.code, d.weight] as const));
  }

  /** A person who is not in the register (an ex-spouse, a parent elsewhere): name and valid ID. */
  private outsider(sex: Sex, birth: number): { name: string; idNumber: string } {
    const origin = this.rng.chance(0.5) ? this.pickOrigin() : "440301";
    const seq = this.rng.int(0, 499) * 2 + (sex === "male" ? 1 : 0);
    return {
      name: randomName(this.rng, sex, yearOf(birth)),
      idNumber: makeResidentId(origin, isoDay(birth), Math.min(seq, 999)),
    };
  }

  // ---- persons -----------------------------------------------------------------------------

  private makePerson(
    h: Household,
    o: {
      sex: Sex;
      birth: number;
      migrant: boolean;
      origin: string;
      surname?: string;
      relationToHead: string;
      marital: Marital;
      /** Arrived in Shenzhen (adults); children born after the household moved are born here. */
      arrival?: number;
    },
  ): Person {
    const rng = this.rng;
    const today = this.today;
    const age = ageOn(o.birth, today);
    // Born here: natives whose family was already here, and migrants' children born after arrival.
    const bornHere = o.arrival === undefined || o.arrival <= o.birth;
    const bornInSz = o.migrant ? o.arrival !== undefined && o.arrival <= o.birth : bornHere;
    // The ID number keeps the division of the first registration: the home division for
    // migrants (their hukou never left) and for natives who moved their hukou in later.
    const idDivision = !o.migrant && bornHere
      ? this.idDivision(true, h.district, null, o.birth)
      : this.idDivision(false, h.district, o.origin, o.birth);
    const idNumber = this.newIdNumber(idDivision, o.birth, o.sex);
    const name = randomName(rng, o.sex, yearOf(o.birth), o.surname);

    let hukouDivisionCode: string | null;
    let hukouAddress: string | null;
    let hukouSince: number | null;
    if (o.migrant) {
      hukouDivisionCode = o.origin;
      hukouAddress = this.originAddress(o.origin);
      hukouSince = Math.min(today, o.birth + rng.int(7, 60));
    } else {
      hukouDivisionCode = h.district;
      hukouAddress = h.address;
      hukouSince = bornHere
        ? Math.min(today, o.birth + rng.int(7, 60))
        : Math.min(today, Math.max(o.birth + 18 * 365, (o.arrival ?? h.moveIn) + rng.int(30, 1500)));
      // A newborn whose parents have not yet registered them.
      if (today - o.birth < 45 && rng.chance(0.55)) {
        hukouDivisionCode = null;
        hukouAddress = null;
        hukouSince = null;
      }
    }

    const residenceSince = Math.max(o.birth, o.arrival ?? h.moveIn);

    // Employment and insurance by age.
    let employment: Employment;
    if (age < 6) employment = "child";
    else if (age < 18) employment = "student";
    else if (age < 23 && rng.chance(0.45)) employment = "student";
    else if ((o.sex === "male" && age >= 60) || (o.sex === "female" && age >= 55) || (o.sex === "female" && age >= 50 && rng.chance(0.6)))
      employment = "retired";
    else employment = rng.weighted<Employment>([["employed", 78], ["self_employed", 10], ["unemployed", 7], ["retired", age >= 45 ? 2 : 0]]);

    let employer: string | null = null;
    if (employment === "employed") employer = this.company();
    let employmentSince: number;
    if (employment === "child" || employment === "student") employmentSince = o.birth + rng.int(0, 30);
    else if (employment === "retired") employmentSince = Math.min(today - 1, o.birth + (o.sex === "male" ? 60 : 52) * 365 + rng.int(0, 365));
    else if (employment === "unemployed") employmentSince = today - rng.int(5, 600);
    else employmentSince = Math.max(o.birth + 18 * 365, today - rng.int(30, 3000));

    let insurance: Insurance;
    switch (employment) {
      case "employed":
        insurance = rng.weighted<Insurance>([["employee", 93], ["resident", 4], ["none", 3]]);
        break;
      case "self_employed":
        insurance = rng.weighted<Insurance>([["employee", 45], ["resident", 35], ["none", 20]]);
        break;
      case "unemployed":
        insurance = rng.weighted<Insurance>([["employee", 25], ["resident", 45], ["none", 30]]);
        break;
      case "retired":
        insurance = rng.weighted<Insurance>([["employee", 72], ["resident", 23], ["none", 5]]);
        break;
      default:
        insurance = rng.chance(0.85) ? "resident" : "none";
    }
    const workingMonths = Math.max(1, (age - 20) * 12);
    let insuranceMonths = 0;
    if (insurance === "employee") {
      if (employment === "retired") insuranceMonths = rng.int(180, Math.max(181, Math.min(480, workingMonths)));
      else {
        const sinceArrival = Math.max(1, Math.floor((today - residenceSince) / 30.44));
        const cap = o.migrant ? Math.min(workingMonths, sinceArrival + rng.int(0, 24)) : workingMonths;
        insuranceMonths = rng.int(Math.min(6, cap), Math.max(1, cap));
      }
    } else if (insurance === "resident") {
      insuranceMonths = Math.max(1, Math.min(Math.floor((today - Math.max(o.birth, dayNum("2010-01-01"))) / 30.44), rng.int(6, 180)));
    } else if (employment === "unemployed" && rng.chance(0.5)) {
      insuranceMonths = rng.int(1, Math.max(1, Math.min(120, workingMonths)));
    }
    const insuredSince = insurance === "none" ? null : Math.max(o.birth, addMonths(today, -insuranceMonths));

    return {
      id: this.personIds.next(),
      idNumber,
      name,
      sex: o.sex,
      birth: o.birth,
      ethnicity: this.ethnicity(o.migrant ? o.origin : null),
      migrant: o.migrant,
      bornInSz,
      hukouDivisionCode,
      hukouAddress,
      hukouSince,
      residenceDivisionCode: h.district,
      residenceAddress: h.address,
      residenceSince,
      maritalStatus: o.marital,
      maritalSince: null,
      employmentStatus: employment,
      employer,
      employmentSince,
      insuranceStatus: insurance,
      insuranceMonths,
      insuredSince,
      phone: age >= 18 ? (rng.chance(0.99) ? this.phone() : null) : age >= 12 && rng.chance(0.7) ? this.phone() : null,
      relationToHead: o.relationToHead,
      divorcedOn: null,
      previousMarriageOn: null,
    };
  }

  private personRow(p: Person): Row {
    const rng = this.rng;
    const today = this.today;
    const createdDay = Math.min(today - 1, Math.max(dayNum("2016-01-04"), p.birth));
    return {
      id: p.id,
      id_number: p.idNumber,
      name: p.name,
      sex: p.sex,
      birth_date: isoDay(p.birth),
      ethnicity: p.ethnicity,
      hukou_division_code: p.hukouDivisionCode,
      hukou_address: p.hukouAddress,
      hukou_updated_at: ts(Math.max(createdDay, p.hukouSince ?? p.birth), rng.int(540, 1080)),
      residence_division_code: p.residenceDivisionCode,
      residence_address: p.residenceAddress,
      residence_since: isoDay(p.residenceSince),
      residence_updated_at: ts(Math.max(createdDay, p.residenceSince), rng.int(540, 1080)),
      marital_status: p.maritalStatus,
      marital_updated_at: ts(Math.max(createdDay, p.maritalSince ?? p.divorcedOn ?? p.birth), rng.int(540, 1080)),
      employment_status: p.employmentStatus,
      employer: p.employer,
      employment_updated_at: ts(Math.max(createdDay, Math.min(today - 1, p.employmentSince)), rng.int(540, 1080)),
      insurance_status: p.insuranceStatus,
      insurance_months: p.insuranceMonths,
      // The social-insurance register is refreshed monthly, on the first.
      insurance_updated_at: ts(Math.max(createdDay, Math.min(today - 1, addMonths(today, 0) - Number(this.todayIso.slice(8, 10)) + 1)), 120),
      phone: p.phone,
      created_at: ts(createdDay, rng.int(0, 1439)),
    };
  }

  private relate(a: Person, b: Person, rel: "spouse" | "child" | "parent"): void {
    this.relations.push({ person_id: a.id, relative_id: b.id, relation: rel });
    this.totalRelations += 1;
  }

  // ---- licences ----------------------------------------------------------------------------

  private issue(
    p: Person,
    typeKey: DemoLicenceKey,
    o: {
      issued: number;
      /** undefined: the type's default validity; null: no end. */
      validUntil?: number | null;
      number: string;
      jurisdiction: string;
      fields: Record<string, string>;
      status?: "revoked" | "superseded";
      statusReason?: string;
      statusChanged?: number;
    },
  ): boolean {
    const t = this.ref.types.get(typeKey);
    if (!t) return false;
    const rng = this.rng;
    const issued = Math.min(o.issued, this.today);
    let validUntil: number | null;
    if (o.validUntil !== undefined) validUntil = o.validUntil;
    else validUntil = t.validityMonths === null ? null : addMonths(issued, t.validityMonths) - 1;
    if (validUntil !== null && validUntil < issued) validUntil = issued;

    let status: "valid" | "expired" | "revoked" | "superseded" = "valid";
    let statusReason: string | null = null;
    let statusChangedAt: string | null = null;
    if (o.status) {
      status = o.status;
      statusReason = o.statusReason ?? null;
      statusChangedAt = ts(Math.min(this.today - 1, Math.max(issued, o.statusChanged ?? issued)), rng.int(540, 1080));
    } else if (validUntil !== null && validUntil < this.today) {
      status = "expired";
      statusReason = "有效期届满";
      statusChangedAt = ts(validUntil + 1, 0);
    }

    this.serial += 1;
    const serial = `${yearOf(issued)}${pad(this.serial, 8)}`;
    const identifier = makeLicenceIdentifier({ typeCode: t.code, issuerUscc: t.uscc, serial, version: 1 });
    const issuedOn = isoDay(issued);
    const validUntilIso = validUntil === null ? null : isoDay(validUntil);
    // Signed as signLicence does (Ed25519 over canonicalLicenceBytes), in a worker thread.
    const payload = canonicalLicenceBytes(
      {
        identifier,
        licenceTypeCode: t.code,
        licenceNumber: o.number,
        holderName: p.name,
        holderCode: p.idNumber,
        holderCodeType: "111",
        issuerCode: t.uscc,
        issuedOn,
        validFrom: issuedOn,
        validUntil: validUntilIso,
        version: 1,
        fields: o.fields,
      },
    );
    this.toSign.push(payload);
    this.licences.push({
      id: this.licenceIds.next(),
      identifier,
      licence_type_id: t.id,
      licence_number: o.number,
      holder_person_id: p.id,
      holder_name: p.name,
      holder_code: p.idNumber,
      holder_code_type: "111",
      issuer_department_id: t.deptId,
      issuer_name: t.deptNameZh,
      issuer_code: t.uscc,
      jurisdiction_code: o.jurisdiction,
      issued_on: issuedOn,
      valid_from: issuedOn,
      valid_until: validUntilIso,
      status,
      status_reason: statusReason,
      status_changed_at: statusChangedAt,
      version: 1,
      fields: o.fields,
      source_application_id: null,
      signature: "",
      // Loaded into the library when issued; older paper certificates when it opened (2018).
      created_at: ts(Math.min(this.today - 1, Math.max(issued, dayNum("2018-06-01"))), rng.int(480, 1140)),
    });
    this.totalLicences += 1;
    return true;
  }

  private psbName(code: string): string {
    const d = divisionByCodeOrThrow(code);
    const parent = d.parentCode ? divisionByCodeOrThrow(d.parentCode) : d;
    const pref = parent.level === 2 && parent.code !== "500100" ? parent.nameZh : d.level === 3 && d.code.startsWith("50") ? "重庆市" : "";
    if (d.nameZh === "城区") return `${pref}公安局城区分局`;
    if (d.nameZh.endsWith("区")) return `${pref}公安局${d.nameZh.replace(/区$/, "")}分局`;
    return `${d.nameZh.replace("（县级）", "")}公安局`;
  }

  private civilName(code: string): string {
    const d = divisionByCodeOrThrow(code);
    const parent = d.parentCode ? divisionByCodeOrThrow(d.parentCode) : d;
    const pref = parent.level === 2 && parent.code !== "500100" ? parent.nameZh : "";
    return `${pref}${d.nameZh.replace("（县级）", "")}民政局`;
  }

  /** ID card validity (居民身份证法 §5): <16 five years, 16-25 ten, 26-45 twenty, 46+ long-term. */
  private idCardValidity(birth: number, issued: number): number | null {
    const age = ageOn(birth, issued);
    if (age < 16) return addYears(issued, 5);
    if (age <= 25) return addYears(issued, 10);
    if (age <= 45) return addYears(issued, 20);
    return null;
  }

  private idCardFields(p: Person, issued: number, validUntil: number | null): Record<string, string> {
    const authorityCode = p.hukouDivisionCode ?? p.residenceDivisionCode;
    return {
      name: p.name,
      sex: p.sex === "male" ? "男" : "女",
      ethnicity: p.ethnicity.replace(/族$/, ""),
      birthDate: isoDay(p.birth),
      address: p.hukouAddress ?? p.residenceAddress,
      issuingAuthority: this.psbName(authorityCode === "440301" ? "440303" : authorityCode),
      validPeriod: `${dotted(issued)}-${validUntil === null ? "长期" : dotted(validUntil)}`,
    };
  }

  private issueIdCard(p: Person, forcedIssue?: number): void {
    const rng = this.rng;
    const today = this.today;
    const jurisdiction = p.hukouDivisionCode ?? p.residenceDivisionCode;
    if (forcedIssue !== undefined) {
      const vu = this.idCardValidity(p.birth, forcedIssue);
      this.issue(p, "resident_id_card", { issued: forcedIssue, validUntil: vu, number: p.idNumber, jurisdiction, fields: this.idCardFields(p, forcedIssue, vu) });
      return;
    }
    const age = ageOn(p.birth, today);
    let issued: number;
    if (age >= 16) issued = addYears(p.birth, 16) + rng.int(0, 400);
    else if (age >= 10 && rng.chance(0.2)) issued = addYears(p.birth, 10) + rng.int(0, (age - 10) * 365);
    else return;
    if (issued > today) issued = today - rng.int(0, 30);
    // Walk the renewal chain to the card in use today.
    let previous: number | null = null;
    let validUntil = this.idCardValidity(p.birth, issued);
    const lapses = rng.chance(0.03);
    while (validUntil !== null && validUntil < today) {
      const next = validUntil - rng.int(0, 60);
      const nextValid = this.idCardValidity(p.birth, next);
      if (lapses && (nextValid === null || nextValid >= today) && today - validUntil < 700) break;
      previous = issued;
      issued = next;
      validUntil = nextValid;
    }
    if (previous !== null && rng.chance(0.06)) {
      const pv = this.idCardValidity(p.birth, previous);
      this.issue(p, "resident_id_card", {
        issued: previous,
        validUntil: pv,
        number: p.idNumber,
        jurisdiction,
        fields: this.idCardFields(p, previous, pv),
        status: "superseded",
        statusReason: "到期换领新证",
        statusChanged: issued,
      });
    } else if (rng.chance(0.015) && issued < today - 400) {
      // Lost and replaced: the lost card is revoked, a new one issued with a fresh term.
      const lostOn = today - rng.int(30, 360);
      const lv = validUntil;
      this.issue(p, "resident_id_card", {
        issued,
        validUntil: lv,
        number: p.idNumber,
        jurisdiction,
        fields: this.idCardFields(p, issued, lv),
        status: "revoked",
        statusReason: "证件遗失，已挂失作废",
        statusChanged: lostOn,
      });
      issued = lostOn + rng.int(1, 20);
      validUntil = this.idCardValidity(p.birth, issued);
    }
    this.issue(p, "resident_id_card", {
      issued,
      validUntil,
      number: p.idNumber,
      jurisdiction,
      fields: this.idCardFields(p, issued, validUntil),
    });
  }

  /**
   * The household register of a Shenzhen household. A demo family registered in another
   * province (`householdNumber` given) has its booklet shared through the national population
   * register, under the number and the police station of its hukou.
   */
  private issueHouseholdRegister(p: Person, h: Household, head: Person, forcedIssue?: number, householdNumber = h.householdNumber): void {
    if (!p.hukouDivisionCode || !householdNumber || (p.migrant && householdNumber === h.householdNumber)) return;
    this.issue(p, "household_register", {
      issued: forcedIssue ?? p.hukouSince ?? p.birth,
      validUntil: null,
      number: householdNumber,
      jurisdiction: p.hukouDivisionCode,
      fields: {
        householdNumber,
        householdType: "家庭户",
        headName: head.name,
        relationToHead: p.relationToHead,
        address: p.hukouAddress ?? h.address,
        registeredOn: isoDay(p.hukouSince ?? p.birth),
        registrationAuthority: householdNumber === h.householdNumber ? `${this.psbName(p.hukouDivisionCode)}${h.policeStation}` : this.psbName(p.hukouDivisionCode),
      },
    });
  }

  private marriageNumber(prefix: "J" | "L", district: string, on: number): string {
    return `${prefix}${district}-${yearOf(on)}-${pad(this.rng.int(1, 9999), 6)}`;
  }

  private issueMarriage(p: Person, spouse: { name: string; idNumber: string }, on: number, district: string, ended?: number, forcedNumber?: string): string {
    const number = forcedNumber ?? this.marriageNumber("J", district, on);
    this.issue(p, "marriage_certificate", {
      issued: on,
      validUntil: null,
      number,
      jurisdiction: district,
      fields: {
        holderName: p.name,
        spouseName: spouse.name,
        spouseIdNumber: spouse.idNumber,
        registrationDate: isoDay(on),
        registrationAuthority: this.civilName(district),
      },
      ...(ended !== undefined ? { status: "revoked" as const, statusReason: "已办理离婚登记", statusChanged: ended } : {}),
    });
    return number;
  }

  private issueDivorce(p: Person, ex: { name: string; idNumber: string }, on: number, district: string, marriedOn: number): void {
    this.issue(p, "divorce_certificate", {
      issued: on,
      validUntil: null,
      number: this.marriageNumber("L", district, on),
      jurisdiction: district,
      fields: {
        holderName: p.name,
        formerSpouseName: ex.name,
        formerSpouseIdNumber: ex.idNumber,
        marriageDate: isoDay(marriedOn),
        divorceDate: isoDay(on),
        registrationAuthority: this.civilName(district),
      },
    });
  }

  private issueBirthCertificate(
    child: Person,
    district: string,
    mother: { name: string; idNumber: string },
    father: { name: string; idNumber: string },
    forcedIssue?: number,
  ): void {
    const rng = this.rng;
    const y = yearOf(child.birth);
    const letter = y < 2002 ? "H" : y < 2008 ? "K" : y < 2014 ? "M" : y < 2020 ? "P" : "R";
    this.issue(child, "birth_medical_certificate", {
      issued: forcedIssue ?? child.birth + rng.int(1, 3),
      validUntil: null,
      number: `${letter}${district.slice(0, 2)}${pad(rng.int(0, 9_999_999), 7)}`,
      jurisdiction: district,
      fields: {
        childName: child.name,
        sex: child.sex === "male" ? "男" : "女",
        birthDate: isoDay(child.birth),
        birthTime: `${pad(rng.int(0, 23), 2)}:${pad(rng.int(0, 59), 2)}`,
        birthPlace: this.birthPlace(child, rng.pick(HOSPITALS_BY_DISTRICT[district] ?? ["深圳市妇幼保健院"])),
        gestationWeeks: String(rng.int(36, 41)),
        weightGrams: String(rng.int(2600, 4200)),
        lengthCm: String(rng.int(47, 54)),
        motherName: mother.name,
        motherIdNumber: mother.idNumber,
        fatherName: father.name,
        fatherIdNumber: father.idNumber,
      },
    });
  }

  /** The maternity facility of each child born in Shenzhen: its records name the same one. */
  private readonly birthPlaces = new Map<Person, string>();
  private birthPlace(child: Person, place: string): string {
    this.birthPlaces.set(child, place);
    return place;
  }

  /**
   * What the maternity facility reports for a birth (卫健出生信息, 预防接种信息系统): the mother's
   * delivery record and discharge summary, the baby's photo taken before discharge and the birth
   * doses of vaccine. Drawn from no random stream (numbers from the library's serial), so adding
   * them moved nothing else in the seeded city.
   */
  private issueNewbornRecords(child: Person, mother: Person | undefined, issued: number): void {
    const place = this.birthPlaces.get(child) ?? "深圳市妇幼保健院";
    const base = { childName: child.name, sex: child.sex === "male" ? "男" : "女", birthDate: isoDay(child.birth) };
    const number = (prefix: string) => `${prefix}${yearOf(issued)}${pad(this.serial + 1, 8)}`;
    this.issue(child, "birth_vaccination_record", {
      issued: child.birth,
      validUntil: null,
      number: number("YM"),
      jurisdiction: child.residenceDivisionCode,
      fields: { ...base, vaccines: "乙型肝炎疫苗第1剂、卡介苗", vaccinationClinic: `${place}产科接种室` },
    });
    this.issue(child, "newborn_photo", {
      issued,
      validUntil: null,
      number: number("XP"),
      jurisdiction: child.residenceDivisionCode,
      fields: { ...base, photoSpec: "白底彩色正面，358×441 像素", birthPlace: place },
    });
    if (!mother) return;
    this.issue(mother, "delivery_record", {
      issued,
      validUntil: null,
      number: number("FM"),
      jurisdiction: child.residenceDivisionCode,
      fields: { motherName: mother.name, ...base, birthPlace: place, dischargeDate: isoDay(issued) },
    });
  }

  private issueVaccination(child: Person, guardian: Person | undefined, forcedIssue?: number): void {
    const rng = this.rng;
    const d = divisionByCodeOrThrow(child.residenceDivisionCode);
    const street = rng.pick(STREETS[child.residenceDivisionCode] ?? ["中心街道"]);
    this.issue(child, "vaccination_certificate", {
      issued: forcedIssue ?? child.birth + rng.int(1, 30),
      validUntil: null,
      number: `${child.residenceDivisionCode}${yearOf(child.birth)}${pad(rng.int(0, 999_999), 6)}`,
      jurisdiction: child.residenceDivisionCode,
      fields: {
        childName: child.name,
        sex: child.sex === "male" ? "男" : "女",
        birthDate: isoDay(child.birth),
        guardianName: guardian?.name ?? "",
        vaccinationClinic: `${d.nameZh}${street.replace("街道", "")}社区健康服务中心预防接种门诊`,
        recordStatus: "按免疫程序接种",
      },
    });
  }

  private insuranceFields(p: Person, issued: number, kind: "social" | "medical"): Record<string, string> {
    const monthsAtIssue = Math.max(0, p.insuranceMonths - Math.floor((this.today - issued) / 30.44));
    if (kind === "social") {
      return {
        name: p.name,
        insuredSince: isoDay(p.insuredSince ?? issued),
        contributionMonths: String(monthsAtIssue),
        employer: p.employer ?? (p.employmentStatus === "retired" ? "退休" : "灵活就业"),
        insuranceTypes: p.employmentStatus === "retired" ? "基本养老保险（领取待遇）" : "养老、医疗、失业、工伤、生育",
        contributionBase: String(this.rng.int(23, 120) * 100),
        status: p.employmentStatus === "retired" ? "退休" : "正常参保",
      };
    }
    return {
      name: p.name,
      insuranceType: p.insuranceStatus === "employee" ? "职工基本医疗保险" : "城乡居民基本医疗保险",
      insuredSince: isoDay(p.insuredSince ?? issued),
      contributionMonths: String(monthsAtIssue),
      status: "正常参保",
    };
  }

  private issueInsuranceRecord(p: Person, kind: "social" | "medical", forcedIssue?: number): void {
    const issued = forcedIssue ?? this.today - this.rng.int(0, 240);
    const type = kind === "social" ? "social_insurance_record" : "medical_insurance_record";
    this.issue(p, type, {
      issued,
      number: `${kind === "social" ? "SB" : "YB"}${isoDay(issued).replaceAll("-", "")}${pad(this.rng.int(0, 9_999_999), 7)}`,
      jurisdiction: p.residenceDivisionCode,
      fields: this.insuranceFields(p, issued, kind),
    });
  }

  private issueSocialSecurityCard(p: Person, forcedIssue?: number): void {
    const rng = this.rng;
    const issued = forcedIssue ?? Math.max(p.insuredSince ?? p.birth, p.birth + 30, this.today - rng.int(0, 3900));
    const number = `${rng.pick(["A", "B", "C", "D", "E"])}${pad(rng.int(0, 99_999_999), 8)}`;
    this.issue(p, "social_security_card", {
      issued,
      number,
      jurisdiction: "440300",
      fields: {
        name: p.name,
        cardNumber: number,
        socialSecurityNumber: p.idNumber,
        bank: rng.pick(BANKS),
        cardGeneration: issued >= dayNum("2021-01-01") ? "第三代社会保障卡" : "第二代社会保障卡",
      },
      ...(rng.chance(0.01) && forcedIssue === undefined ? { status: "revoked" as const, statusReason: "卡片挂失", statusChanged: this.today - rng.int(10, 300) } : {}),
    });
  }

  private issueElderlyCard(p: Person, forcedIssue?: number): void {
    const rng = this.rng;
    const issued = forcedIssue ?? addYears(p.birth, 60) + rng.int(0, 400);
    if (issued > this.today) return;
    this.issue(p, "elderly_card", {
      issued,
      validUntil: null,
      number: `SZLN${yearOf(issued)}${pad(rng.int(0, 9_999_999), 7)}`,
      jurisdiction: p.residenceDivisionCode,
      fields: {
        name: p.name,
        sex: p.sex === "male" ? "男" : "女",
        birthDate: isoDay(p.birth),
        benefits: "免费乘坐公交地铁、公园景点免票",
      },
    });
  }

  private issueSchoolNotice(child: Person): void {
    const rng = this.rng;
    const birthIso = isoDay(child.birth);
    const startYear = yearOf(child.birth) + (birthIso.slice(5) <= "08-31" ? 6 : 7);
    const issued = dayNum(`${startYear}-07-${pad(rng.int(8, 28), 2)}`);
    const age = ageOn(child.birth, this.today);
    if (issued > this.today || age > 12 || !rng.chance(0.9)) return;
    const district = child.residenceDivisionCode;
    const d = divisionByCodeOrThrow(district);
    this.issue(child, "school_admission_notice", {
      issued,
      validUntil: dayNum(`${startYear}-09-30`),
      number: `${district}${startYear}${pad(rng.int(0, 99_999), 5)}`,
      jurisdiction: district,
      fields: {
        pupilName: child.name,
        school: `深圳市${d.nameZh}${rng.pick(SCHOOL_NAMES)}`,
        grade: "一年级",
        enrolmentYear: String(startYear),
        reportingDate: `${startYear}-09-01`,
      },
    });
  }

  private issueProperty(owner: Person, h: Household, coOwner: Person | null, issued: number, forcedNumber?: string): string {
    const rng = this.rng;
    const number = forcedNumber ?? `粤（${yearOf(issued)}）深圳市不动产权第${pad(rng.int(0, 9_999_999), 7)}号`;
    this.issue(owner, "property_certificate", {
      issued,
      validUntil: null,
      number,
      jurisdiction: h.district,
      fields: {
        owner: owner.name,
        coOwner: coOwner?.name ?? "",
        ownership: coOwner ? "共同共有" : "单独所有",
        address: h.address,
        use: "住宅",
        areaSqm: String(rng.int(45, 160)),
        landUseTerm: `${isoDay(issued)}起70年`,
        registeredOn: isoDay(issued),
      },
      ...(rng.chance(0.004) && forcedNumber === undefined ? { status: "revoked" as const, statusReason: "不动产已转移登记", statusChanged: this.today - rng.int(10, 300) } : {}),
    });
    return number;
  }

  private issueRental(tenant: Person, h: Household, forced?: { issued: number; validUntil: number }): void {
    const rng = this.rng;
    let leaseStart: number;
    let leaseEnd: number;
    if (forced) {
      leaseStart = forced.issued - 4;
      leaseEnd = forced.validUntil;
    } else {
      leaseStart = Math.max(h.moveIn, this.today - rng.int(0, 800));
      leaseEnd = addMonths(leaseStart, rng.pick([12, 12, 24, 36])) - 1;
    }
    const issued = forced?.issued ?? leaseStart + rng.int(0, 20);
    this.issue(tenant, "rental_registration", {
      issued,
      validUntil: leaseEnd,
      number: `${h.district}${yearOf(issued)}${pad(rng.int(0, 9_999_999), 7)}`,
      jurisdiction: h.district,
      fields: {
        tenantName: tenant.name,
        landlordName: randomName(rng, rng.chance(0.5) ? "male" : "female", 1965 + rng.int(0, 25)),
        address: h.address,
        leaseStart: isoDay(leaseStart),
        leaseEnd: isoDay(leaseEnd),
        areaSqm: String(rng.int(15, 90)),
        monthlyRentYuan: String(rng.int(12, 80) * 100),
      },
      ...(rng.chance(0.01) && !forced ? { status: "revoked" as const, statusReason: "租赁合同提前解除", statusChanged: Math.min(this.today - 1, issued + rng.int(30, 200)) } : {}),
    });
  }

  private issueResidencePermit(p: Person, h: Household): void {
    const rng = this.rng;
    const eligibleFrom = p.residenceSince + 183;
    if (eligibleFrom > this.today || !rng.chance(0.75)) return;
    const t = this.ref.types.get("residence_permit");
    const months = t?.validityMonths ?? 12;
    const first = eligibleFrom + rng.int(0, 200);
    if (first > this.today) return;
    let k = Math.floor((this.today - first) / (months * 30.44));
    const lapsed = rng.chance(0.2) && k >= 1;
    if (lapsed) k -= 1;
    const issued = addMonths(first, k * months);
    const fields = (on: number): Record<string, string> => ({
      name: p.name,
      idNumber: p.idNumber,
      address: h.address,
      hukouAddress: p.hukouAddress ?? "",
      residenceSince: isoDay(p.residenceSince),
      issuingAuthority: this.psbName(h.district),
      signedOn: isoDay(on),
    });
    if (k >= 1 && rng.chance(0.2)) {
      const prev = addMonths(first, (k - 1) * months);
      this.issue(p, "residence_permit", {
        issued: prev,
        number: `${h.district}${yearOf(prev)}${pad(rng.int(0, 9_999_999), 7)}`,
        jurisdiction: h.district,
        fields: fields(prev),
        status: "superseded",
        statusReason: "签注续期换发",
        statusChanged: issued,
      });
    }
    this.issue(p, "residence_permit", {
      issued,
      number: `${h.district}${yearOf(issued)}${pad(rng.int(0, 9_999_999), 7)}`,
      jurisdiction: h.district,
      fields: fields(issued),
      ...(rng.chance(0.005) ? { status: "revoked" as const, statusReason: "居住信息变更，证件注销", statusChanged: this.today - rng.int(5, 200) } : {}),
    });
  }

  private issueUnemployment(p: Person, forcedIssue?: number): void {
    const issued = forcedIssue ?? Math.min(this.today, p.employmentSince + this.rng.int(3, 40));
    this.issue(p, "unemployment_certificate", {
      issued,
      number: `SY${p.residenceDivisionCode}${yearOf(issued)}${pad(this.rng.int(0, 999_999), 6)}`,
      jurisdiction: p.residenceDivisionCode,
      fields: {
        name: p.name,
        registrationDate: isoDay(issued),
        lastEmployer: this.company(),
        insuredMonths: String(p.insuranceMonths),
        benefitMonths: String(Math.min(24, Math.max(1, Math.floor(p.insuranceMonths / 12)))),
      },
    });
  }

  /**
   * The employer's filing of a contract's end (退工备案), on the day the employment register
   * changed: for everyone insured as an employee who left a job in the last two years. From no
   * random stream (employer and reason follow from the ID number), so adding it moved no one
   * else's data.
   */
  private issueTermination(p: Person, o: { issued: number; employer?: string; reason?: TerminationReason }): void {
    const h = stableUuid(`termination:${p.idNumber}`).replace(/-/g, "");
    const pick = <T>(list: readonly T[], at: number): T => list[parseInt(h.slice(at, at + 8), 16) % list.length] as T;
    const employer = o.employer ?? `深圳市${pick(COMPANY_PREFIXES, 0)}${pick(COMPANY_INDUSTRIES, 8)}有限公司`;
    const reason = o.reason ?? pick(TERMINATION_REASONS, 16);
    this.issue(p, "labour_contract_termination", {
      issued: o.issued,
      validUntil: null,
      number: `TG${p.residenceDivisionCode}${yearOf(o.issued)}${pad(this.serial + 1, 8)}`,
      jurisdiction: p.residenceDivisionCode,
      fields: {
        name: p.name,
        employer,
        contractEndDate: isoDay(o.issued),
        terminationReason: TERMINATION_REASON_ZH[reason],
        involuntary: reason === "resigned" ? "否" : "是",
        contributionMonths: String(p.insuranceMonths),
      },
    });
  }

  private issueBusinessLicence(p: Person, h: Household): void {
    const rng = this.rng;
    let body = `92${h.district}MA5`;
    for (let i = 0; i < 6; i++) body += USCC_CHARS.charAt(rng.int(0, USCC_CHARS.length - 1));
    const uscc = makeUscc(body);
    const [kind, scope] = rng.pick(SHOP_KINDS);
    const d = divisionByCodeOrThrow(h.district);
    const issued = Math.max(p.birth + 18 * 365, this.today - rng.int(30, 3600));
    const businessName = `深圳市${d.nameZh}${p.name.slice(0, 1)}${rng.pick(COMPANY_PREFIXES)}${kind}`;
    p.employer = businessName;
    this.issue(p, "individual_business_licence", {
      issued,
      validUntil: null,
      number: uscc,
      jurisdiction: h.district,
      fields: {
        businessName,
        operatorName: p.name,
        compositionForm: "个人经营",
        businessAddress: `${d.fullNameZh}${h.street}${rng.pick(ROADS[h.district] ?? ["人民路"])}${rng.int(1, 999)}号${rng.int(101, 120)}铺`,
        businessScope: scope,
        registeredOn: isoDay(issued),
      },
      ...(rng.chance(0.03) ? { status: "revoked" as const, statusReason: "个体工商户已注销登记", statusChanged: this.today - rng.int(10, 600) } : {}),
    });
  }

  // ---- the person's own licences (not the household's) -------------------------------------

  private personLicences(p: Person, h: Household, head: Person, ctx: { mother?: Person; father?: Person }): void {
    const rng = this.rng;
    const today = this.today;
    const age = ageOn(p.birth, today);
    if (rng.chance(0.97)) this.issueIdCard(p);
    this.issueHouseholdRegister(p, h, head);
    if (p.migrant && age >= 16) this.issueResidencePermit(p, h);
    if (p.bornInSz && p.birth >= dayNum("1996-01-01")) {
      const outsiderMother = () => this.outsider("female", p.birth - rng.int(22, 38) * 365);
      const outsiderFather = () => this.outsider("male", p.birth - rng.int(24, 42) * 365);
      this.issueBirthCertificate(
        p,
        p.residenceSince <= p.birth ? p.residenceDivisionCode : h.district,
        ctx.mother ? { name: ctx.mother.name, idNumber: ctx.mother.idNumber } : outsiderMother(),
        ctx.father ? { name: ctx.father.name, idNumber: ctx.father.idNumber } : outsiderFather(),
      );
    }
    // A baby under a year born in a Shenzhen facility: the facility's records are in the library.
    if (p.bornInSz && today - p.birth < 365 && today - p.birth >= 3) this.issueNewbornRecords(p, ctx.mother, p.birth + 3);
    if (age < 7 && today - p.birth > 25 && rng.chance(0.93)) this.issueVaccination(p, ctx.mother ?? ctx.father);
    if (p.insuranceStatus === "employee" && rng.chance(0.35)) this.issueInsuranceRecord(p, "social");
    if (p.insuranceStatus !== "none" && rng.chance(0.3)) this.issueInsuranceRecord(p, "medical");
    if (p.insuranceStatus !== "none" && rng.chance(0.55)) this.issueSocialSecurityCard(p);
    if (age >= 60 && rng.chance(0.85)) this.issueElderlyCard(p);
    if (age >= 6 && age <= 12) this.issueSchoolNotice(p);
    if (p.employmentStatus === "unemployed" && p.insuranceStatus === "employee" && today - p.employmentSince <= 730) {
      this.issueTermination(p, { issued: p.employmentSince });
    }
    if (p.employmentStatus === "unemployed" && p.insuranceMonths >= 12 && rng.chance(0.35)) this.issueUnemployment(p);
    if (p.employmentStatus === "self_employed" && age >= 18 && rng.chance(0.45)) this.issueBusinessLicence(p, h);
  }

  // ---- households --------------------------------------------------------------------------

  private newHousehold(native: boolean, moveIn: number, ownShare: number): Household {
    const rng = this.rng;
    const district = rng.weighted(DISTRICT_POPULATION_WEIGHTS);
    const { street, address } = this.shenzhenAddress(district);
    const housing = rng.chance(ownShare) ? "own" : native && rng.chance(0.12) ? "public" : "rent";
    this.householdSerial += 1;
    return {
      district,
      street,
      address,
      housing,
      moveIn,
      householdNumber: native ? `${district.slice(2)}${pad(this.householdSerial, 7)}` : null,
      policeStation: `${street.replace("街道", "")}派出所`,
      members: [],
      couples: [],
      parentChild: [],
    };
  }

  /** Birth day for someone aged between minAge and maxAge (inclusive) today. */
  private birthForAge(minAge: number, maxAge: number): number {
    const latest = addYears(this.today, -minAge);
    const earliest = addYears(this.today, -(maxAge + 1)) + 1;
    return this.rng.int(earliest, latest);
  }

  /** Young-adult ages peak in the late twenties (a triangular-ish draw). */
  private youngAge(min: number, max: number, peak: number): number {
    const r = (this.rng.next() + this.rng.next()) / 2;
    const a = r < 0.5 ? min + (peak - min) * 2 * r : peak + (max - peak) * (2 * r - 1);
    return Math.round(a);
  }

  generateHousehold(maxPersons: number): number {
    const rng = this.rng;
    const today = this.today;
    let kind = rng.weighted(HOUSEHOLD_KINDS);
    const sizes: Record<HouseholdKind, number> = {
      single: 1, elderly_single: 1, middle_single: 1, couple: 2, elderly_couple: 2, middle_couple: 2,
      single_parent: 3, family: 5, three_generation: 7,
    };
    if (sizes[kind] > maxPersons) kind = maxPersons >= 2 ? "couple" : "single";
    if (maxPersons < 2) kind = rng.chance(0.5) ? "single" : "middle_single";

    const migrant = rng.chance(MIGRANT_SHARE[kind]);
    const origin = this.pickOrigin();
    // Natives who moved their hukou in keep a home-province ID (about 40% of them).
    const nativeTransferred = !migrant && rng.chance(0.4);

    const adultArrival = (birth: number): number | undefined => {
      if (!migrant && !nativeTransferred) return undefined;
      const earliest = Math.max(birth + 17 * 365, dayNum("1985-01-01"));
      const arr = migrant ? today - Math.floor(Math.pow(rng.next(), 1.6) * (today - earliest)) : rng.int(earliest, Math.max(earliest, today - 200));
      return Math.max(earliest, Math.min(today - 1, arr));
    };

    const ownShare = migrant ? 0.15 : kind === "single" ? 0.2 : 0.62;
    const members: Person[] = [];
    let h: Household;

    const addCouple = (husbandAge: [number, number], wifeOffset: [number, number], relation: string, hh: Household, arrival?: number) => {
      const hb = this.birthForAge(husbandAge[0], husbandAge[1]);
      const wb = Math.min(today - 20 * 365, hb + rng.int(wifeOffset[0], wifeOffset[1]) * 365 + rng.int(-180, 180));
      const arrH = arrival ?? adultArrival(hb);
      const husband = this.makePerson(hh, { sex: "male", birth: hb, migrant, origin, relationToHead: relation === "户主" ? "户主" : "父亲", marital: "married", arrival: arrH });
      const wife = this.makePerson(hh, { sex: "female", birth: wb, migrant, origin: rng.chance(0.6) ? origin : this.pickOrigin(), relationToHead: relation === "户主" ? "配偶" : "母亲", marital: "married", arrival: arrH === undefined ? undefined : Math.max(arrH, wb + 17 * 365) });
      const youngest = Math.max(hb, wb);
      const marriedOn = Math.min(today - 30, youngest + rng.int(22 * 365, 32 * 365));
      return { husband, wife, marriedOn };
    };

    switch (kind) {
      case "single":
      case "middle_single":
      case "elderly_single": {
        const [lo, hi, peak] = kind === "single" ? [18, 40, 26] : kind === "middle_single" ? [35, 58, 45] : [62, 92, 72];
        const age = this.youngAge(lo, hi, peak);
        const birth = this.birthForAge(age, age);
        const arrival = adultArrival(birth);
        h = this.newHousehold(!migrant, arrival ?? Math.max(birth + 18 * 365, today - rng.int(100, 6000)), ownShare);
        const sex: Sex = kind === "elderly_single" ? (rng.chance(0.7) ? "female" : "male") : rng.chance(0.55) ? "male" : "female";
        const marital: Marital = kind === "single" ? (rng.chance(0.95) ? "unmarried" : "divorced") : kind === "middle_single" ? (rng.chance(0.6) ? "divorced" : "unmarried") : "widowed";
        const p = this.makePerson(h, { sex, birth, migrant, origin, relationToHead: "户主", marital, arrival });
        if (marital === "divorced") {
          p.previousMarriageOn = Math.min(today - 400, p.birth + rng.int(22, 32) * 365);
          p.divorcedOn = rng.int(p.previousMarriageOn + 180, today - 30);
        }
        if (marital === "widowed") p.maritalSince = today - rng.int(100, 5000);
        members.push(p);
        break;
      }
      case "couple":
      case "middle_couple":
      case "elderly_couple": {
        const range: [number, number] = kind === "couple" ? [23, 40] : kind === "middle_couple" ? [45, 60] : [60, 88];
        const ha = kind === "elderly_couple" ? this.youngAge(60, 88, 66) : this.youngAge(range[0], range[1], kind === "couple" ? 29 : 50);
        const hb = this.birthForAge(ha, ha);
        h = this.newHousehold(!migrant, adultArrival(hb) ?? Math.max(hb + 20 * 365, today - rng.int(100, 9000)), ownShare);
        const c = addCouple(range, [-1, 5], "户主", h, h.moveIn);
        members.push(c.husband, c.wife);
        h.couples.push({ a: c.husband, b: c.wife, marriedOn: c.marriedOn });
        break;
      }
      case "family":
      case "single_parent":
      case "three_generation": {
        const hb = this.birthForAge(27, 52);
        const arrival = adultArrival(hb);
        h = this.newHousehold(!migrant, arrival ?? Math.max(hb + 22 * 365, today - rng.int(100, 9000)), ownShare);
        let father: Person | undefined;
        let mother: Person | undefined;
        let marriedOn = 0;
        if (kind === "single_parent") {
          const momBirth = this.birthForAge(26, 48);
          mother = this.makePerson(h, { sex: "female", birth: momBirth, migrant, origin, relationToHead: "户主", marital: "divorced", arrival: adultArrival(momBirth) });
          mother.previousMarriageOn = Math.min(today - 800, momBirth + rng.int(22, 30) * 365);
          mother.divorcedOn = rng.int(mother.previousMarriageOn + 400, today - 30);
          marriedOn = mother.previousMarriageOn;
          members.push(mother);
        } else {
          const c = addCouple([27, 52], [-1, 5], "户主", h, h.moveIn);
          father = c.husband;
          mother = c.wife;
          father.relationToHead = "户主";
          mother.relationToHead = "配偶";
          marriedOn = c.marriedOn;
          members.push(father, mother);
          h.couples.push({ a: father, b: mother, marriedOn });
        }
        const nKids = kind === "single_parent" ? 1 : rng.weighted([[1, 45], [2, 45], [3, 10]] as const);
        const momBirth = mother.birth;
        let kidBirth = Math.max(marriedOn + rng.int(200, 1400), momBirth + 21 * 365);
        const surname = (father ?? mother).name.length >= 3 && (father ?? mother).name.startsWith("欧阳") ? "欧阳" : (father ?? mother).name.slice(0, 1);
        for (let i = 0; i < nKids && kidBirth <= today; i++) {
          const ageYears = ageOn(kidBirth, today);
          if (ageYears <= 24 && kidBirth >= momBirth + 19 * 365 && kidBirth <= momBirth + 45 * 365) {
            const sex: Sex = rng.chance(0.53) ? "male" : "female";
            const kid = this.makePerson(h, {
              sex,
              birth: kidBirth,
              migrant,
              origin,
              surname: rng.chance(0.94) ? surname : mother.name.slice(0, 1),
              relationToHead: sex === "male" ? "子" : "女",
              marital: "unmarried",
              arrival: kidBirth >= h.moveIn ? kidBirth : Math.max(kidBirth, h.moveIn - (migrant ? rng.int(0, 2000) : 0)),
            });
            members.push(kid);
            if (father) h.parentChild.push([father, kid]);
            h.parentChild.push([mother, kid]);
          }
          kidBirth += rng.int(420, 2600);
        }
        if (kind === "three_generation") {
          const base = father ?? mother;
          const gpBirth = Math.min(base.birth - 22 * 365, this.birthForAge(this.youngAge(52, 82, 62), this.youngAge(52, 82, 62)));
          const gpMigrant = migrant || rng.chance(0.5);
          const gpOrigin = migrant ? origin : this.pickOrigin();
          const arrival = today - rng.int(30, 3000);
          const both = rng.chance(0.55);
          const grandma = this.makePerson(h, { sex: "female", birth: gpBirth + rng.int(-3, 2) * 365, migrant: gpMigrant, origin: gpOrigin, surname: undefined, relationToHead: "母亲", marital: both ? "married" : "widowed", arrival: gpMigrant ? arrival : undefined });
          members.push(grandma);
          h.parentChild.push([grandma, base]);
          if (both) {
            const grandpa = this.makePerson(h, { sex: "male", birth: gpBirth, migrant: gpMigrant, origin: gpOrigin, surname: base === father ? base.name.slice(0, 1) : undefined, relationToHead: "父亲", marital: "married", arrival: gpMigrant ? arrival : undefined });
            members.push(grandpa);
            h.parentChild.push([grandpa, base]);
            h.couples.push({ a: grandpa, b: grandma, marriedOn: Math.min(base.birth - rng.int(200, 1500), Math.max(grandpa.birth, grandma.birth) + 22 * 365) });
          }
        }
        break;
      }
    }

    h.members = members;
    this.finishHousehold(h);
    return members.length;
  }

  /** Relations, marital details, housing licences and each member's own licences; then rows. */
  private finishHousehold(h: Household, demo?: DemoHousehold): void {
    const rng = this.rng;
    const head = h.members[0];
    if (!head) return;
    for (const c of h.couples) {
      c.a.maritalSince = c.marriedOn;
      c.b.maritalSince = c.marriedOn;
      this.relate(c.a, c.b, "spouse");
      this.relate(c.b, c.a, "spouse");
    }
    for (const [parent, child] of h.parentChild) {
      this.relate(parent, child, "child");
      this.relate(child, parent, "parent");
    }

    if (demo) {
      this.demoLicences(h, demo);
    } else {
      // Marriage and divorce certificates.
      for (const c of h.couples) {
        const district = c.a.hukouDivisionCode && !c.a.migrant ? c.a.hukouDivisionCode : (c.a.hukouDivisionCode ?? h.district);
        const number = this.issueMarriage(c.a, { name: c.b.name, idNumber: c.b.idNumber }, c.marriedOn, district);
        this.issueMarriage(c.b, { name: c.a.name, idNumber: c.a.idNumber }, c.marriedOn, district, undefined, number);
        // Some were married before.
        for (const p of [c.a, c.b]) {
          if (rng.chance(0.04) && c.marriedOn - p.birth > 26 * 365) {
            const prevOn = p.birth + rng.int(21, 25) * 365;
            const divorcedOn = rng.int(prevOn + 200, c.marriedOn - 60);
            const ex = this.outsider(p.sex === "male" ? "female" : "male", p.birth + rng.int(-3, 3) * 365);
            this.issueMarriage(p, ex, prevOn, district, divorcedOn);
            this.issueDivorce(p, ex, divorcedOn, district, prevOn);
          }
        }
      }
      for (const p of h.members) {
        if (p.divorcedOn !== null && p.previousMarriageOn !== null) {
          const district = p.hukouDivisionCode ?? h.district;
          const ex = this.outsider(p.sex === "male" ? "female" : "male", p.birth + rng.int(-3, 3) * 365);
          if (rng.chance(0.9)) this.issueMarriage(p, ex, p.previousMarriageOn, district, p.divorcedOn);
          this.issueDivorce(p, ex, p.divorcedOn, district, p.previousMarriageOn);
        }
      }
      // Housing.
      const adults = h.members.filter((m) => ageOn(m.birth, this.today) >= 18);
      const owner = adults[0];
      if (owner) {
        if (h.housing === "own") {
          const spouse = h.couples.find((c) => c.a === owner || c.b === owner);
          const co = spouse ? (spouse.a === owner ? spouse.b : spouse.a) : null;
          const issued = Math.min(this.today - 1, Math.max(owner.birth + 20 * 365, h.moveIn - rng.int(0, 120)));
          const number = this.issueProperty(owner, h, co, issued);
          if (co && rng.chance(0.5)) this.issueProperty(co, h, owner, issued, number);
        } else if (h.housing === "rent" && rng.chance(owner.migrant ? 0.72 : 0.45)) {
          this.issueRental(owner, h);
        } else if (h.housing === "public") {
          this.issue(owner, "public_rental_qualification", {
            issued: this.today - rng.int(30, 2000),
            number: `GZ${h.district}${pad(rng.int(0, 9_999_999), 7)}`,
            jurisdiction: h.district,
            fields: {
              applicantName: owner.name,
              householdSize: String(h.members.length),
              qualification: "公共租赁住房保障对象",
              reviewResult: "审核通过",
            },
          });
        }
      }
      // Each member's own licences.
      const motherOf = new Map<Person, Person>();
      const fatherOf = new Map<Person, Person>();
      for (const [parent, child] of h.parentChild) (parent.sex === "female" ? motherOf : fatherOf).set(child, parent);
      for (const p of h.members) {
        const mother = motherOf.get(p);
        const father = fatherOf.get(p);
        this.personLicences(p, h, head, { ...(mother ? { mother } : {}), ...(father ? { father } : {}) });
      }
    }

    for (const p of h.members) {
      this.persons.push(this.personRow(p));
      this.totalPersons += 1;
    }
  }

  // ---- the demo households -----------------------------------------------------------------

  generateDemoHouseholds(): number {
    let count = 0;
    const newbornBirth = this.today - 20;
    const newbornId = makeResidentId(NEWBORN_DIVISION, isoDay(newbornBirth), NEWBORN_SEQUENCE);
    for (const dh of DEMO_HOUSEHOLDS) {
      for (const m of dh.members) this.reserveId(m.idNumber === "newborn" ? newbornId : m.idNumber);
    }
    for (const dh of DEMO_HOUSEHOLDS) {
      const first = dh.members[0];
      if (!first) continue;
      const district = first.residenceDivisionCode;
      const streetMatch = (STREETS[district] ?? []).find((s) => dh.residenceAddress.includes(s)) ?? "中心街道";
      const h: Household = {
        district,
        street: streetMatch,
        address: dh.residenceAddress,
        housing: dh.housing,
        moveIn: dayNum(first.residenceSince === "birth" ? "2020-01-01" : first.residenceSince),
        householdNumber: first.hukouDivisionCode?.startsWith("4403") ? `${district.slice(2)}9${pad(count + 1, 6)}` : null,
        policeStation: `${streetMatch.replace("街道", "")}派出所`,
        members: [],
        couples: [],
        parentChild: [],
      };
      const byKey = new Map<string, Person>();
      for (const m of dh.members) {
        const p = this.demoPerson(m, newbornId);
        byKey.set(m.key, p);
        h.members.push(p);
      }
      for (const [a, b, on] of dh.spouses) {
        const pa = byKey.get(a);
        const pb = byKey.get(b);
        if (pa && pb) h.couples.push({ a: pa, b: pb, marriedOn: dayNum(on) });
      }
      for (const [parent, child] of dh.children) {
        const pp = byKey.get(parent);
        const pc = byKey.get(child);
        if (pp && pc) h.parentChild.push([pp, pc]);
      }
      this.finishHousehold(h, dh);
      count += h.members.length;
    }
    return count;
  }

  private demoPerson(m: DemoPerson, newbornId: string): Person {
    const birth = typeof m.birthDate === "string" ? dayNum(m.birthDate) : this.today - m.birthDate.daysAgo;
    const residenceSince = m.residenceSince === "birth" ? birth : dayNum(m.residenceSince);
    const employmentSince =
      m.employmentChangedDaysAgo !== undefined
        ? this.today - m.employmentChangedDaysAgo
        : m.employmentStatus === "child"
          ? birth
          : m.employmentStatus === "retired"
            ? addYears(birth, m.sex === "male" ? 60 : 50)
            : Math.max(residenceSince, addYears(birth, 22));
    return {
      id: demoPersonId(m.key),
      idNumber: m.idNumber === "newborn" ? newbornId : m.idNumber,
      name: m.name,
      sex: m.sex,
      birth,
      ethnicity: "汉族",
      migrant: m.hukouDivisionCode !== null && !m.hukouDivisionCode.startsWith("4403"),
      bornInSz: m.idNumber === "newborn" || m.idNumber.startsWith("4403"),
      hukouDivisionCode: m.hukouDivisionCode,
      hukouAddress: m.hukouAddress,
      hukouSince: m.hukouSince === null ? null : dayNum(m.hukouSince),
      residenceDivisionCode: m.residenceDivisionCode,
      residenceAddress: DEMO_HOUSEHOLDS.find((h) => h.members.includes(m))?.residenceAddress ?? "",
      residenceSince,
      maritalStatus: m.maritalStatus,
      maritalSince: m.maritalStatus === "divorced" ? dayNum("2019-06-21") : null,
      employmentStatus: m.employmentStatus,
      employer: m.employer,
      employmentSince,
      insuranceStatus: m.insuranceStatus,
      insuranceMonths: m.insuranceMonths,
      insuredSince: m.insuranceStatus === "none" ? null : Math.max(birth, addMonths(this.today, -m.insuranceMonths)),
      phone: m.phone,
      relationToHead: "户主",
      divorcedOn: null,
      previousMarriageOn: null,
    };
  }

  private demoLicences(h: Household, dh: DemoHousehold): void {
    const head = h.members[0];
    if (!head) return;
    // Relation to the head for the household register.
    for (const p of h.members.slice(1)) {
      const isChild = h.parentChild.some(([, c]) => c === p);
      p.relationToHead = isChild ? (p.sex === "male" ? "子" : "女") : "配偶";
    }
    const motherOf = new Map<Person, Person>();
    const fatherOf = new Map<Person, Person>();
    for (const [parent, child] of h.parentChild) (parent.sex === "female" ? motherOf : fatherOf).set(child, parent);
    const spouseOf = new Map<Person, { spouse: Person; on: number }>();
    for (const c of h.couples) {
      spouseOf.set(c.a, { spouse: c.b, on: c.marriedOn });
      spouseOf.set(c.b, { spouse: c.a, on: c.marriedOn });
    }
    const marriageNumbers = new Map<number, string>();
    let propertyNumber: string | undefined;
    dh.members.forEach((m, i) => {
      const p = h.members[i];
      if (!p) return;
      for (const l of m.licences) this.demoLicence(p, h, head, l, { motherOf, fatherOf, spouseOf, marriageNumbers, propertyNumber: () => propertyNumber, setPropertyNumber: (n) => (propertyNumber = n) });
    });
  }

  private demoLicence(
    p: Person,
    h: Household,
    head: Person,
    l: DemoLicence,
    c: {
      motherOf: Map<Person, Person>;
      fatherOf: Map<Person, Person>;
      spouseOf: Map<Person, { spouse: Person; on: number }>;
      marriageNumbers: Map<number, string>;
      propertyNumber: () => string | undefined;
      setPropertyNumber: (n: string) => void;
    },
  ): void {
    const issued = typeof l.issuedOn === "string" ? dayNum(l.issuedOn) : this.today - l.issuedOn.daysAgo;
    const district = p.hukouDivisionCode ?? p.residenceDivisionCode;
    switch (l.type) {
      case "resident_id_card":
        this.issueIdCard(p, issued);
        return;
      case "household_register":
        // Registered in another province: the number follows from the head's ID (one per family).
        this.issueHouseholdRegister(p, h, head, issued, h.householdNumber ?? `${(head.hukouDivisionCode ?? "").slice(2)}8${head.idNumber.slice(10, 16)}`);
        return;
      case "marriage_certificate": {
        const sp = c.spouseOf.get(p);
        if (sp) {
          const number = this.issueMarriage(p, { name: sp.spouse.name, idNumber: sp.spouse.idNumber }, sp.on, district, undefined, c.marriageNumbers.get(sp.on));
          c.marriageNumbers.set(sp.on, number);
        } else {
          // A past marriage (周敏): the former spouse is not in the register.
          const ex = { name: "孙建军", idNumber: makeResidentId("440307", "1983-03-09", 211) };
          const divorce = dayNum("2019-06-21");
          this.issueMarriage(p, ex, issued, district, divorce);
        }
        return;
      }
      case "divorce_certificate": {
        const ex = { name: "孙建军", idNumber: makeResidentId("440307", "1983-03-09", 211) };
        this.issueDivorce(p, ex, issued, district, dayNum("2011-01-08"));
        return;
      }
      case "birth_medical_certificate": {
        const mother = c.motherOf.get(p);
        const father = c.fatherOf.get(p);
        const none = { name: "", idNumber: "" };
        this.issueBirthCertificate(p, p.residenceDivisionCode, mother ?? none, father ?? none, issued);
        return;
      }
      case "vaccination_certificate":
        this.issueVaccination(p, c.motherOf.get(p) ?? c.fatherOf.get(p), issued);
        return;
      // The facility's records of a demo birth: listed on the baby, they include the mother's.
      case "newborn_photo":
      case "birth_vaccination_record":
      case "delivery_record":
        if (l.type === "newborn_photo") this.issueNewbornRecords(p, c.motherOf.get(p), issued);
        return;
      case "social_insurance_record":
        this.issueInsuranceRecord(p, "social", issued);
        return;
      case "medical_insurance_record":
        this.issueInsuranceRecord(p, "medical", issued);
        return;
      case "social_security_card":
        this.issueSocialSecurityCard(p, issued);
        return;
      case "elderly_card":
        this.issueElderlyCard(p, issued);
        return;
      case "property_certificate": {
        const sp = c.spouseOf.get(p);
        const number = this.issueProperty(p, h, sp?.spouse ?? null, issued, c.propertyNumber());
        c.setPropertyNumber(number);
        return;
      }
      case "rental_registration":
        this.issueRental(p, h, { issued, validUntil: l.validUntil ? dayNum(l.validUntil) : addYears(issued, 1) });
        return;
      case "unemployment_certificate":
        this.issueUnemployment(p, issued);
        return;
      case "labour_contract_termination":
        this.issueTermination(p, { issued, employer: l.employer, reason: l.reason });
        return;
      default:
        throw new RangeError(`demo licence type not supported: ${l.type}`);
    }
  }
}

const ALL_TYPE_KEYS: readonly DemoLicenceKey[] = [
  "resident_id_card", "household_register", "residence_permit", "marriage_certificate", "divorce_certificate",
  "elderly_card", "birth_medical_certificate", "vaccination_certificate", "social_insurance_record",
  "unemployment_certificate", "social_security_card", "medical_insurance_record", "rental_registration",
  "property_certificate", "public_rental_qualification", "school_admission_notice", "individual_business_licence",
  "delivery_record", "newborn_photo", "birth_vaccination_record", "labour_contract_termination",
];

type Chunk = { persons: Row[]; relations: Row[]; licences: Row[]; toSign: Buffer[] };

// Plain CommonJS so the worker needs no TypeScript loader: Ed25519 over each payload, exactly
// what signLicence computes.
const SIGNER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createPrivateKey, sign } = require("node:crypto");
const key = createPrivateKey({ key: Buffer.from(workerData.der), format: "der", type: "pkcs8" });
parentPort.on("message", ({ id, buf, offsets }) => {
  const data = Buffer.from(buf);
  const out = new Array(offsets.length - 1);
  for (let i = 0; i + 1 < offsets.length; i++) {
    out[i] = sign(null, data.subarray(offsets[i], offsets[i + 1]), key).toString("base64url");
  }
  parentPort.postMessage({ id, sigs: out.join(" ") });
});
`;

/**
 * Signs licence payloads off the main thread, so generation, signing and the database work
 * in parallel. Falls back to signing inline where workers are unavailable.
 */
export class LicenceSigner {
  private worker: Worker | null = null;
  private failed: Error | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (s: string[]) => void; reject: (e: Error) => void }>();

  constructor(private readonly key: KeyObject) {
    try {
      const der = key.export({ format: "der", type: "pkcs8" });
      this.worker = new Worker(SIGNER_SOURCE, { eval: true, workerData: { der: new Uint8Array(der) } });
      this.worker.on("message", (m: { id: number; sigs: string }) => {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        w?.resolve(m.sigs === "" ? [] : m.sigs.split(" "));
      });
      this.worker.on("error", (e: Error) => this.fail(e));
      this.worker.on("exit", (code) => {
        if (this.waiting.size > 0) this.fail(new Error(`licence signer exited with code ${code}`));
      });
    } catch {
      this.worker = null;
    }
  }

  private fail(e: Error): void {
    this.failed = e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  sign(payloads: Buffer[]): Promise<string[]> {
    if (this.failed) return Promise.reject(this.failed);
    if (!this.worker || payloads.length === 0) {
      return Promise.resolve(payloads.map((p) => sign(null, p, this.key).toString("base64url")));
    }
    let total = 0;
    for (const p of payloads) total += p.length;
    const buf = new Uint8Array(total);
    const offsets = new Array<number>(payloads.length + 1);
    let at = 0;
    payloads.forEach((p, i) => {
      offsets[i] = at;
      buf.set(p, at);
      at += p.length;
    });
    offsets[payloads.length] = at;
    const id = this.nextId++;
    return new Promise<string[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker?.postMessage({ id, buf, offsets }, [buf.buffer]);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

async function writeChunk(db: Executor, chunk: Chunk, signatures: Promise<string[]>, writers?: Record<string, TableWriter>): Promise<void> {
  const sigs = await signatures;
  if (sigs.length !== chunk.licences.length) throw new Error("licence signer returned the wrong number of signatures");
  chunk.licences.forEach((l, i) => {
    l.signature = sigs[i];
  });
  if (writers) return writeTables(writers, { persons: chunk.persons, family_relations: chunk.relations, licences: chunk.licences });
  await db.transaction(async (tx) => {
    // Seed data can be regenerated: no need to wait for each chunk's WAL flush.
    await tx.execute(sql`SET LOCAL synchronous_commit = off`);
    await bulkInsert(tx, "persons", PERSON_COLUMNS, chunk.persons);
    await bulkInsert(tx, "family_relations", RELATION_COLUMNS, chunk.relations, 20_000);
    await bulkInsert(tx, "licences", LICENCE_COLUMNS, chunk.licences, 4000);
  });
}

export async function seedPopulation(db: Executor, opts: PopulationOptions): Promise<PopulationResult> {
  const log = opts.log ?? (() => {});
  const ref = await loadRefData(db);
  const gen = new PopulationGenerator(opts.rng, opts.today, ref, log);
  const chunkSize = opts.chunkSize ?? 5000;
  const signer = new LicenceSigner(opts.signingKey);
  const writers = opts.loader
    ? {
        persons: await opts.loader.open("persons", PERSON_COLUMNS),
        family_relations: await opts.loader.open("family_relations", RELATION_COLUMNS),
        licences: await opts.loader.open("licences", LICENCE_COLUMNS),
      }
    : undefined;

  try {
    gen.generateDemoHouseholds();
    // Chunks in flight: signed in the worker, then written in order, one transaction each.
    let previous: Promise<void> = Promise.resolve();
    const inFlight: Promise<void>[] = [];
    let lastLogged = 0;
    const flush = async () => {
      const chunk = gen.takeChunk();
      const signatures = signer.sign(chunk.toSign);
      chunk.toSign = [];
      const before = previous;
      const p = before.then(() => writeChunk(db, chunk, signatures, writers));
      // Awaited below; swallow here only to avoid an unhandled-rejection warning meanwhile.
      p.catch(() => {});
      previous = p;
      inFlight.push(p);
      // Bounded memory: at most two chunks waiting behind the one being generated.
      while (inFlight.length > 2) await inFlight.shift();
    };

    let households = 0;
    while (gen.totalPersons < opts.persons) {
      gen.generateHousehold(opts.persons - gen.totalPersons);
      households += 1;
      if (gen.persons.length >= chunkSize) {
        await flush();
        if (gen.totalPersons - lastLogged >= 100_000) {
          lastLogged = gen.totalPersons;
          log(`population: ${gen.totalPersons} persons, ${gen.totalLicences} licences`);
        }
      } else if (households % 200 === 0) {
        // Let the earlier chunks' statements progress while this one is generated.
        await yieldToLoop();
      }
    }
    await flush();
    for (const p of inFlight) await p;
    if (writers) await Promise.all(Object.values(writers).map((w) => w.end()));
  } finally {
    await signer.close();
  }
  return { persons: gen.totalPersons, licences: gen.totalLicences, relations: gen.totalRelations };
}
