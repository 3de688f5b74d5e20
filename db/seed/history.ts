/**
 * Twelve months of applications before `today`: full event timelines, materials pulled from
 * the library (or uploaded / brought to the counter), ratings. What the supervisor dashboards
 * and clerk queues need to look like a real service hall's.
 *
 * Times are China time. Clerks act in office hours (09:00–12:00, 14:00–18:00) on working days
 * of the official calendar; citizens submit online at any hour. Everything happens strictly
 * before the start of `today`, so applications still in progress then stay open.
 */
import { OPEN_STATUSES } from "@/lib/applications/lifecycle/statuses";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { writeTables, type BulkLoader, type TableWriter } from "./bulk-load";
import { addWorkingDays, isWorkingDay } from "../../lib/calendar/working-days";
import type { ServiceFormField } from "../schema";
import { DETAILED_SERVICES } from "./catalogue";
import { demoPersonId, DEMO_CITIZENS, DEMO_HOUSEHOLDS, STAFF_PREFIX } from "./demo";
import { randomName } from "./names";
import { OrderedIds, bulkInsert, dayNum, isoDay, optText, rowsOf } from "./population";
import { stableUuid, type Random } from "./random";

export type HistoryOptions = {
  rng: Random;
  applications: number;
  today: string;
  log?: (m: string) => void;
  chunkSize?: number;
  /** Write with COPY through this loader (db/seed/bulk-load.ts) instead of INSERT batches. */
  loader?: BulkLoader;
};

export type HistoryResult = { applications: number; events: number };

type Status = "draft" | "submitted" | "supplement_requested" | "accepted" | "approved" | "completed" | "rejected" | "withdrawn";
type Channel = "online" | "counter" | "mobile";
type Row = Record<string, unknown>;

type ServiceInfo = {
  id: string;
  code: string;
  nameZh: string;
  deptCode: string;
  promised: number;
  legal: number;
  onTheSpot: boolean;
  formFields: ServiceFormField[];
  materials: MaterialInfo[];
  centreIds: Set<string>;
  audience: Audience;
};

type MaterialInfo = {
  id: string;
  nameZh: string;
  kind: "licence" | "upload" | "form";
  licenceTypeId: string | null;
  subject: "applicant" | "spouse" | "child" | "parent";
  required: boolean;
};

type Applicant = {
  id: string;
  idNumber: string;
  name: string;
  phone: string | null;
  birthDate: string;
  hukouDivision: string | null;
  hukouAddress: string | null;
  residenceDivision: string;
  residenceAddress: string;
  employment: string;
  spouse: { id: string; name: string; idNumber: string } | null;
  child: { id: string; name: string; idNumber: string; birthDate: string; sex: string } | null;
  userId: string | null;
};

type Audience = "adult" | "newborn_parent" | "school_parent" | "elderly" | "migrant" | "unemployed" | "self_employed";

/** How often each service is applied for (relative); unlisted services weigh 1. */
const SERVICE_WEIGHTS: Readonly<Record<string, number>> = {
  social_insurance_record_print: 9,
  medical_insurance_record_print: 6,
  residence_permit: 8,
  id_card_renewal: 6,
  rental_registration: 6,
  employment_registration: 4,
  unemployment_registration: 2,
  unemployment_insurance_benefit: 2,
  individual_business_registration: 2,
  birth_medical_certificate: 2,
  vaccination_certificate: 2,
  newborn_hukou: 2,
  newborn_medical_insurance: 2,
  newborn_social_security_card: 2,
  maternity_allowance: 2,
  primary_school_enrolment: 3,
  junior_middle_school_enrolment: 2,
  elderly_card: 2,
  marriage_registration: 2,
  hukou_transfer_in: 2,
  talent_housing_subsidy: 2,
};

function audienceOf(code: string): Audience {
  const key = code;
  if (["birth_medical_certificate", "vaccination_certificate", "newborn_hukou", "newborn_medical_insurance", "newborn_social_security_card", "maternity_allowance"].includes(key)) return "newborn_parent";
  if (key === "primary_school_enrolment" || code === "junior_middle_school_enrolment") return "school_parent";
  if (key === "elderly_card" || key === "high_age_allowance") return "elderly";
  if (key === "residence_permit") return "migrant";
  if (key === "unemployment_registration" || code === "unemployment_insurance_benefit") return "unemployed";
  if (code === "individual_business_registration") return "self_employed";
  return "adult";
}

const SUPPLEMENT_REASONS = [
  "上传的材料照片不清晰，请重新拍摄上传",
  "材料信息与申请表填写不一致，请核对后补正",
  "缺少签字页，请补充提交签字确认的材料",
  "证明材料已超过有效期，请提供最新材料",
  "申请表部分必填项未填写完整",
];
const REJECT_BEFORE_ACCEPT = [
  "不符合受理条件：申请人不属于本事项服务对象",
  "不予受理：同一事项已有在办申请",
  "不予受理：申请事项不属于本机关职权范围，已告知向有关机关申请",
];
const REJECT_AFTER_ACCEPT = [
  "不予批准：经核查不符合办理条件",
  "不予批准：申请材料内容与核查结果不符",
  "不予批准：未达到规定的参保或居住年限",
];
const WITHDRAW_NOTES = ["申请人主动撤回", "信息填写有误，撤回后重新申请", "已通过其他渠道办理"];
const POSITIVE_COMMENTS = [
  "办理很快，工作人员态度很好",
  "全程网上办，一次都没跑，点赞！",
  "材料从证照库自动调取，省了很多事",
  "窗口一次就办好了，很方便",
  "进度随时能查，短信提醒也很及时",
  "比以前方便太多了",
  "工作人员耐心解答，非常满意",
  "不用再交复印件了，好评",
];
const NEGATIVE_COMMENTS = [
  "等了很久才受理，也没有人说明原因",
  "补正要求没说清楚，来回改了两次",
  "系统提交时一直卡住，体验不好",
  "窗口排队时间太长",
  "电话一直打不通，进度不透明",
];
const MATERIAL_FILE_TYPES: readonly (readonly [string, string])[] = [
  ["jpg", "image/jpeg"],
  ["jpg", "image/jpeg"],
  ["pdf", "application/pdf"],
  ["png", "image/png"],
];

