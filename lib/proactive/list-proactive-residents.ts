import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { toChinaDate } from "@/lib/calendar/working-days";
import { explainReason, loadReasonLabels, type Reason } from "@/lib/eligibility/explain";
import { eligibleInScope } from "./eligible-in-scope";
import { findProactiveServiceOrThrow, type ProactiveServiceRef } from "./find-proactive-service";
import { maskResidentId } from "@/lib/id-number";
import { maskPersonName } from "@/lib/persons/mask-name";
import { withoutJit } from "./without-jit";
import { decodeCursor, encodeCursor, proactiveToday, type ListProactiveResidentsInput } from "./proactive-schemas";

export const PROACTIVE_PAGE_SIZE = 50;

export type ProactiveResident = {
  /** Stable row key (record ids, not ID numbers). */
  key: string;
  applicantName: string;
  applicantIdNumber: string;
  subjectName: string;
  subjectIdNumber: string;
  forSelf: boolean;
  /** Why, from the service's definition; any name in it masked. */
  reason: Reason;
};

export type ProactiveResidentsPage = {
  service: Omit<ProactiveServiceRef, "id">;
  rows: ProactiveResident[];
  /** Cursor of the next page, or null on the last one. */
  next: string | null;
  /** Residents to notify for this service in the supervisor's jurisdiction (all pages). */
  recipients: number;
};

type Row = {
  person_id: string;
  subject_person_id: string;
  reason: unknown;
  applicant_name: string;
  applicant_id_number: string;
  subject_name: string;
  subject_id_number: string;
};

/**
 * The residents who qualify for one service and have not applied, a page at a time in
 * (applicant, subject) order — keyset paging, so page 200 costs what page 1 does. Names and ID
 * numbers are masked here, on the server; the full values never reach the page.
 */
export async function listProactiveResidents(
  db: Database,
  actor: Actor,
  input: ListProactiveResidentsInput,
  { today = toChinaDate(new Date()), limit = PROACTIVE_PAGE_SIZE }: { today?: string; limit?: number } = {},
): Promise<ProactiveResidentsPage> {
  requirePermission(actor, "metrics:read");
  const on = proactiveToday(today);
  const service = await findProactiveServiceOrThrow(db, actor, input.serviceCode);
  const after = decodeCursor(input.after);
  const size = Math.min(Math.max(1, Math.trunc(limit)), 500);
  const scoped = eligibleInScope(service.rule, actor, on);
  const [rows, recipients, labels] = await withoutJit(db, async (tx) => [
    rowsOf<Row>(
      await tx.execute(sql`SELECT q.person_id, q.subject_person_id, q.reason,
          ap.name AS applicant_name, ap.id_number AS applicant_id_number, sp.name AS subject_name, sp.id_number AS subject_id_number
        FROM (${scoped}) q
        JOIN persons ap ON ap.id = q.person_id
        JOIN persons sp ON sp.id = q.subject_person_id
        WHERE q.service_id = ${service.id}::uuid
          ${after ? sql`AND (q.person_id, q.subject_person_id) > (${after.personId}::uuid, ${after.subjectPersonId}::uuid)` : sql``}
        ORDER BY q.person_id, q.subject_person_id
        LIMIT ${size + 1}`),
    ),
    Number(
      rowsOf<{ n: number | string }>(
        await tx.execute(sql`SELECT count(DISTINCT q.person_id) AS n FROM (${scoped}) q WHERE q.service_id = ${service.id}::uuid`),
      )[0]?.n ?? 0,
    ),
    await loadReasonLabels(tx, [service.rule.definition]),
  ] as const);
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    service: { code: service.code, nameZh: service.nameZh, nameEn: service.nameEn, rule: service.rule },
    rows: page.map((r) => ({
      key: encodeCursor(r.person_id, r.subject_person_id),
      applicantName: maskPersonName(r.applicant_name),
      applicantIdNumber: maskResidentId(r.applicant_id_number),
      subjectName: maskPersonName(r.subject_name),
      subjectIdNumber: maskResidentId(r.subject_id_number),
      forSelf: r.person_id === r.subject_person_id,
      reason: masked(explainReason(service.rule.definition, r.reason, labels, on)),
    })),
    next: rows.length > size && last ? encodeCursor(last.person_id, last.subject_person_id) : null,
    recipients,
  };
}

function masked(reason: Reason): Reason {
  return {
    ...reason,
    phrases: reason.phrases.map((p) => (typeof p.values.name === "string" ? { ...p, values: { ...p.values, name: maskPersonName(p.values.name) } } : p)),
  };
}
