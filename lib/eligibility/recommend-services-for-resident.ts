import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { explainReason, loadReasonLabels, type Reason } from "./explain";
import { assertIsoDay, buildEligibilityQuery, loadServiceRules } from "./rules";

export type Recommendation = {
  serviceId: string;
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
  /** Why, generated from the criteria of the service's definition that hold. */
  reason: Reason;
  /** The life event (一件事) the service belongs to, if any: the resident is offered it whole. */
  bundle: { code: string; nameZh: string; nameEn: string } | null;
};

type Row = {
  service_id: string;
  person_id: string;
  subject_person_id: string;
  subject_name: string;
  subject_birth_date: string;
  reason: unknown;
  code: string;
  name_zh: string;
  name_en: string;
  theme: string;
  promised_limit_days: number;
  on_the_spot: boolean;
  /** Position in a life-event bundle (出生一件事…), if the service is in one. */
  step: number | null;
  bundle_code: string | null;
  bundle_name_zh: string | null;
  bundle_name_en: string | null;
};

/**
 * Every service the signed-in resident qualifies for, for themselves or for their child, with
 * the reason. The catalogue's definitions are read (one query), compiled and run restricted
 * to this applicant in one UNION ALL filtered once and joined to the catalogue — the same
 * compiled SQL the supervisor's lists run set-wise. A child's services come first, youngest
 * child first (they are the time-bound ones: a newborn has weeks), then the resident's own;
 * services of a life event in the event's order.
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
  const rules = await loadServiceRules(db);
  if (rules.length === 0) return [];
  const [rows, labels] = await Promise.all([
    db
      .execute(sql`SELECT e.service_id, e.person_id, e.subject_person_id, sp.name AS subject_name,
          to_char(sp.birth_date, 'YYYY-MM-DD') AS subject_birth_date,
          e.reason, s.code, s.name_zh, s.name_en, s.theme, s.promised_limit_days, s.on_the_spot,
          b.position AS step, b.code AS bundle_code, b.name_zh AS bundle_name_zh, b.name_en AS bundle_name_en
        FROM (${buildEligibilityQuery(rules, { today, personId })}) e
        JOIN services s ON s.id = e.service_id
        JOIN persons sp ON sp.id = e.subject_person_id
        LEFT JOIN LATERAL (
          SELECT bi.position, sb.code, sb.name_zh, sb.name_en FROM service_bundle_items bi
          JOIN service_bundles sb ON sb.id = bi.bundle_id
          WHERE bi.service_id = s.id ORDER BY bi.position, sb.code LIMIT 1
        ) b ON true`)
      .then((r) => rowsOf<Row>(r)),
    loadReasonLabels(
      db,
      rules.map((r) => r.definition),
    ),
  ]);
  const definitions = new Map(rules.map((r) => [r.serviceId, r.definition]));
  return rows
    .flatMap((r): (Recommendation & { birth: string; step: number })[] => {
      const def = definitions.get(r.service_id);
      if (!def) return [];
      return [
        {
          serviceId: r.service_id,
          serviceCode: r.code,
          serviceNameZh: r.name_zh,
          serviceNameEn: r.name_en,
          theme: r.theme,
          promisedLimitDays: Number(r.promised_limit_days),
          onTheSpot: r.on_the_spot,
          subjectPersonId: r.subject_person_id,
          subjectName: r.subject_name,
          forSelf: r.subject_person_id === r.person_id,
          reason: explainReason(def, r.reason, labels, today),
          bundle: r.bundle_code ? { code: r.bundle_code, nameZh: r.bundle_name_zh ?? "", nameEn: r.bundle_name_en ?? "" } : null,
          birth: r.subject_birth_date,
          step: r.step === null ? 1000 : Number(r.step),
        },
      ];
    })
    .sort(
      (a, b) =>
        Number(a.forSelf) - Number(b.forSelf) ||
        (a.forSelf ? 0 : b.birth.localeCompare(a.birth)) ||
        a.subjectName.localeCompare(b.subjectName, "zh-CN") ||
        a.step - b.step ||
        a.serviceCode.localeCompare(b.serviceCode),
    )
    .map(({ birth: _birth, step: _step, ...item }) => item);
}
