import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { applicationMaterials, applications, licences, licenceTypes, notifications } from "@/db/schema";

import { IN_PROGRESS_STATUSES } from "@/lib/applications/lifecycle/statuses";

export type FlaggedApplication = {
  applicationId: string;
  number: string;
  applicantPersonId: string;
  licenceId: string;
  typeNameZh: string;
  typeNameEn: string;
};

const id = (c: { name: string }) => sql.identifier(c.name);

/**
 * Flags, in one statement, every open application whose attached library material is one of the
 * licences `licenceCondition` selects (a WHERE fragment over `licences`), so its clerk sees it.
 * An application already flagged keeps its first flag time; a new reason is appended, the same one
 * never twice (so a re-run changes nothing).
 * Each applicant then gets one notice per application and licence (notifications.dedupe_key),
 * naming the certificate to renew. Runs in the caller's transaction.
 */
export async function flagApplicationsRelyingOn(
  tx: Executor,
  {
    licenceCondition,
    reason,
    messageKey,
    kind,
    dedupePrefix,
    now,
  }: { licenceCondition: SQL; reason: SQL; messageKey: string; kind: string; dedupePrefix: string; now: Date },
): Promise<FlaggedApplication[]> {
  const a = applications;
  const m = applicationMaterials;
  const openList = sql.join(
    IN_PROGRESS_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const flagged = rowsOf<{
    application_id: string;
    number: string;
    applicant_person_id: string;
    licence_id: string;
    type_name_zh: string;
    type_name_en: string;
  }>(
    await tx.execute(sql`
      WITH hit AS (
        SELECT DISTINCT ON (${m.applicationId}) ${m.applicationId} AS application_id, ${m.personId} AS person_id,
               ${licences.id} AS licence_id, ${licenceTypes.nameZh} AS type_name_zh, ${licenceTypes.nameEn} AS type_name_en,
               ${reason} AS reason
        FROM ${m}
        JOIN ${licences} ON ${licences.id} = ${m.licenceId}
        JOIN ${licenceTypes} ON ${licenceTypes.id} = ${licences.licenceTypeId}
        WHERE ${m.licenceId} IS NOT NULL AND ${licenceCondition}
        ORDER BY ${m.applicationId}, ${licences.id}
      )
      UPDATE ${a} SET
        ${id(a.flaggedAt)} = COALESCE(${a}.${id(a.flaggedAt)}, ${now.toISOString()}::timestamptz),
        ${id(a.flagReason)} = CASE WHEN ${a}.${id(a.flagReason)} IS NULL THEN hit.reason
          ELSE ${a}.${id(a.flagReason)} || '；' || hit.reason END
      FROM hit
      WHERE ${a}.${id(a.id)} = hit.application_id AND ${a}.${id(a.applicantPersonId)} = hit.person_id
        AND ${a}.${id(a.status)} IN (${openList})
        -- Already flagged for this very reason (a re-run of the daily job): leave it alone.
        AND (${a}.${id(a.flagReason)} IS NULL OR position(hit.reason IN ${a}.${id(a.flagReason)}) = 0)
      RETURNING ${a}.${id(a.id)} AS application_id, ${a}.${id(a.number)} AS number,
                ${a}.${id(a.applicantPersonId)} AS applicant_person_id, hit.licence_id, hit.type_name_zh, hit.type_name_en`),
  );
  const rows = flagged.map((r) => ({
    applicationId: r.application_id,
    number: r.number,
    applicantPersonId: r.applicant_person_id,
    licenceId: r.licence_id,
    typeNameZh: r.type_name_zh,
    typeNameEn: r.type_name_en,
  }));
  if (rows.length > 0) {
    await tx
      .insert(notifications)
      .values(
        rows.map((r) => ({
          personId: r.applicantPersonId,
          kind,
          messageKey,
          params: { number: r.number, typeZh: r.typeNameZh, typeEn: r.typeNameEn },
          applicationId: r.applicationId,
          dedupeKey: `${dedupePrefix}:${r.licenceId}:${r.applicationId}`,
          createdAt: now,
        })),
      )
      .onConflictDoNothing();
  }
  return rows;
}
