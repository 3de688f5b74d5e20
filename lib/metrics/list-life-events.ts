import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { applications } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addCalendarDays } from "@/lib/calendar/working-days";
import type { DashboardFilter } from "./dashboard-schema";
import { applicationCut } from "./rollup-query";

/** The once-only figures of one life event (一件事) in one month, over its applications in the cut. */
export type LifeEventRow = {
  key: string;
  bundleCode: string;
  nameZh: string;
  nameEn: string;
  /** YYYY-MM, China time, of the filing. */
  month: string;
  /** Times the event was filed (bundle groups). */
  filings: number;
  applications: number;
  materialsRequired: number;
  /** Taken from the library as it stood at filing: the registers. */
  fromRegisters: number;
  /** Issued by a prerequisite after filing (an earlier service of the event, or another open application), or still awaited. */
  fromPrerequisites: number;
  uploaded: number;
  atCounter: number;
  /** Filings that took the resident to a counter: filed there, or with a material to bring. */
  counterVisits: number;
};

/**
 * 一件事 once-only figures per life event and month, for applications filed as part of one in
 * the period and the supervisor's cut: required materials, from the registers, issued by a
 * prerequisite, uploaded, brought to a counter, and counter visits. Read from the event's own
 * applications and their materials (a small share of all applications, by the filing-time
 * index); a certificate counts as issued by a prerequisite when the library took it from an
 * application's approval on or after the day the dependent was filed.
 */
export async function listLifeEventFigures(db: Executor, actor: Actor, filter: DashboardFilter, period: { from: string; to: string }): Promise<LifeEventRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      WITH picked AS (
        SELECT ${applications.id} AS id, ${applications.bundleId} AS bundle_id, ${applications.bundleGroupId} AS group_id,
               ${applications.channel} AS channel,
               (${applications.submittedAt} AT TIME ZONE 'Asia/Shanghai')::date AS filed_on
          FROM ${applications}
         WHERE ${applications.bundleId} IS NOT NULL
           AND ${applications.submittedAt} >= (${period.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
           AND ${applications.submittedAt} < (${addCalendarDays(period.to, 1)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
           AND ${applicationCut(actor, filter)}
      ),
      per_app AS (
        SELECT p.bundle_id, p.group_id, to_char(p.filed_on, 'YYYY-MM') AS month, p.channel,
               count(m.id) FILTER (WHERE m.source <> 'form') AS required,
               count(m.id) FILTER (WHERE m.source = 'awaiting'
                 OR (m.source = 'library' AND l.source_application_id IS NOT NULL AND l.issued_on >= p.filed_on)) AS prerequisite,
               count(m.id) FILTER (WHERE m.source = 'library'
                 AND NOT (l.source_application_id IS NOT NULL AND l.issued_on >= p.filed_on)) AS registers,
               count(m.id) FILTER (WHERE m.source = 'upload') AS uploaded,
               count(m.id) FILTER (WHERE m.source = 'counter') AS counter
          FROM picked p
          -- The required materials: an optional one not given ("counter" with nothing to bring) is no visit.
          LEFT JOIN (application_materials m JOIN service_materials sm ON sm.id = m.service_material_id AND sm.required)
            ON m.application_id = p.id
          LEFT JOIN licences l ON l.id = m.licence_id
         GROUP BY p.id, p.bundle_id, p.group_id, p.filed_on, p.channel
      )
      SELECT b.code, b.name_zh, b.name_en, x.month,
             count(DISTINCT x.group_id)::int AS filings,
             count(*)::int AS applications,
             sum(x.required)::int AS required,
             sum(x.registers)::int AS registers,
             sum(x.prerequisite)::int AS prerequisite,
             sum(x.uploaded)::int AS uploaded,
             sum(x.counter)::int AS counter,
             count(DISTINCT x.group_id) FILTER (WHERE x.channel = 'counter' OR x.counter > 0)::int AS visits
        FROM per_app x JOIN service_bundles b ON b.id = x.bundle_id
       GROUP BY b.code, b.name_zh, b.name_en, x.month
       ORDER BY x.month DESC, b.code`),
  );
  return rows.map((r) => ({
    key: `${String(r.code)}:${String(r.month)}`,
    bundleCode: String(r.code),
    nameZh: String(r.name_zh),
    nameEn: String(r.name_en),
    month: String(r.month),
    filings: Number(r.filings),
    applications: Number(r.applications),
    materialsRequired: Number(r.required),
    fromRegisters: Number(r.registers),
    fromPrerequisites: Number(r.prerequisite),
    uploaded: Number(r.uploaded),
    atCounter: Number(r.counter),
    counterVisits: Number(r.visits),
  }));
}
