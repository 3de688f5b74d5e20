/**
 * SQL fragments the eligibility rules share. Plain SQL over the schema's snake_case names, so
 * every rule reads like the policy it encodes and runs unchanged on PostgreSQL 15 and PGlite.
 */
import { sql, type SQL } from "drizzle-orm";
/** An ISO day as a typed parameter. */
export const day = (iso: string): SQL => sql`${iso}::date`;

const years = (n: number) => sql.raw(`interval '${Math.trunc(n)} years'`);

/**
 * The day someone born on `birth` completes `n` full years. PostgreSQL clamps 29 February to
 * 28 February in common years, which is the Civil Code's month-end rule (民法典 art. 201:
 * with no corresponding day, the last day of the month ends the period).
 */
export const anniversary = (birth: SQL, n: number): SQL => sql`(${birth} + ${years(n)})::date`;

/**
 * Aged at least `n` on `on`. The first, looser bound only lets the planner range-scan the
 * birth-date index; the anniversary comparison decides (they differ only around 29 February).
 */
export const agedAtLeast = (birth: SQL, n: number, on: SQL): SQL =>
  sql`(${birth} <= (${on} - ${years(n)})::date + 1 AND ${anniversary(birth, n)} <= ${on})`;

/** Younger than `n` on `on` (the same pairing of an index bound and the exact test). */
export const agedUnder = (birth: SQL, n: number, on: SQL): SQL =>
  sql`(${birth} > (${on} - ${years(n)})::date - 1 AND ${anniversary(birth, n)} > ${on})`;

/** Completed years of age on `on`, for reasons that state it. */
export const ageOn = (birth: SQL, on: SQL): SQL => sql`date_part('year', age(${on}, ${birth}))::int`;

/** A Shenzhen division: GB/T 2260 codes under 4403. */
export const inShenzhen = (division: SQL): SQL => sql`coalesce(${division} LIKE '4403%', false)`;

/** An ISO string for a date inside jsonb (to_char ignores the session's DateStyle). */
export const iso = (d: SQL): SQL => sql`to_char(${d}, 'YYYY-MM-DD')`;

/**
 * Holds a licence of this type that is in force on `on`: status valid and not past its
 * valid_until (a licence past that day is expired whatever its status column still says).
 */
export const holdsValidLicence = (holder: SQL, licenceKey: string, on: SQL): SQL => sql`EXISTS (
  SELECT 1 FROM licences l JOIN licence_types lt ON lt.id = l.licence_type_id
  WHERE l.holder_person_id = ${holder} AND lt.key = ${licenceKey} AND l.status = 'valid'
    AND (l.valid_until IS NULL OR l.valid_until >= ${on}))`;

/**
 * The statutory retirement day (法定退休年龄) under the 2025 gradual reform (全国人大常委会
 * 《关于实施渐进式延迟法定退休年龄的决定》): men 60 → 63 and women 55 → 58, one month later
 * for every four months of original retirement dates from January 2025, capped at 36 months.
 * The register does not say whether a woman retires on the 50-year (worker) or 55-year
 * (cadre) track, so the later, more inclusive one is used.
 */
export const retirementDay = (birth: SQL, sex: SQL): SQL => {
  const base = sql`(${birth} + CASE WHEN ${sex} = 'male' THEN interval '60 years' ELSE interval '55 years' END)::date`;
  const monthsFrom2025 = sql`((date_part('year', ${base})::int - 2025) * 12 + date_part('month', ${base})::int - 1)`;
  return sql`(CASE WHEN ${base} < date '2025-01-01' THEN ${base}
    ELSE (${base} + make_interval(months => least(36, ${monthsFrom2025} / 4 + 1)))::date END)`;
};

/** Application states in which the resident is already being served. */
const IN_PROGRESS = sql.raw(`'draft', 'awaiting', 'submitted', 'supplement_requested', 'accepted', 'approved'`);

/**
 * An application `a` that still answers the need. Rejected and withdrawn ones do not. A
 * completed one does while the licence it produced would still be in force (`lt`: the
 * service's output licence type, by its default validity), so a residence permit granted two
 * years ago does not hide the renewal; services without an output licence, or with one valid
 * until revoked, stay answered once completed.
 */
const answersNeed = (on: SQL): SQL => sql`(a.status IN (${IN_PROGRESS}) OR (a.status = 'completed' AND coalesce(
  (a.completed_at AT TIME ZONE 'Asia/Shanghai')::date > (${on} - make_interval(months => lt.default_validity_months))::date,
  true)))`;

/**
 * Keeps the candidate rows `e` (service_id, person_id, subject_person_id, reason) of active
 * services (`s`, output licence type `lt`) that the subject is not already served by:
 * - holding the service's output licence, in force on `on`;
 * - an application answering the need. Only the subject or a registered relative (a parent
 *   for a child, a son or daughter for an elder) files about them, so two indexed probes
 *   suffice: the subject's own applications, and their relatives' naming the subject. This
 *   also stops the second parent being told to file again.
 * The catalogue, not the rule, says what a service issues, so the two cannot drift apart.
 * `extra` appends further conditions ("AND …"), e.g. a paging keyset; `setWise` says the
 * candidates span the population rather than one person.
 */
export const withoutServed = (
  candidates: SQL,
  serviceIds: readonly string[],
  on: SQL,
  { extra = sql``, setWise }: { extra?: SQL; setWise: boolean },
): SQL => {
  // Set-wise, repeating the services as a constant filter inside each probe lets the planner
  // start from those services' applications (queue index) instead of sorting them all; for
  // one person the applicant index is best and the extra filter only costs planning.
  const ids = sql.join(serviceIds.map((id) => sql`${id}::uuid`), sql`, `);
  const ofTheseServices = setWise ? sql`a.service_id IN (${ids})` : sql`true`;
  return sql`SELECT e.service_id, e.person_id, e.subject_person_id, e.reason
  FROM (${candidates}) e
  JOIN services s ON s.id = e.service_id AND s.active
  LEFT JOIN licence_types lt ON lt.id = s.issues_licence_type_id
  WHERE NOT EXISTS (
      SELECT 1 FROM licences l
      WHERE l.holder_person_id = e.subject_person_id AND l.licence_type_id = s.issues_licence_type_id
        AND l.status = 'valid' AND (l.valid_until IS NULL OR l.valid_until >= ${on}))
    AND NOT EXISTS (
      SELECT 1 FROM applications a
      WHERE a.applicant_person_id = e.subject_person_id AND a.service_id = s.id AND ${ofTheseServices}
        AND coalesce(a.subject_person_id, a.applicant_person_id) = e.subject_person_id AND ${answersNeed(on)})
    AND NOT EXISTS (
      SELECT 1 FROM family_relations f JOIN applications a ON a.applicant_person_id = f.relative_id
      WHERE f.person_id = e.subject_person_id AND a.subject_person_id = e.subject_person_id
        AND a.service_id = s.id AND ${ofTheseServices} AND ${answersNeed(on)})
    ${extra}`;
};
