import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";
import { services } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { toChinaDate } from "@/lib/calendar/working-days";
import { loadServiceRules } from "@/lib/eligibility/rules";
import { inSupervisorScope } from "@/lib/metrics/supervisor-scope";
import { eligibleInScope } from "./eligible-in-scope";
import { proactiveToday } from "./proactive-schemas";
import { withoutJit } from "./without-jit";

export type ProactiveService = {
  serviceCode: string;
  serviceNameZh: string;
  serviceNameEn: string;
  /** Residents to notify: who may apply (for a child's service, each registered parent). */
  recipients: number;
  /** Residents the service is for (the applicants themselves, or the children). */
  subjects: number;
};

type Row = {
  code: string;
  name_zh: string;
  name_en: string;
  recipients: number | string | null;
  subjects: number | string | null;
};

/**
 * Every service with an eligibility definition in the supervisor's scope, with how many of their
 * residents qualify and have not applied, most first. One statement: all definitions' compiled
 * set-wise queries in one UNION ALL, grouped by service; services with nobody to serve are
 * listed with zero.
 */
export async function listProactiveServices(
  db: Database,
  actor: Actor,
  { today = toChinaDate(new Date()) }: { today?: string } = {},
): Promise<ProactiveService[]> {
  requirePermission(actor, "metrics:read");
  const on = proactiveToday(today);
  const rules = await loadServiceRules(db);
  if (rules.length === 0) return [];
  const ids = sql.join(rules.map((r) => sql`${r.serviceId}::uuid`), sql`, `);
  const rows = await withoutJit(db, async (tx) =>
    rowsOf<Row>(
      await tx.execute(sql`WITH counts AS (
          SELECT q.service_id, count(DISTINCT q.person_id) AS recipients, count(DISTINCT q.subject_person_id) AS subjects
          FROM (${eligibleInScope(rules, actor, on)}) q GROUP BY q.service_id)
        SELECT ${services.code} AS code, ${services.nameZh} AS name_zh,
          ${services.nameEn} AS name_en, counts.recipients, counts.subjects
        FROM ${services} LEFT JOIN counts ON counts.service_id = ${services.id}
        WHERE ${services.id} IN (${ids}) AND ${inSupervisorScope(services.id, actor)}`),
    ),
  );
  return rows
    .map((r) => ({
      serviceCode: r.code,
      serviceNameZh: r.name_zh,
      serviceNameEn: r.name_en,
      recipients: Number(r.recipients ?? 0),
      subjects: Number(r.subjects ?? 0),
    }))
    .sort((a, b) => b.recipients - a.recipients || a.serviceCode.localeCompare(b.serviceCode));
}
