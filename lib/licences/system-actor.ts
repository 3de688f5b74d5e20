import "server-only";
import { inArray, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { licenceAccessLog, licences } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Another department's system acting through /api/v1 — not a signed-in user, so not an `Actor`:
 * no user id, a department, and the label the holder will read ("深圳市公安局（接口）").
 */
export type SystemActor = {
  departmentId: string;
  departmentNameZh: string;
  /** The API key's prefix, for audit rows. */
  keyPrefix: string;
};

export const systemActorLabel = (s: Pick<SystemActor, "departmentNameZh">) => `${s.departmentNameZh}（接口）`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `recordLicenceAccess` for a system: the same one INSERT … SELECT (holder taken from the
 * licence row, one row per licence) with actor_user_id null and actor_department_id set.
 * Kept beside, not inside, `recordLicenceAccess` so the staff path stays as it is.
 */
export async function recordSystemLicenceAccess(
  tx: Executor,
  { licenceIds, system, purpose }: { licenceIds: readonly string[]; system: SystemActor; purpose: string },
): Promise<number> {
  const ids = [...new Set(licenceIds)];
  if (ids.length === 0) return 0;
  if (!ids.every((i) => UUID.test(i))) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "malformed licence id" });
  const reason = purpose.trim();
  if (!reason) throw new AppError("VALIDATION", "errors.api.purposeRequired");
  const col = (c: { name: string }) => sql.identifier(c.name);
  const l = licenceAccessLog;
  const inserted = rowsOf<{ licence_id: string }>(
    await tx.execute(sql`
      INSERT INTO ${l} (${col(l.licenceId)}, ${col(l.holderPersonId)}, ${col(l.actorUserId)}, ${col(l.actorDepartmentId)},
                        ${col(l.actorLabel)}, ${col(l.purpose)})
      SELECT ${licences.id}, ${licences.holderPersonId}, NULL, ${system.departmentId}::uuid, ${systemActorLabel(system)}, ${reason}
      FROM ${licences}
      WHERE ${inArray(licences.id, ids)}
      RETURNING ${col(l.licenceId)}`),
  );
  if (inserted.length !== ids.length) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "licence ids not in the library" });
  return inserted.length;
}
