import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { licences } from "@/db/schema";
import { inForceSql } from "@/lib/licences/effective-status";
import type { CheckDefinition } from "./criteria";

/** Application states whose checks the set-wise run refreshes: filed, not yet decided. */
export const PENDING_STATUSES = ["submitted", "supplement_requested", "accepted"] as const;

/** Who read the licences, as the holder sees it in "who used my data". */
export const CHECK_ACCESS_LABEL = "自动比对（系统）";
export const CHECK_ACCESS_PURPOSE = "办件资格自动比对";

const rp = alias(licences, "rpl");
const si = alias(licences, "sil");

/**
 * The one statement both paths run: for the applications `target` selects (a filter on
 * applications `a` joined to services `s`), evaluate every criterion of `def`, replace the
 * rows in eligibility_checks (criteria no longer defined are removed), and log the reads of
 * the licences the criteria relied on (licence_access_log), all in one INSERT … SELECT.
 * Returns (written, logged) counts.
 */
export function checkStatement(def: CheckDefinition, target: SQL, today: string): SQL {
  const keys = sql.join(def.criteria.map((c) => sql`${c.key}`), sql`, `);
  const values = sql.join(
    def.criteria.map((c) => sql`(${c.key}::text, (${c.result})::check_result, (${c.detail})::jsonb)`),
    sql`, `,
  );
  const submittedOn = sql`(coalesce(a.submitted_at, a.created_at) AT TIME ZONE 'Asia/Shanghai')::date`;
  return sql`WITH target AS (
      SELECT a.id, a.applicant_person_id, a.subject_person_id, a.form_data, ${submittedOn} AS submitted_on
      FROM applications a JOIN services s ON s.id = a.service_id
      WHERE s.automatic_checks = ${def.key} AND ${target}),
    evaluated AS (
      SELECT a.id AS application_id, a.applicant_person_id AS person_id, c.criterion, c.result, c.detail
      FROM target a
      JOIN persons ap ON ap.id = a.applicant_person_id
      LEFT JOIN persons ch ON ch.id = coalesce(a.subject_person_id,
        (SELECT x.id FROM persons x WHERE x.id_number = a.form_data->>'childIdNumber'))
      CROSS JOIN LATERAL (SELECT ${today}::date AS today,
        (date_part('year', a.submitted_on)::int + CASE WHEN date_part('month', a.submitted_on) > 8 THEN 1 ELSE 0 END) AS intake_year) ck
      LEFT JOIN LATERAL (SELECT ${rp.id} AS id, ${rp.validUntil} AS valid_until FROM licences rpl
        WHERE ${rp.holderPersonId} = ap.id AND ${inForceSql(today, { status: rp.status, validUntil: rp.validUntil })}
          AND ${rp.licenceTypeId} = (SELECT lt.id FROM licence_types lt WHERE lt.key = 'residence_permit')
        ORDER BY ${rp.validUntil} DESC NULLS FIRST LIMIT 1) rp ON true
      LEFT JOIN LATERAL (SELECT ${si.id} AS id, (${si.fields}->>'contributionMonths')::int AS months FROM licences sil
        WHERE ${si.holderPersonId} = ap.id AND ${inForceSql(today, { status: si.status, validUntil: si.validUntil })}
          AND ${si.licenceTypeId} = (SELECT lt.id FROM licence_types lt WHERE lt.key = 'social_insurance_record')
          AND ${si.fields}->>'contributionMonths' ~ '^[0-9]{1,4}$'
        ORDER BY ${si.issuedOn} DESC LIMIT 1) si ON true
      CROSS JOIN LATERAL (VALUES ${values}) c(criterion, result, detail)),
    stale AS (
      DELETE FROM eligibility_checks e USING target t
      WHERE e.application_id = t.id AND e.criterion NOT IN (${keys})),
    written AS (
      INSERT INTO eligibility_checks (application_id, person_id, criterion, result, detail, checked_at)
      SELECT application_id, person_id, criterion, result, detail, now() FROM evaluated
      ON CONFLICT (application_id, criterion) DO UPDATE
        SET person_id = excluded.person_id, result = excluded.result, detail = excluded.detail, checked_at = excluded.checked_at
      RETURNING application_id, person_id, detail),
    logged AS (
      INSERT INTO licence_access_log (licence_id, holder_person_id, actor_label, purpose, application_id)
      SELECT DISTINCT (w.detail->>'licenceId')::uuid, w.person_id, ${CHECK_ACCESS_LABEL}::text, ${CHECK_ACCESS_PURPOSE}::text, w.application_id
      FROM written w WHERE w.detail->>'licenceId' IS NOT NULL
      RETURNING 1)
    SELECT (SELECT count(*) FROM written) AS written, (SELECT count(*) FROM logged) AS logged`;
}