const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);
const APPLICATION_COLUMNS = [
  "id", "number", "service_id", "bundle_id", "bundle_group_id", "applicant_person_id", "subject_person_id",
  "status", "channel", "centre_id", "form_data", "submitted_at", "received_at", "accepted_at", "completed_at",
  "accept_due_on", "due_on", "legal_due_on", "clock_paused_at", "paused_working_days", "deemed_accepted",
  "assigned_clerk_id", "version", "idempotency_key", "created_by_user_id", "created_at", "updated_at",
  "step_index", "step_kind", "step_due_on",
] as const;
const UPLOAD_COLUMNS = [
  "id", "owner_person_id", "application_id", "file_name", "content_type", "size_bytes", "sha256", "storage_key", "created_at",
] as const;
const MATERIAL_COLUMNS = [
  "id", "application_id", "person_id", "service_material_id", "source", "licence_id", "upload_id",
  "supplement_requested", "verified_at", "note", "created_at",
] as const;
const EVENT_COLUMNS = [
  "application_id", "person_id", "from_status", "to_status", "actor_user_id", "actor_role", "note", "data", "occurred_at",
] as const;
const RATING_COLUMNS = ["id", "application_id", "person_id", "score", "comment", "created_at"] as const;

const DISTRICT_CENTRE: Readonly<Record<string, string>> = {
  "440303": "luohu",
  "440304": "futian",
  "440305": "nanshan",
  "440306": "baoan",
  "440307": "longgang",
  "440308": "luohu",
  "440309": "baoan",
  "440310": "longgang",
  "440311": "baoan",
};
const CENTRE_CLERK: Readonly<Record<string, string>> = { futian: "FT001", nanshan: "NS001" };

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

/** A China-time instant as minutes since 1970-01-01 00:00 China time. */
type Minute = number;

function stamp(t: Minute): string {
  const day = Math.floor(t / 1440);
  const m = t - day * 1440;
  return `${isoDay(day)}T${pad(Math.floor(m / 60), 2)}:${pad(m % 60, 2)}:${pad((t * 7) % 60, 2)}+08:00`;
}

class Clock {
  private readonly working = new Map<number, boolean>();
  constructor(private readonly rng: Random) {}

  isWorking(day: number): boolean {
    let w = this.working.get(day);
    if (w === undefined) {
      w = isWorkingDay(isoDay(day));
      this.working.set(day, w);
    }
    return w;
  }

  private readonly added = new Map<number, number>();

  /** The nth working day after `day` (n = 0: `day` itself if working, else the next); memoised, as most applications share days and limits. */
  addWorking(day: number, n: number): number {
    const key = day * 512 + n;
    let out = this.added.get(key);
    if (out === undefined) {
      out = dayNum(addWorkingDays(isoDay(day), n));
      this.added.set(key, out);
    }
    return out;
  }

  workingBetween(from: number, to: number): number {
    let c = 0;
    for (let d = from + 1; d <= to; d++) if (this.isWorking(d)) c++;
    return c;
  }

  /** A random office-hours minute of the day. */
  officeMinute(): number {
    const r = this.rng.int(0, 419);
    return r < 180 ? 540 + r : 840 + (r - 180);
  }

  /** Moves `t` into office hours on a working day (not earlier than `t`). */
  normalize(t: Minute): Minute {
    let day = Math.floor(t / 1440);
    let m = t - day * 1440;
    if (!this.isWorking(day) || m >= 1080) {
      day = this.addWorking(day, m >= 1080 || !this.isWorking(day) ? 1 : 0);
      if (!this.isWorking(day)) day = this.addWorking(day, 0);
      return day * 1440 + 540 + this.rng.int(0, 40);
    }
    if (m < 540) m = 540 + this.rng.int(0, 40);
    else if (m >= 720 && m < 840) m = 840 + this.rng.int(0, 30);
    return day * 1440 + m;
  }

  /** A clerk's action `k` working days after `t` (k = 0: later the same working day if possible). */
  clerkAfter(t: Minute, k: number): Minute {
    const day0 = Math.floor(t / 1440);
    const day = k === 0 ? (this.isWorking(day0) ? day0 : this.addWorking(day0, 0)) : this.addWorking(day0, k);
    let c = day * 1440 + this.officeMinute();
    if (c <= t) c = this.normalize(t + this.rng.int(5, 90));
    return c;
  }
}

