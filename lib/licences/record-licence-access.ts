import "server-only";
import { inArray, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { licenceAccessLog, licences } from "@/db/schema";
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
  const reason = purpose.trim();
  if (reason.length === 0) {
    throw new AppError("VALIDATION", "errors.validation", { internal: "licence access without a purpose" });
  }
  const col = (c: { name: string }) => sql.identifier(c.name);
  const l = licenceAccessLog;
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
