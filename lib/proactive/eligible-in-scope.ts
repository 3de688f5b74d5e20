import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { services } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { buildEligibilityQuery, type ServiceRule } from "@/lib/eligibility/rules";
import { inSupervisorScope } from "@/lib/metrics/supervisor-scope";
import { inSupervisorJurisdiction } from "./resident-jurisdiction";

/**
 * The proactive lists' one source: the eligibility rules' own set-wise query (the same one
 * that feeds the resident's recommendations, so the two cannot drift), kept to the
 * supervisor's services and residents. Rows: (service_id, person_id, subject_person_id,
 * reason) — person_id is who may apply and is notified,
 * subject_person_id whom the service is for.
 *
 * "Has not applied" is the rules' own exclusion (withoutServed in lib/eligibility): no
 * application by the subject or a registered relative about them in draft, submitted,
 * supplement_requested, accepted or approved, nor a completed one whose output licence would
 * still be in force; and no such licence in force in the library. Rejected and withdrawn
 * applications do not count as applied. The query has no LIMIT inside, so the planner
 * flattens it and the caller's keyset and scope conditions reach the base tables.
 */
export function eligibleInScope(rules: ServiceRule | readonly ServiceRule[], actor: Actor, today: string): SQL {
  return sql`SELECT e.service_id, e.person_id, e.subject_person_id, e.reason
    FROM (${buildEligibilityQuery(rules, { today })}) e
    JOIN ${services} ON ${services.id} = e.service_id
    WHERE ${inSupervisorScope(services.id, actor)} AND ${inSupervisorJurisdiction(sql`e.person_id`, actor)}`;
}
