import "server-only";
import { inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { centreServices } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** A supervisor posted at a centre sees that centre's services; one without a post sees the city. */
export function inSupervisorScope(serviceId: AnyPgColumn, actor: Actor): SQL {
  if (!actor.centreId) return sql`true`;
  return inArray(
    serviceId,
    sql`(SELECT ${centreServices.serviceId} FROM ${centreServices} WHERE ${centreServices.centreId} = ${actor.centreId})`,
  );
}
