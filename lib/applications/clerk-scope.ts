import "server-only";
import { and, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { centreServices, services } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

/**
 * The services a member of staff works: a window clerk their department's, or those their
 * centre's comprehensive window covers, or — for a department clerk posted at a centre — both at
 * once; a back-office reviewer or approver their department's. Returned as a condition on a
 * service-id column so every queue query shares this one definition. Anyone else is refused.
 */
export function inClerkScope(serviceId: AnyPgColumn, actor: Actor): SQL {
  if (actor.role === "reviewer" || actor.role === "approver") {
    if (!actor.departmentId) throw new AppError("FORBIDDEN", "errors.forbidden", { internal: "back office without department" });
    return inArray(serviceId, sql`(SELECT ${services.id} FROM ${services} WHERE ${services.departmentId} = ${actor.departmentId})`);
  }
  if (actor.role !== "clerk") throw new AppError("FORBIDDEN", "errors.forbidden");
  const conditions: SQL[] = [];
  if (actor.departmentId) {
    conditions.push(
      inArray(
        serviceId,
        sql`(SELECT ${services.id} FROM ${services} WHERE ${services.departmentId} = ${actor.departmentId})`,
      ),
    );
  }
  if (actor.centreId) {
    conditions.push(
      inArray(
        serviceId,
        sql`(SELECT ${centreServices.serviceId} FROM ${centreServices} WHERE ${centreServices.centreId} = ${actor.centreId})`,
      ),
    );
  }
  const scope = and(...conditions);
  if (!scope) throw new AppError("FORBIDDEN", "errors.forbidden", { internal: "clerk without scope" });
  return scope;
}