async function loadServices(db: Executor): Promise<ServiceInfo[]> {
  const svc = rowsOf(
    await db.execute(sql`
      SELECT s.id, s.code, s.name_zh, d.code AS dept_code, s.promised_limit_days, s.legal_limit_days, s.on_the_spot,
             s.form_fields::text AS form_fields
      FROM services s JOIN departments d ON d.id = s.department_id
      WHERE s.active ORDER BY s.code`),
  );
  const mats = rowsOf(
    await db.execute(sql`
      SELECT id, service_id, name_zh, kind, licence_type_id, subject, required
      FROM service_materials ORDER BY service_id, position`),
  );
  const centres = rowsOf(await db.execute(sql`SELECT centre_id, service_id FROM centre_services ORDER BY centre_id, service_id`));
  // Only the services of full detail have a history: the rest of the 事项清单 has no audience
  // model, and leaving it out keeps the seeded city (and its random stream) what it was.
  const detailed = new Set(DETAILED_SERVICES.map((s) => s.code));
  return svc.filter((s) => detailed.has(String(s.code))).map((s) => ({
    id: String(s.id),
    code: String(s.code),
    nameZh: String(s.name_zh),
    deptCode: String(s.dept_code),
    promised: Number(s.promised_limit_days),
    legal: Number(s.legal_limit_days),
    onTheSpot: Boolean(s.on_the_spot),
    formFields: JSON.parse(String(s.form_fields)) as ServiceFormField[],
    materials: mats
      .filter((m) => m.service_id === s.id)
      .map((m) => ({
        id: String(m.id),
        nameZh: String(m.name_zh),
        kind: m.kind as MaterialInfo["kind"],
        licenceTypeId: optText(m.licence_type_id),
        subject: m.subject as MaterialInfo["subject"],
        required: Boolean(m.required),
      })),
    centreIds: new Set(centres.filter((c) => c.service_id === s.id).map((c) => String(c.centre_id))),
    audience: audienceOf(String(s.code)),
  }));
}

/** The application is about the applicant's child (the newborn, the pupil), who must exist by then. */
function concernsChild(s: ServiceInfo): boolean {
  return s.materials.some((m) => m.subject === "child") || s.audience === "newborn_parent" || s.audience === "school_parent";
}

/**
 * Adults to file the random history, never a member of a demo household (the father of the demo
 * newborn, the wife of the demo school parent: their filings would use up the demo journeys),
 * plus the demo citizens themselves (`includeIds`, for their harmless certificate prints).
 */
async function loadApplicants(db: Executor, today: string, limit: number, includeIds: string[], excludeIds: string[]): Promise<Applicant[]> {
  const adultCut = isoDay(dayNum(today) - 18 * 366);
  const demoIds = JSON.stringify(includeIds);
  const householdIds = JSON.stringify(excludeIds);
  const res = await db.execute(sql`
    WITH pool AS (
      (SELECT * FROM persons
        WHERE birth_date <= ${adultCut}::date
          AND id NOT IN (SELECT (json_array_elements_text(${householdIds}::json))::uuid)
        ORDER BY id LIMIT ${limit})
      UNION ALL
      (SELECT * FROM persons WHERE id IN (SELECT (json_array_elements_text(${demoIds}::json))::uuid))
    )
    SELECT p.id, p.id_number, p.name, p.phone, p.birth_date::text AS birth_date, p.hukou_division_code,
           p.hukou_address, p.residence_division_code, p.residence_address, p.employment_status::text AS employment,
           s.id AS spouse_id, s.name AS spouse_name, s.id_number AS spouse_id_number,
           c.id AS child_id, c.name AS child_name, c.id_number AS child_id_number,
           c.birth_date::text AS child_birth, c.sex::text AS child_sex,
           u.id AS user_id
    FROM pool p
    LEFT JOIN LATERAL (
      SELECT r.id, r.name, r.id_number FROM family_relations fr JOIN persons r ON r.id = fr.relative_id
      WHERE fr.person_id = p.id AND fr.relation = 'spouse' ORDER BY r.id LIMIT 1) s ON true
    LEFT JOIN LATERAL (
      SELECT r.id, r.name, r.id_number, r.birth_date, r.sex FROM family_relations fr JOIN persons r ON r.id = fr.relative_id
      WHERE fr.person_id = p.id AND fr.relation = 'child' ORDER BY r.birth_date DESC, r.id LIMIT 1) c ON true
    LEFT JOIN users u ON u.person_id = p.id
    ORDER BY p.id`);
  return rowsOf(res).map((r) => ({
    id: String(r.id),
    idNumber: String(r.id_number),
    name: String(r.name),
    phone: optText(r.phone),
    birthDate: String(r.birth_date),
    hukouDivision: optText(r.hukou_division_code),
    hukouAddress: optText(r.hukou_address),
    residenceDivision: String(r.residence_division_code),
    residenceAddress: String(r.residence_address),
    employment: String(r.employment),
    spouse: r.spouse_id === null ? null : { id: optText(r.spouse_id) ?? "", name: String(r.spouse_name), idNumber: String(r.spouse_id_number) },
    child:
      r.child_id === null
        ? null
        : { id: optText(r.child_id) ?? "", name: String(r.child_name), idNumber: String(r.child_id_number), birthDate: String(r.child_birth), sex: String(r.child_sex) },
    userId: optText(r.user_id),
  }));
}

type Header = {
  service: ServiceInfo;
  applicant: Applicant;
  channel: Channel;
  draftAt: Minute;
  submitAt: Minute;
  number?: string;
};

type LibraryLicence = { id: string; from: number; until: number | null; status: string; changed: number | null };

