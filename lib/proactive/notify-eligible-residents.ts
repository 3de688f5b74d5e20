import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { toChinaDate } from "@/lib/calendar/working-days";
import { intakeOf } from "@/lib/eligibility/compile";
import { walk, type EligibilityDefinition } from "@/lib/eligibility/definition-schema";
import { eligibleInScope } from "./eligible-in-scope";
import { findProactiveServiceOrThrow } from "./find-proactive-service";
import { proactiveToday, type NotifyEligibleResidentsInput } from "./proactive-schemas";

/** Residents per INSERT … SELECT: big enough to be quick, small enough to keep each statement short. */
export const NOTIFY_BATCH_SIZE = 5000;

/** The message key of the notice on the resident's home (namespace "proactive"). */
export const PROACTIVE_NOTICE_KEY = "proactive.notice";

export type NotifyResult = {
  serviceCode: string;
  /** Residents who qualify and have not applied (the list's recipients). */
  eligible: number;
  /** Of those, how many got the notice now (the rest already had this cycle's). */
  newlyNotified: number;
  batches: number;
  dedupeKey: string;
};

/**
 * The cycle a notice belongs to: the calendar year, or for a service with an intake (an age
 * by a cutoff day: school entry) the intake year. A resident is told once per service and
 * cycle however often the supervisor presses the button.
 */
export function proactiveDedupeKey(serviceCode: string, definition: EligibilityDefinition, today: string): string {
  let cycle = Number(today.slice(0, 4));
  walk(definition.when, "when", (c) => {
    if (c.is === "ageByCutoff") cycle = intakeOf(today, c.years, c.cutoff).year;
  });
  return `proactive:${serviceCode}:${cycle}`;
}

type BatchRow = { seen: number | string; inserted: number | string; last: string | null };

/**
 * "Notify all" (主动告知): one notice to every resident in the supervisor's jurisdiction who
 * qualifies for the service and has not applied. In batches of `batchSize` applicants, each one
 * INSERT … SELECT from the rules' set-wise query walking person ids; ON CONFLICT on
 * (person_id, dedupe_key) makes a repeat a no-op. All batches and the audit row (with the
 * counts) commit together. A parent of twins gets one notice naming the first child.
 */
export async function notifyEligibleResidents(
  db: Database,
  actor: Actor,
  input: NotifyEligibleResidentsInput,
  { today = toChinaDate(new Date()), batchSize = NOTIFY_BATCH_SIZE, requestId }: { today?: string; batchSize?: number; requestId?: string } = {},
): Promise<NotifyResult> {
  requirePermission(actor, "proactive:notify");
  const on = proactiveToday(today);
  const size = Math.max(1, Math.trunc(batchSize));
  return db.transaction(async (tx) => {
    // See without-jit.ts: JIT compilation would cost more than the batches themselves.
    await tx.execute(sql`SET LOCAL jit = off`);
    const service = await findProactiveServiceOrThrow(tx, actor, input.serviceCode);
    const dedupeKey = proactiveDedupeKey(service.code, service.rule.definition, on);
    let after: string | null = null;
    let eligible = 0;
    let newlyNotified = 0;
    let batches = 0;
    for (;;) {
      const [row]: BatchRow[] = rowsOf<BatchRow>(
        await tx.execute(sql`WITH batch AS (
            SELECT DISTINCT ON (q.person_id) q.person_id, q.subject_person_id
            FROM (${eligibleInScope(service.rule, actor, on)}) q
            WHERE q.service_id = ${service.id}::uuid ${after ? sql`AND q.person_id > ${after}::uuid` : sql``}
            ORDER BY q.person_id, q.subject_person_id
            LIMIT ${size}),
          ins AS (
            INSERT INTO notifications (person_id, kind, message_key, params, dedupe_key)
            SELECT b.person_id, 'proactive', ${PROACTIVE_NOTICE_KEY},
              jsonb_build_object('serviceCode', ${service.code}::text, 'serviceZh', ${service.nameZh}::text,
                'serviceEn', ${service.nameEn}::text, 'name', sp.name,
                'forChild', CASE WHEN b.subject_person_id = b.person_id THEN 'no' ELSE 'yes' END),
              ${dedupeKey}
            FROM batch b JOIN persons sp ON sp.id = b.subject_person_id
            ON CONFLICT (person_id, dedupe_key) DO NOTHING
            RETURNING 1)
          SELECT (SELECT count(*) FROM batch) AS seen, (SELECT count(*) FROM ins) AS inserted,
            (SELECT person_id FROM batch ORDER BY person_id DESC LIMIT 1) AS last`),
      );
      const seen = Number(row?.seen ?? 0);
      if (seen === 0) break;
      batches += 1;
      eligible += seen;
      newlyNotified += Number(row?.inserted ?? 0);
      after = row?.last ?? null;
      if (seen < size || !after) break;
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "proactive.notify",
      entityType: "service",
      entityId: service.code,
      requestId: requestId ?? null,
      detail: { eligible, newlyNotified, batches, dedupeKey, today: on, centreId: actor.centreId },
    });
    return { serviceCode: service.code, eligible, newlyNotified, batches, dedupeKey };
  });
}
