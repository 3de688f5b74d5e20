import "server-only";
import { inArray, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { applications, licenceAccessLog, licences, uploads, type RegisterField } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

/** How the holder sees who read their licence: the label is stored, so it reads the same years later. */
const roleLabels: Record<Role, string> = {
  citizen: "居民",
  clerk: "窗口人员",
  reviewer: "部门审查人员",
  approver: "部门审批人员",
  catalogue_manager: "事项管理人员",
  supervisor: "监管人员",
  admin: "系统管理员",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const col = (c: { name: string }) => sql.identifier(c.name);
const l = licenceAccessLog;

/** The reason for use, required: a read without one is refused rather than logged blank. */
function purposeOf(purpose: string): string {
  const reason = purpose.trim();
  if (reason.length === 0) throw new AppError("VALIDATION", "errors.validation", { internal: "data access without a purpose" });
  return reason;
}

export function accessActorLabel(actor: Pick<Actor, "displayName" | "role">): string {
  return `${actor.displayName}（${roleLabels[actor.role]}）`;
}

export type RecordLicenceAccessInput = {
  licenceIds: readonly string[];
  actor: Actor;
  /** The reason for use (申请事由) shown to the holder, e.g. "办件材料核验". Required. */
  purpose: string;
  applicationId?: string | null;
};

/**
 * Logs a read of citizens' licences (谁用了我的数据). Every staff or API read of a licence
 * must call this, inside the transaction that reads, so a read that cannot be logged fails.
 *
 * One INSERT … SELECT, one row per distinct licence: the holder comes from the licence row
 * itself, never from the caller, so a caller cannot file a read under the wrong person.
 * Throws NOT_FOUND if any id is not in the library. Returns the number of rows written.
 */
export async function recordLicenceAccess(
  tx: Executor,
  { licenceIds, actor, purpose, applicationId = null }: RecordLicenceAccessInput,
): Promise<number> {
  const ids = [...new Set(licenceIds)];
  if (ids.length === 0) return 0;
  // A malformed id cannot name a licence; refusing it here keeps a cast error out of the caller's transaction.
  if (!ids.every((id) => UUID.test(id))) {
    throw new AppError("NOT_FOUND", "errors.notFound", { internal: "recordLicenceAccess: malformed licence id" });
  }
  const reason = purposeOf(purpose);
  const inserted = rowsOf<{ licence_id: string }>(
    await tx.execute(sql`
      INSERT INTO ${l} (${col(l.licenceId)}, ${col(l.holderPersonId)}, ${col(l.actorUserId)}, ${col(l.actorDepartmentId)},
                        ${col(l.actorLabel)}, ${col(l.purpose)}, ${col(l.applicationId)})
      SELECT ${licences.id}, ${licences.holderPersonId}, ${actor.id}::uuid, ${actor.departmentId}::uuid,
             ${accessActorLabel(actor)}, ${reason}, ${applicationId}::uuid
      FROM ${licences}
      WHERE ${inArray(licences.id, ids)}
      RETURNING ${col(l.licenceId)}`),
  );
  if (inserted.length !== ids.length) {
    throw new AppError("NOT_FOUND", "errors.notFound", {
      internal: `recordLicenceAccess: ${ids.length - inserted.length} of ${ids.length} licence ids not in the library`,
    });
  }
  return inserted.length;
}

/**
 * Logs that a member of staff opened a file the resident uploaded, in the same log and on the
 * same terms as a licence read: one INSERT … SELECT, the holder (the file's owner) and the
 * application it belongs to taken from the upload row itself. Only an upload attached to an
 * application can be logged (staff never see others). Throws NOT_FOUND when nothing was logged.
 */
export async function recordUploadAccess(tx: Executor, { uploadId, actor, purpose }: { uploadId: string; actor: Actor; purpose: string }): Promise<void> {
  const reason = purposeOf(purpose);
  if (!UUID.test(uploadId)) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "recordUploadAccess: malformed upload id" });
  const inserted = rowsOf<{ upload_id: string }>(
    await tx.execute(sql`
      INSERT INTO ${l} (${col(l.uploadId)}, ${col(l.holderPersonId)}, ${col(l.actorUserId)}, ${col(l.actorDepartmentId)},
                        ${col(l.actorLabel)}, ${col(l.purpose)}, ${col(l.applicationId)})
      SELECT ${uploads.id}, ${uploads.ownerPersonId}, ${actor.id}::uuid, ${actor.departmentId}::uuid,
             ${accessActorLabel(actor)}, ${reason}, ${uploads.applicationId}
      FROM ${uploads}
      WHERE ${uploads.id} = ${uploadId}::uuid AND ${uploads.applicationId} IS NOT NULL
      RETURNING ${col(l.uploadId)}`),
  );
  if (inserted.length !== 1) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "recordUploadAccess: upload not attached or not there" });
}

/**
 * Logs that a member of staff read one of an applicant's register values in full (the mobile
 * number, masked on every staff page until asked for), for one application: the holder is the
 * application's applicant, taken from the application row. Throws NOT_FOUND when nothing was logged.
 */
export async function recordRegisterFieldAccess(
  tx: Executor,
  { field, applicationId, actor, purpose }: { field: RegisterField; applicationId: string; actor: Actor; purpose: string },
): Promise<void> {
  const reason = purposeOf(purpose);
  if (!UUID.test(applicationId)) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "recordRegisterFieldAccess: malformed application id" });
  const inserted = rowsOf<{ id: number }>(
    await tx.execute(sql`
      INSERT INTO ${l} (${col(l.registerField)}, ${col(l.holderPersonId)}, ${col(l.actorUserId)}, ${col(l.actorDepartmentId)},
                        ${col(l.actorLabel)}, ${col(l.purpose)}, ${col(l.applicationId)})
      SELECT ${field}, ${applications.applicantPersonId}, ${actor.id}::uuid, ${actor.departmentId}::uuid,
             ${accessActorLabel(actor)}, ${reason}, ${applications.id}
      FROM ${applications}
      WHERE ${applications.id} = ${applicationId}::uuid
      RETURNING ${col(l.id)}`),
  );
  if (inserted.length !== 1) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "recordRegisterFieldAccess: no such application" });
}
