import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { applications } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { can } from "@/lib/auth/permissions";
import { stepsWorkedBy } from "./transitions";

/**
 * A post's queue: open applications at one of its steps (closed ones, whose step is null, stay
 * visible as history). The department's decision makers also see every escalated step of their
 * department (超期督办: the department head's oversight), whichever post works it.
 */
export function queueScopeSql(role: Role): SQL {
  const kinds = stepsWorkedBy(role);
  const atStep = kinds.length === 0 ? sql`false` : sql`${applications.stepKind} IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})`;
  const escalated = can(role, "application:decide") ? sql` OR ${applications.stepEscalatedAt} IS NOT NULL` : sql``;
  return sql`(${applications.stepKind} IS NULL OR ${atStep}${escalated})`;
}

