import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { AppError } from "@/lib/errors";
import { IN_PROGRESS_STATUSES } from "./lifecycle/statuses";

/** An application still in progress for the same service and the same person. */
export type OpenApplication = {
  id: string;
  number: string;
  /** Filed by the resident now applying (they can open it), not by a relative or at a counter for someone else. */
  mine: boolean;
  applicantName: string;
};

const OPEN = sql.raw(IN_PROGRESS_STATUSES.map((s) => `'${s}'`).join(", "));

/**
 * The application in progress for this service that is about this person — `subjectId` for a
 * child's service, else the applicant themself — whoever filed it: the other parent's
 * application for their child counts as much as one's own. Two indexed probes: the
 * applications naming the person as subject, and the person's own without a subject.
 * `exceptKey` leaves out the application a retry of this very submit would find (its own
 * idempotency key), so a retry still replays instead of being refused.
 */
export async function findOpenApplication(
  db: Executor,
  { serviceId, applicantId, subjectId, exceptKey = null }: { serviceId: string; applicantId: string; subjectId: string | null; exceptKey?: string | null },
): Promise<OpenApplication | null> {
  const who = subjectId ?? applicantId;
  const [row] = rowsOf<{ id: string; number: string; applicant_person_id: string; name: string }>(
    await db.execute(sql`
      SELECT a.id, a.number, a.applicant_person_id, p.name
      FROM applications a JOIN persons p ON p.id = a.applicant_person_id
      WHERE a.service_id = ${serviceId}::uuid AND a.status IN (${OPEN})
        AND (a.subject_person_id = ${who}::uuid OR (a.subject_person_id IS NULL AND a.applicant_person_id = ${who}::uuid))
        ${exceptKey === null ? sql`` : sql`AND NOT (a.applicant_person_id = ${applicantId}::uuid AND a.idempotency_key = ${exceptKey})`}
      ORDER BY a.created_at
      LIMIT 1`),
  );
  return row ? { id: row.id, number: row.number, mine: row.applicant_person_id === applicantId, applicantName: row.name } : null;
}

/**
 * Refuses a second application while one is in progress (issue 12: a duplicate of a bundle's
 * service, a second school place for the same child). In the filing transaction: a lock per
 * (service, person) taken first makes two filings at once — both parents, or a resident and a
 * counter clerk — queue behind each other, so the second sees the first and is refused.
 */
export async function refuseIfOpen(
  tx: Executor,
  guard: { serviceId: string; applicantId: string; subjectId: string | null; exceptKey: string },
): Promise<void> {
  const who = guard.subjectId ?? guard.applicantId;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`file:${guard.serviceId}:${who}`}, 0))`);
  const open = await findOpenApplication(tx, guard);
  if (open) {
    throw new AppError("CONFLICT", open.mine ? "errors.apply.alreadyOpenMine" : "errors.apply.alreadyOpenFamily", {
      params: { number: open.number, name: open.applicantName },
      internal: `open application ${open.number} for the same service and person`,
    });
  }
}
