import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { applications, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addCalendarDays } from "@/lib/calendar/working-days";
import type { DashboardFilter } from "./dashboard-schema";
import { applicationCut } from "./rollup-query";

export type ClerkReuseRow = {
  key: string;
  clerkName: string;
  staffNumber: string | null;
  applications: number;
  materialsRequired: number;
  materialsFromLibrary: number;
  uploadsAvoided: number;
  visitsAvoided: number;
};

/**
 * Reuse per clerk (the clerk who accepted): materials taken from the library, uploads and
 * counter visits avoided, for applications submitted in the period. Read from applications
 * and their materials (assigned_clerk_id is not in the rollup key), so it is only computed
 * when the supervisor asks for the per-clerk view.
 */
export async function listClerkReuse(db: Executor, actor: Actor, filter: DashboardFilter, period: { from: string; to: string }): Promise<ClerkReuseRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      WITH picked AS (
        SELECT ${applications.id} AS id, ${applications.assignedClerkId} AS clerk, ${applications.channel} AS channel
          FROM ${applications}
         WHERE ${applications.assignedClerkId} IS NOT NULL
           AND ${applications.submittedAt} >= (${period.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
           AND ${applications.submittedAt} < (${addCalendarDays(period.to, 1)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
           AND ${applicationCut(actor, filter)}
      ),
      per_app AS (
        SELECT p.clerk, p.channel,
               count(m.id) FILTER (WHERE m.source <> 'form') AS required,
               count(m.id) FILTER (WHERE m.source = 'library') AS library
          FROM picked p LEFT JOIN application_materials m ON m.application_id = p.id
         GROUP BY p.id, p.clerk, p.channel
      )
      SELECT a.clerk AS key, u.display_name AS clerk_name, u.staff_no AS staff_number,
             count(*)::int AS applications,
             sum(a.required)::int AS required,
             sum(a.library)::int AS library,
             coalesce(sum(a.library) FILTER (WHERE a.channel <> 'counter'), 0)::int AS uploads_avoided,
             (count(*) FILTER (WHERE a.channel <> 'counter'))::int AS visits_avoided
        FROM per_app a JOIN ${users} u ON u.id = a.clerk
       GROUP BY a.clerk, u.display_name, u.staff_no
       ORDER BY applications DESC, key`),
  );
  return rows.map((r) => ({
    key: String(r.key),
    clerkName: String(r.clerk_name),
    staffNumber: r.staff_number === null ? null : String(r.staff_number as string),
    applications: Number(r.applications),
    materialsRequired: Number(r.required),
    materialsFromLibrary: Number(r.library),
    uploadsAvoided: Number(r.uploads_avoided),
    visitsAvoided: Number(r.visits_avoided),
  }));
}