export async function seedHistory(db: Executor, opts: HistoryOptions): Promise<HistoryResult> {
  const log = opts.log ?? (() => {});
  const rng = opts.rng;
  const todayDay = dayNum(opts.today);
  const cutoff: Minute = todayDay * 1440;
  const clock = new Clock(rng);
  const yearAgoMs = (todayDay - 400) * 86_400_000;
  const applicationIds = new OrderedIds(rng, yearAgoMs);
  const materialIds = new OrderedIds(rng, yearAgoMs);
  const uploadIds = new OrderedIds(rng, yearAgoMs);
  const ratingIds = new OrderedIds(rng, yearAgoMs);
  const services = await loadServices(db);
  if (services.length === 0 || opts.applications <= 0) return { applications: 0, events: 0 };

  const demoCitizenIds = DEMO_CITIZENS.map((c) => demoPersonId(c.personKey));
  const poolSize = Math.max(2000, Math.min(opts.applications, 250_000));
  const demoHouseholdIds = DEMO_HOUSEHOLDS.flatMap((h) => h.members.map((m) => demoPersonId(m.key)));
  const applicants = await loadApplicants(db, opts.today, poolSize, demoCitizenIds, demoHouseholdIds);
  const demoSet = new Set(demoCitizenIds);
  const randomPool = applicants.filter((a) => !demoSet.has(a.id));
  if (randomPool.length === 0) return { applications: 0, events: 0 };

  // Applicants by audience, so a service goes to people it is for.
  const ageOf = (a: Applicant) => Math.floor((todayDay - dayNum(a.birthDate)) / 365.25);
  const childAgeDays = (a: Applicant) => (a.child ? todayDay - dayNum(a.child.birthDate) : Infinity);
  const byAudience: Record<Audience, Applicant[]> = {
    adult: randomPool,
    newborn_parent: randomPool.filter((a) => childAgeDays(a) < 400),
    school_parent: randomPool.filter((a) => {
      const d = childAgeDays(a);
      return (d >= 5 * 365 && d < 7.5 * 365) || (d >= 11 * 365 && d < 13 * 365);
    }),
    elderly: randomPool.filter((a) => ageOf(a) >= 59),
    migrant: randomPool.filter((a) => a.hukouDivision !== null && !a.hukouDivision.startsWith("4403")),
    unemployed: randomPool.filter((a) => a.employment === "unemployed"),
    self_employed: randomPool.filter((a) => a.employment === "self_employed" || a.employment === "employed"),
  };

  const weights = services.map((s) => [s, SERVICE_WEIGHTS[s.code] ?? 1] as const);
  const submitHour = (): number =>
    rng.weighted([[8, 3], [9, 8], [10, 9], [11, 8], [12, 4], [13, 4], [14, 7], [15, 8], [16, 7], [17, 5], [18, 3], [19, 4], [20, 6], [21, 6], [22, 4], [23, 2]] as const);

  const makeHeader = (service: ServiceInfo, applicant: Applicant, daysAgo: number): Header => {
    const channel = rng.weighted<Channel>([["online", 60], ["counter", 30], ["mobile", 10]]);
    let day = todayDay - daysAgo;
    let draftAt: Minute;
    let submitAt: Minute;
    if (channel === "counter") {
      if (!clock.isWorking(day)) day = clock.addWorking(day, 0);
      if (day >= todayDay) day = todayDay - 1;
      while (!clock.isWorking(day) && day > todayDay - 400) day -= 1;
      draftAt = day * 1440 + rng.int(540, 1050);
      submitAt = draftAt + rng.int(2, 12);
    } else {
      draftAt = day * 1440 + submitHour() * 60 + rng.int(0, 59);
      submitAt = Math.min(draftAt + rng.int(3, 45), day * 1440 + 1439);
    }
    return { service, applicant, channel, draftAt, submitAt };
  };

  // 1. Headers: who applied for what, and when. Weekends see less online traffic.
  const headers: Header[] = [];
  // The demo citizens' own past applications (certificate prints, which clash with no demo story).
  const printServices = services.filter((s) => s.code === "social_insurance_record_print" || s.code === "medical_insurance_record_print");
  const demoApplicants = applicants.filter((x) => demoSet.has(x.id));
  const demoCount = Math.min(opts.applications, demoApplicants.length * printServices.length);
  let redraws = 0;
  for (let i = 0; i < opts.applications - demoCount; i++) {
    const service = rng.weighted(weights);
    const pool = byAudience[service.audience].length > 0 ? byAudience[service.audience] : randomPool;
    const applicant = rng.pick(pool);
    let daysAgo = rng.int(1, 365);
    if (!clock.isWorking(todayDay - daysAgo) && rng.chance(0.5)) daysAgo = rng.int(1, 365);
    // A service about a child is filed after the child was born: a child born today draws again.
    if (concernsChild(service) && applicant.child) daysAgo = Math.min(daysAgo, childAgeDays(applicant) - 1);
    if (daysAgo < 1 && redraws++ < 1000) {
      i -= 1;
      continue;
    }
    headers.push(makeHeader(service, applicant, daysAgo));
  }
  for (const a of demoApplicants) {
    for (const s of printServices) if (headers.length < opts.applications) headers.push(makeHeader(s, a, rng.int(20, 300)));
  }
  headers.sort((a, b) => a.submitAt - b.submitAt || a.draftAt - b.draftAt);
  let counter = 0;
  for (const h of headers) {
    counter += 1;
    h.number = `SZ${isoDay(Math.floor(h.submitAt / 1440)).replaceAll("-", "")}${pad(counter, 8)}`;
  }

  // 2. Timelines, materials, ratings — chunk by chunk.
  const chunkSize = opts.chunkSize ?? 4000;
  let totalEvents = 0;
  let totalApps = 0;
  const neededTypes = [...new Set(services.flatMap((s) => s.materials.map((m) => m.licenceTypeId).filter((x): x is string => x !== null)))];
  let pending: Promise<void> | null = null;
  const writers = opts.loader
    ? {
        applications: await opts.loader.open("applications", APPLICATION_COLUMNS),
        uploads: await opts.loader.open("uploads", UPLOAD_COLUMNS),
        application_materials: await opts.loader.open("application_materials", MATERIAL_COLUMNS),
        application_events: await opts.loader.open("application_events", EVENT_COLUMNS),
        ratings: await opts.loader.open("ratings", RATING_COLUMNS),
      }
    : undefined;

  for (let start = 0; start < headers.length; start += chunkSize) {
    const chunk = headers.slice(start, start + chunkSize);
    const library = await loadLibrary(db, chunk, neededTypes);
    const out = { applications: [] as Row[], uploads: [] as Row[], materials: [] as Row[], events: [] as Row[], ratings: [] as Row[] };
    for (const h of chunk) {
      const n = buildApplication(h, out, library);
      totalEvents += n;
      totalApps += 1;
    }
    if (pending) await pending;
    const p = writeHistoryChunk(db, out, writers);
    p.catch(() => {});
    pending = p;
    if ((start / chunkSize) % 10 === 9) log(`history: ${totalApps} applications, ${totalEvents} events`);
  }
  if (pending) await pending;
  if (writers) await Promise.all(Object.values(writers).map((w) => w.end()));
  if (counter > 0) await db.execute(sql`SELECT setval('application_number_seq', ${counter})`);
  return { applications: totalApps, events: totalEvents };

  // ---------------------------------------------------------------------------------------

  function buildApplication(
    h: Header,
    out: { applications: Row[]; uploads: Row[]; materials: Row[]; events: Row[]; ratings: Row[] },
    library: Map<string, LibraryLicence[]>,
  ): number {
    const s = h.service;
    const a = h.applicant;
    const id = applicationIds.next();
    const clerkNo = `${STAFF_PREFIX[s.deptCode] ?? "PSB"}001`;
    const deptClerk = stableUuid(`user:${clerkNo}`);
    const centreKey = DISTRICT_CENTRE[a.residenceDivision] ?? "futian";
    const centreId = h.channel === "counter" ? stableUuid(`centre:${centreKey}`) : null;
    const centreClerkNo = CENTRE_CLERK[centreKey];
    const acceptClerk = h.channel === "counter" && centreClerkNo && centreId && s.centreIds.has(centreId) ? stableUuid(`user:${centreClerkNo}`) : deptClerk;
    const citizenActor = h.channel === "counter" ? acceptClerk : a.userId;
    const citizenRole = h.channel === "counter" ? "clerk" : "citizen";
    const subject = concernsChild(s) ? a.child : null;

    /** The clock as it stands after an event: the application row takes the last one before today. */
    type ClockState = {
      receivedAt: Minute;
      acceptDueDay: number;
      dueDay: number;
      legalDueDay: number;
      paused: number;
      deemed: boolean;
      pausedAt: Minute | null;
    };
    type Ev = { from: Status | null; to: Status; at: Minute; actor: string | null; role: string; note: string | null; data: Row | null; state: ClockState };
    const evs: Ev[] = [];
    const promised = s.onTheSpot ? 0 : s.promised;
    // Receipt (filing, or the answer to a supplement asked for before acceptance): 5 working
    // days to answer completeness, provisional due dates from the receipt day (lib/calendar/application-clock.ts).
    const receipt = (at: Minute): ClockState => {
      const day = Math.floor(at / 1440);
      return {
        receivedAt: at,
        acceptDueDay: clock.addWorking(day, 5),
        dueDay: clock.addWorking(day, promised),
        legalDueDay: clock.addWorking(day, s.legal),
        paused: 0,
        deemed: false,
        pausedAt: null,
      };
    };
    let state = receipt(h.submitAt);
    const push = (to: Status, at: Minute, actor: string | null, role: string, note: string | null = null, data: Row | null = null): Minute => {
      const prev = evs[evs.length - 1];
      const t = prev && at <= prev.at ? prev.at + 1 : at;
      evs.push({ from: prev ? prev.to : null, to, at: t, actor, role, note, data, state: { ...state } });
      return t;
    };
    const dueData = () => ({ acceptDueOn: isoDay(state.acceptDueDay), dueOn: isoDay(state.dueDay), legalDueOn: isoDay(state.legalDueDay) });

    push("draft", h.draftAt, citizenActor, citizenRole);
    push("submitted", h.submitAt, citizenActor, citizenRole, null, dueData());

    const roll = rng.next();
    const rejectEarly = roll < 0.022;
    const withdraw = !rejectEarly && roll < 0.064;
    // A resident may withdraw only before acceptance or while a supplement is outstanding.
    const withdrawStage = rng.weighted([["submitted", 6], ["supplement_requested", 4]] as const);
    let firstAcceptAt: Minute | null = null;
    let supplementMaterials: string[] = [];

    const acceptDelay = h.channel === "counter" ? -1 : rng.weighted([[0, 40], [1, 35], [2, 17], [3, 7], [7, 1]] as const);
    const acceptAt = (after: Minute) => (acceptDelay < 0 ? after + rng.int(1, 8) : clock.clerkAfter(after, acceptDelay));

    let last = evs[evs.length - 1]?.at ?? h.submitAt;
    /** `minutes` after `t`, but not past 17:59 of that day (the window closes at 18:00). */
    const sameDayBefore18 = (t: Minute, minutes: number): Minute => {
      const close = Math.floor(t / 1440) * 1440 + 1079;
      return t >= close ? t + 1 : Math.min(t + minutes, close);
    };
    const citizenLater = (t: Minute, minDays: number, maxDays: number) => {
      const day = Math.floor(t / 1440) + rng.int(minDays, maxDays);
      return day * 1440 + rng.int(8 * 60, 23 * 60);
    };
    const nameMissing = () => {
      const candidates = s.materials.filter((m) => m.kind !== "form");
      supplementMaterials = candidates.length > 0 ? [rng.pick(candidates).id] : [];
      return supplementMaterials;
    };

    if (rejectEarly) {
      const reason = rng.pick(REJECT_BEFORE_ACCEPT);
      push("rejected", clock.clerkAfter(last, rng.int(0, 3)), deptClerk, "clerk", reason, { reason });
    } else if (withdraw && withdrawStage === "submitted" && h.channel !== "counter") {
      push("withdrawn", h.submitAt + rng.int(30, 3 * 1440), citizenActor, "citizen", rng.pick(WITHDRAW_NOTES));
    } else {
      let stopped = false;
      // 一次性告知 before acceptance: back to the resident; the answer is a fresh receipt.
      if (!s.onTheSpot && h.channel !== "counter" && rng.chance(0.04)) {
        const reason = rng.pick(SUPPLEMENT_REASONS);
        const reqAt = push("supplement_requested", clock.clerkAfter(last, rng.int(0, 3)), deptClerk, "clerk", reason, { materialIds: nameMissing(), reason, paused: false });
        if (withdraw && withdrawStage === "supplement_requested") {
          push("withdrawn", citizenLater(reqAt, 1, 12), citizenActor, "citizen", rng.pick(WITHDRAW_NOTES));
          stopped = true;
        } else {
          const resubAt = citizenLater(reqAt, 1, 6);
          state = receipt(resubAt);
          last = push("submitted", resubAt, a.userId, "citizen", "已按要求补正材料", { pausedWorkingDays: 0, ...dueData() });
        }
      }

      if (!stopped) {
        const acc = acceptAt(last);
        const acceptDay = Math.floor(acc / 1440);
        const receivedDay = Math.floor(state.receivedAt / 1440);
        // Completeness answered late: accepted by law from the receipt day (行政许可法第32条).
        const deemed = acceptDay > state.acceptDueDay;
        const start = deemed ? receivedDay : acceptDay;
        state = { ...state, deemed, dueDay: clock.addWorking(start, promised), legalDueDay: clock.addWorking(start, s.legal) };
        last = push("accepted", acc, acceptClerk, "clerk", deemed ? "逾期未告知补正，依法自收到申请材料之日起视为受理" : null, {
          deemed,
          clockStartOn: isoDay(start),
          dueOn: isoDay(state.dueDay),
          legalDueOn: isoDay(state.legalDueDay),
        });
        firstAcceptAt = acc;

        // After acceptance a supplement pauses the clock; the answer resumes it, due dates later by the pause.
        const supplement = !s.onTheSpot && (rng.chance(0.13) || (withdraw && withdrawStage === "supplement_requested"));
        if (supplement) {
          const reason = rng.pick(SUPPLEMENT_REASONS);
          const reqAt = clock.clerkAfter(last, rng.int(0, Math.min(2, Math.max(0, promised - 1))));
          state = { ...state, pausedAt: reqAt };
          last = push("supplement_requested", reqAt, deptClerk, "clerk", reason, { materialIds: nameMissing(), reason, paused: true });
          if (withdraw && withdrawStage === "supplement_requested") {
            push("withdrawn", citizenLater(last, 1, 12), citizenActor, "citizen", rng.pick(WITHDRAW_NOTES));
            stopped = true;
          } else {
            const resubAt = citizenLater(last, 1, 10);
            const paused = clock.workingBetween(Math.floor(reqAt / 1440), Math.floor(resubAt / 1440));
            state = {
              ...state,
              pausedAt: null,
              paused: state.paused + paused,
              dueDay: paused > 0 ? clock.addWorking(state.dueDay, paused) : state.dueDay,
              legalDueDay: paused > 0 ? clock.addWorking(state.legalDueDay, paused) : state.legalDueDay,
            };
            last = push("accepted", resubAt, a.userId, "citizen", "已按要求补正材料", {
              pausedWorkingDays: paused,
              totalPausedWorkingDays: state.paused,
              dueOn: isoDay(state.dueDay),
              legalDueOn: isoDay(state.legalDueDay),
            });
          }
        }

        if (!stopped) {
          if (s.onTheSpot) {
            const doneAt = push("approved", sameDayBefore18(last, rng.int(3, 50)), acceptClerk, "clerk");
            push("completed", doneAt, acceptClerk, "clerk", "即办件，当场办结", { licenceId: null, onTheSpot: true });
          } else {
            // Stalled files exist, but a supervisor chases them: only recent ones are still open.
            const stuck = h.submitAt >= cutoff - 45 * 1440 && rng.chance(0.2);
            const rejectLate = rng.chance(0.05);
            const late = rng.chance(0.12);
            const dueDay = state.dueDay;
            if (!stuck) {
              const remaining = Math.max(0, clock.workingBetween(Math.floor(last / 1440), dueDay));
              const k = late ? remaining + rng.int(1, 8) : rng.int(Math.min(remaining, Math.ceil(remaining * 0.15)), remaining);
              const decideAt = clock.clerkAfter(last, k);
              if (rejectLate) {
                const reason = rng.pick(REJECT_AFTER_ACCEPT);
                push("rejected", decideAt, deptClerk, "clerk", reason, { reason });
              } else {
                push("approved", decideAt, deptClerk, "clerk");
                const decideDay = Math.floor(decideAt / 1440);
                const nextDay = (late || decideDay < dueDay) && rng.chance(0.3);
                const doneAt = nextDay ? clock.clerkAfter(decideAt, 1) : clock.normalize(decideAt + rng.int(10, 150));
                push("completed", Math.floor(doneAt / 1440) > dueDay && !late ? sameDayBefore18(decideAt, rng.int(5, 30)) : doneAt, deptClerk, "clerk", null, {
                  licenceId: null,
                  onTheSpot: false,
                });
              }
            }
          }
        }
      }
    }

    // Cut at the start of today: what has not happened yet leaves the application open.
    const happened = evs.filter((e) => e.at < cutoff);
    const lastEv = happened[happened.length - 1];
    if (!lastEv) throw new Error("application without events");
    const status = lastEv.to;
    const clockNow = lastEv.state;
    const acceptedEv = happened.find((e) => e.to === "accepted");
    const wasAccepted = acceptedEv !== undefined;
    const dueDay: number | null = clockNow.dueDay;
    const completedEv = happened.find((e) => e.to === "completed");

    const formData = buildForm(s.formFields, a, subject);
    out.applications.push({
      id,
      number: h.number,
      service_id: s.id,
      bundle_id: null,
      bundle_group_id: null,
      applicant_person_id: a.id,
      subject_person_id: subject?.id ?? null,
      status,
      channel: h.channel,
      centre_id: centreId,
      form_data: formData,
      submitted_at: stamp(h.submitAt),
      received_at: stamp(clockNow.receivedAt),
      accepted_at: acceptedEv ? stamp(acceptedEv.at) : null,
      completed_at: completedEv ? stamp(completedEv.at) : null,
      accept_due_on: isoDay(clockNow.acceptDueDay),
      due_on: isoDay(clockNow.dueDay),
      legal_due_on: isoDay(clockNow.legalDueDay),
      clock_paused_at: status === "supplement_requested" && clockNow.pausedAt !== null ? stamp(clockNow.pausedAt) : null,
      paused_working_days: clockNow.paused,
      deemed_accepted: clockNow.deemed,
      assigned_clerk_id: wasAccepted ? acceptClerk : null,
      version: happened.length,
      idempotency_key: null,
      created_by_user_id: h.channel === "counter" ? acceptClerk : a.userId,
      created_at: stamp(h.draftAt),
      updated_at: stamp(lastEv.at),
      // The history follows the default workflow (workflow null): the window accepts, then it is decided.
      step_index: wasAccepted ? 1 : 0,
      step_kind: OPEN.has(status) ? (wasAccepted ? "decide" : "accept") : null,
      step_due_on: OPEN.has(status) ? (wasAccepted ? isoDay(clockNow.dueDay) : isoDay(clockNow.acceptDueDay)) : null,
    });
    for (const e of happened) {
      out.events.push({
        application_id: id,
        person_id: a.id,
        from_status: e.from,
        to_status: e.to,
        actor_user_id: e.actor,
        actor_role: e.role,
        note: e.note,
        data: e.data,
        occurred_at: stamp(e.at),
      });
    }

    // Materials: the library first, else an upload (online) or the paper at the counter.
    const submitDay = Math.floor(h.submitAt / 1440);
    const verifiedAt = wasAccepted && firstAcceptAt !== null ? stamp(firstAcceptAt) : null;
    for (const m of s.materials) {
      if (!m.required && !rng.chance(0.35)) continue;
      let source: "library" | "upload" | "counter" | "form";
      let licenceId: string | null = null;
      let uploadId: string | null = null;
      if (m.kind === "form") source = "form";
      else {
        if (m.kind === "licence" && m.licenceTypeId) {
          const holder = m.subject === "applicant" ? a.id : m.subject === "spouse" ? a.spouse?.id : m.subject === "child" ? (subject ?? a.child)?.id : undefined;
          const found = holder ? pickLicence(library.get(`${holder}:${m.licenceTypeId}`), submitDay) : null;
          licenceId = found;
        }
        if (licenceId) source = "library";
        else if (h.channel === "counter") source = "counter";
        else {
          source = "upload";
          uploadId = uploadIds.next();
          const [ext, contentType] = rng.pick(MATERIAL_FILE_TYPES);
          out.uploads.push({
            id: uploadId,
            owner_person_id: a.id,
            application_id: id,
            file_name: `${m.nameZh}.${ext}`,
            content_type: contentType,
            size_bytes: rng.int(60_000, 3_500_000),
            sha256: createHash("sha256").update(uploadId).digest("hex"),
            storage_key: `seed/${uploadId}`,
            created_at: stamp(h.submitAt - rng.int(1, 3)),
          });
        }
      }
      out.materials.push({
        id: materialIds.next(),
        application_id: id,
        person_id: a.id,
        service_material_id: m.id,
        source,
        licence_id: licenceId,
        upload_id: uploadId,
        supplement_requested: status === "supplement_requested" && supplementMaterials.includes(m.id),
        verified_at: source === "form" ? null : verifiedAt,
        note: source === "library" ? "已从电子证照库调取，免于提交" : null,
        created_at: stamp(h.submitAt),
      });
    }

    // Ratings (好差评) for about 60% of completed applications.
    if (completedEv && rng.chance(0.6)) {
      const at = completedEv.at + rng.int(5, 3 * 1440);
      if (at < cutoff) {
        const overdue = dueDay !== null && Math.floor(completedEv.at / 1440) > dueDay;
        const score = overdue
          ? rng.weighted([[5, 30], [4, 25], [3, 20], [2, 15], [1, 10]] as const)
          : rng.weighted([[5, 72], [4, 18], [3, 5], [2, 3], [1, 2]] as const);
        const comment = score <= 2 ? rng.pick(NEGATIVE_COMMENTS) : score >= 4 && rng.chance(0.4) ? rng.pick(POSITIVE_COMMENTS) : null;
        out.ratings.push({ id: ratingIds.next(), application_id: id, person_id: a.id, score, comment, created_at: stamp(at) });
      }
    }
    return happened.length;
  }

  function buildForm(fields: ServiceFormField[], a: Applicant, child: Applicant["child"]): Row {
    const data: Row = {};
    for (const f of fields) {
      const v = prefill(f.prefill, a, child);
      if (v !== undefined) {
        data[f.name] = v;
        continue;
      }
      switch (f.type) {
        case "select":
          data[f.name] = f.options && f.options.length > 0 ? rng.pick(f.options).value : "";
          break;
        case "date":
          data[f.name] = isoDay(todayDay - rng.int(10, 400));
          break;
        case "number":
          data[f.name] = /weight/i.test(f.name) ? rng.int(2600, 4200) : rng.int(1, 12);
          break;
        case "phone":
          data[f.name] = a.phone ?? "";
          break;
        case "id_number":
          data[f.name] = a.idNumber;
          break;
        case "textarea":
          data[f.name] = "无";
          break;
        default:
          if (/name/i.test(f.name)) data[f.name] = randomName(rng, rng.chance(0.5) ? "male" : "female", 2000);
          else if (/address/i.test(f.name)) data[f.name] = a.residenceAddress;
          else data[f.name] = f.required ? "见附件" : "";
      }
    }
    return data;
  }
}

