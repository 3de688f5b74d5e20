import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";

/**
 * A supervisor's jurisdiction over residents (not services, see inSupervisorScope): one
 * posted at a centre sees the residents living in the centre's division (a district centre:
 * that district; a city-level centre, code ending in 00: the whole city); one without a post
 * sees the city. `personId` is the resident's id column in the caller's query.
 */
export function inSupervisorJurisdiction(personId: SQL, actor: Pick<Actor, "centreId">): SQL {
  if (!actor.centreId) return sql`true`;
  return sql`EXISTS (SELECT 1 FROM persons jp JOIN service_centres jc ON jc.id = ${actor.centreId}::uuid
    WHERE jp.id = ${personId} AND (jp.residence_division_code = jc.division_code
      OR (right(jc.division_code, 2) = '00' AND left(jp.residence_division_code, 4) = left(jc.division_code, 4))))`;
}
