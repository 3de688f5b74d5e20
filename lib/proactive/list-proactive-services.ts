import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";
import { services } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { toChinaDate } from "@/lib/calendar/working-days";
import { ruleKeys, type RuleKey } from "@/lib/eligibility/rule-types";
import { ruleOrder } from "@/lib/eligibility/rules";
import { inSupervisorScope } from "@/lib/metrics/supervisor-scope";
import { eligibleInScope } from "./eligible-in-scope";
import { proactiveToday } from "./proactive-schemas";
import { withoutJit } from "./without-jit";

export type ProactiveService = {
  ruleKey: RuleKey;
  serviceCode: string;
  serviceNameZh: string;
  serviceNameEn: string;
  /** Residents to notify: who may apply (for a child's service, each registered parent). */
  recipients: number;
  /** Residents the service is for (the applicants themselves, or the children). */
  subjects: number;
};

type Row = {
  rule_key: RuleKey;
  code: string;
  name_zh: string;
  name_en: string;
  recipients: number | string | null;
  subjects: number | string | null;
};

/**
 * Every service with an eligibility rule in the supervisor's scope, with how many of their
 * residents qualify and have not applied. One statement: all rules' set-wise queries in one
 * UNION ALL, grouped by service; services with nobody to serve are listed with zero.
 */
export async function listProactiveServices(
  db: Database,
  actor: Actor,
  { today = toChinaDate(new Date()) }: { today?: string } = {},
): Promise<ProactiveService[]> {
  requirePermission(actor, "metrics:read");
  const on = proactiveToday(today);
  const rows = await withoutJit(db, async (tx) =>
    rowsOf<Row>(
      await tx.execute(sql`WITH counts AS (
          SELECT q.service_id, count(DISTINCT q.person_id) AS recipients, count(DISTINCT q.subject_person_id) AS subjects
          FROM (${eligibleInScope(ruleKeys, actor, on)}) q GROUP BY q.service_id)
        SELECT ${services.eligibilityRule} AS rule_key, ${services.code} AS code, ${services.nameZh} AS name_zh,
          ${services.nameEn} AS name_en, counts.recipients, counts.subjects
        FROM ${services} LEFT JOIN counts ON counts.service_id = ${services.id}
        WHERE ${services.active} AND ${services.eligibilityRule} IN (${sql.join(ruleKeys.map((k) => sql`${k}`), sql`, `)})
          AND ${inSupervisorScope(services.id, actor)}`),
    ),
  );
  return rows
    .map((r) => ({
      ruleKey: r.rule_key,
      serviceCode: r.code,
      serviceNameZh: r.name_zh,
      serviceNameEn: r.name_en,
      recipients: Number(r.recipients ?? 0),
      subjects: Number(r.subjects ?? 0),
    }))
    .sort((a, b) => (ruleOrder.get(a.ruleKey) ?? 99) - (ruleOrder.get(b.ruleKey) ?? 99) || a.serviceCode.localeCompare(b.serviceCode));
}
