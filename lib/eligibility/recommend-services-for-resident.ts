import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { ruleKeys, type ReasonKey, type ReasonParams, type RuleKey } from "./rule-types";
import { assertIsoDay, buildEligibilityQuery, ruleOrder } from "./rules";

export type Recommendation = {
  ruleKey: RuleKey;
  serviceCode: string;
  serviceNameZh: string;
  serviceNameEn: string;
  theme: string;
  promisedLimitDays: number;
  onTheSpot: boolean;
  /** The person the service is for; equals the resident's own person id when `forSelf`. */
  subjectPersonId: string;
  subjectName: string;
  forSelf: boolean;
  reasonKey: ReasonKey;
  reasonParams: ReasonParams;
};

type Row = {
  rule_key: RuleKey;
  person_id: string;
  subject_person_id: string;
  subject_name: string;
  reason_key: ReasonKey;
  reason_params: ReasonParams;
  code: string;
  name_zh: string;
  name_en: string;
  theme: string;
  promised_limit_days: number;
  on_the_spot: boolean;
};

/**
 * Every service the signed-in resident qualifies for, for themselves or for their child, with
 * the reason. One round trip: the same rules the supervisor's lists use, each restricted to
 * this applicant, in one UNION ALL filtered once and joined to the catalogue.
 */
export async function recommendServicesForResident(
  db: Executor,
  actor: Actor,
  { today = toChinaDate(new Date()) }: { today?: string } = {},
): Promise<Recommendation[]> {
  requirePermission(actor, "portal:citizen");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  try {
    assertIsoDay(today);
  } catch (cause) {
    throw new AppError("VALIDATION", "errors.validation", { internal: `bad today: ${today}`, cause });
  }
  const personId = actor.personId;
  const rows = rowsOf<Row>(
    await db.execute(sql`SELECT e.rule_key, e.person_id, e.subject_person_id, sp.name AS subject_name,
        e.reason_key, e.reason_params, s.code, s.name_zh, s.name_en, s.theme, s.promised_limit_days, s.on_the_spot
      FROM (${buildEligibilityQuery(ruleKeys, { today, personId })}) e
      JOIN services s ON s.id = e.service_id
      JOIN persons sp ON sp.id = e.subject_person_id`),
  );
  return rows
    .map(
      (r): Recommendation => ({
        ruleKey: r.rule_key,
        serviceCode: r.code,
        serviceNameZh: r.name_zh,
        serviceNameEn: r.name_en,
        theme: r.theme,
        promisedLimitDays: Number(r.promised_limit_days),
        onTheSpot: r.on_the_spot,
        subjectPersonId: r.subject_person_id,
        subjectName: r.subject_name,
        forSelf: r.subject_person_id === r.person_id,
        reasonKey: r.reason_key,
        reasonParams: r.reason_params,
      }),
    )
    .sort(
      (a, b) =>
        (ruleOrder.get(a.ruleKey) ?? 99) - (ruleOrder.get(b.ruleKey) ?? 99) ||
        a.subjectName.localeCompare(b.subjectName, "zh-CN") ||
        a.serviceCode.localeCompare(b.serviceCode),
    );
}