function prefill(path: string | undefined, a: Applicant, child: Applicant["child"]): string | undefined {
  switch (path) {
    case "person.name":
      return a.name;
    case "person.idNumber":
      return a.idNumber;
    case "person.phone":
      return a.phone ?? "";
    case "person.residenceAddress":
      return a.residenceAddress;
    case "person.hukouAddress":
      return a.hukouAddress ?? "";
    case "spouse.name":
      return a.spouse?.name ?? "";
    case "spouse.idNumber":
      return a.spouse?.idNumber ?? "";
    case "child.name":
      return child?.name ?? "";
    case "child.idNumber":
      return child?.idNumber ?? "";
    case "child.birthDate":
      return child?.birthDate ?? "";
    case "child.sex":
      return child?.sex ?? "";
    default:
      return undefined;
  }
}

/** The newest licence that was in force on `day`. */
function pickLicence(list: LibraryLicence[] | undefined, day: number): string | null {
  if (!list) return null;
  for (const l of list) {
    if (l.from > day) continue;
    if (l.until !== null && l.until < day) continue;
    if ((l.status === "revoked" || l.status === "superseded") && (l.changed === null || l.changed <= day)) continue;
    return l.id;
  }
  return null;
}

async function loadLibrary(db: Executor, chunk: Header[], typeIds: string[]): Promise<Map<string, LibraryLicence[]>> {
  const holders = new Set<string>();
  for (const h of chunk) {
    holders.add(h.applicant.id);
    if (h.applicant.spouse) holders.add(h.applicant.spouse.id);
    if (h.applicant.child) holders.add(h.applicant.child.id);
  }
  const res = await db.execute(sql`
    SELECT id, holder_person_id, licence_type_id, valid_from::text AS valid_from, valid_until::text AS valid_until,
           status::text AS status, ((status_changed_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS changed
    FROM licences
    WHERE holder_person_id IN (SELECT (json_array_elements_text(${JSON.stringify([...holders].sort())}::json))::uuid)
      AND licence_type_id IN (SELECT (json_array_elements_text(${JSON.stringify(typeIds)}::json))::uuid)
    ORDER BY holder_person_id, licence_type_id, valid_from DESC, id`);
  const map = new Map<string, LibraryLicence[]>();
  for (const r of rowsOf(res)) {
    const key = `${String(r.holder_person_id)}:${String(r.licence_type_id)}`;
    const list = map.get(key) ?? [];
    list.push({
      id: String(r.id),
      from: dayNum(String(r.valid_from)),
      until: r.valid_until === null ? null : dayNum(optText(r.valid_until) ?? ""),
      status: String(r.status),
      changed: r.changed === null ? null : dayNum(optText(r.changed) ?? ""),
    });
    map.set(key, list);
  }
  return map;
}

async function writeHistoryChunk(
  db: Executor,
  out: { applications: Row[]; uploads: Row[]; materials: Row[]; events: Row[]; ratings: Row[] },
  writers?: Record<string, TableWriter>,
): Promise<void> {
  if (writers) {
    return writeTables(writers, {
      applications: out.applications,
      uploads: out.uploads,
      application_materials: out.materials,
      application_events: out.events,
      ratings: out.ratings,
    });
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL synchronous_commit = off`);
    await bulkInsert(tx, "applications", APPLICATION_COLUMNS, out.applications);
    await bulkInsert(tx, "uploads", UPLOAD_COLUMNS, out.uploads, 10_000);
    await bulkInsert(tx, "application_materials", MATERIAL_COLUMNS, out.materials, 10_000);
    await bulkInsert(tx, "application_events", EVENT_COLUMNS, out.events, 10_000);
    await bulkInsert(tx, "ratings", RATING_COLUMNS, out.ratings, 10_000);
  });
}
