import "server-only";
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { services } from "@/db/schema";
import { logger } from "@/lib/logger";
import { compileCandidates, type CompileParams } from "./compile";
import { parseEligibility, type EligibilityDefinition } from "./definition-schema";
import { day, withoutServed } from "./sql-fragments";

/** A service and who it is for, as published in the catalogue. */
export type ServiceRule = { serviceId: string; code: string; definition: EligibilityDefinition };

export type RuleQueryParams = CompileParams & {
  /** Page size; when given, rows come ordered by (person_id, subject_person_id, service_id). */
  limit?: number;
  /** Keyset paging: start after this applicant (and, when given, after this subject of theirs). */
  afterPersonId?: string;
  afterSubjectPersonId?: string;
};

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function assertIsoDay(today: string): void {
  if (!ISO_DAY.test(today)) throw new RangeError(`today must be YYYY-MM-DD: ${today}`);
}

/**
 * The active services that have an eligibility definition (all, or those of `serviceIds`), in
 * catalogue order. A stored definition that no longer parses is left out and logged rather
 * than breaking every resident's home page: the designer refuses such a definition when
 * saved, so this is a database edited by hand.
 */
export async function loadServiceRules(db: Executor, { serviceIds }: { serviceIds?: readonly string[] } = {}): Promise<ServiceRule[]> {
  if (serviceIds && serviceIds.length === 0) return [];
  const rows = await db
    .select({ id: services.id, code: services.code, eligibility: services.eligibility })
    .from(services)
    .where(and(eq(services.active, true), isNotNull(services.eligibility), serviceIds ? inArray(services.id, [...serviceIds]) : undefined))
    .orderBy(asc(services.code));
  const out: ServiceRule[] = [];
  for (const row of rows) {
    const parsed = parseEligibility(row.eligibility);
    if (parsed.ok) out.push({ serviceId: row.id, code: row.code, definition: parsed.value });
    else logger.error({ service: row.code, issues: parsed.issues }, "stored eligibility definition does not parse; service left out of eligibility");
  }
  return out;
}

/**
 * The one query behind every use: the services' compiled candidates, minus subjects already
 * served (see withoutServed). Rows: (service_id, person_id, subject_person_id, reason). One
 * service gives the supervisor's set-wise list, or the source of a set-wise INSERT … SELECT
 * for "notify all"; several services restricted to one person are UNION ALLed before the
 * exclusions, so the resident's home page plans and runs them once. The subqueries are
 * flattened by the planner, so paging by person id walks an index and stops at the page size.
 */
export function buildEligibilityQuery(rules: ServiceRule | readonly ServiceRule[], params: RuleQueryParams): SQL {
  assertIsoDay(params.today);
  const list = "serviceId" in rules ? [rules] : rules;
  if (list.length === 0) {
    return sql`SELECT NULL::uuid AS service_id, NULL::uuid AS person_id, NULL::uuid AS subject_person_id, NULL::jsonb AS reason WHERE false`;
  }
  const compile = (r: ServiceRule) => compileCandidates(r.definition, r.serviceId, params);
  const candidates = list.length === 1 && list[0] ? compile(list[0]) : sql.join(list.map((r) => sql`(${compile(r)})`), sql` UNION ALL `);
  const keyset = !params.afterPersonId
    ? sql``
    : params.afterSubjectPersonId
      ? sql`AND (e.person_id, e.subject_person_id) > (${params.afterPersonId}::uuid, ${params.afterSubjectPersonId}::uuid)`
      : sql`AND e.person_id > ${params.afterPersonId}::uuid`;
  // Paged queries are of one service, where (person, subject) is unique, so the two-column keyset pages exactly.
  const page =
    params.limit === undefined
      ? sql``
      : sql`ORDER BY e.person_id, e.subject_person_id, e.service_id LIMIT ${Math.max(0, Math.trunc(params.limit))}`;
  return sql`${withoutServed(candidates, list.map((r) => r.serviceId), day(params.today), { extra: keyset, setWise: !params.personId })} ${page}`;
}
