import "server-only";
import { and, asc, count, eq, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { applicationDailyStats, departments, services } from "@/db/schema";
import { AppError } from "@/lib/errors";

import { serviceThemes, type ServiceTheme } from "@/db/schema/enums";

export { serviceThemes, type ServiceTheme };

export const SEARCH_MAX_CHARS = 50;

/** The catalogue's search parameters, as they arrive in the URL (`?q=&theme=&department=`). */
export const serviceSearchSchema = z.object({
  q: z.string().trim().max(SEARCH_MAX_CHARS).optional(),
  theme: z.enum(serviceThemes).optional(),
  department: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,31}$/)
    .optional(),
});
export type ServiceSearchInput = z.infer<typeof serviceSearchSchema>;

export type ServiceSearchHit = {
  code: string;
  nameZh: string;
  nameEn: string;
  theme: ServiceTheme;
  departmentCode: string;
  departmentZh: string;
  departmentEn: string;
  promisedLimitDays: number;
  legalLimitDays: number;
  onTheSpot: boolean;
  /** Where the query matched best: the name, the search keywords, or only the description. */
  matchedIn: "name" | "keywords" | "description" | null;
};

export type ServiceSearchResult = {
  terms: string[];
  /**
   * True when nothing matched by name or keyword and the hits come from descriptions alone.
   * Descriptions mention related services ("居住证 … 可用于子女入学"), so they are a fallback,
   * not a peer: "入学" must list the enrolment services, not every service that mentions school.
   */
  descriptionOnly: boolean;
  hits: ServiceSearchHit[];
};

/** Splits a query into terms on any whitespace, including the full-width space (U+3000). */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const terms = q
    .trim()
    .slice(0, SEARCH_MAX_CHARS)
    .split(/[\s\u3000]+/u)
    .filter((t) => t.length > 0);
  return [...new Set(terms)];
}

/** A LIKE pattern matching `term` literally anywhere: `\`, `%` and `_` in user input are escaped (the designer's list filter). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const hitCount = (conds: SQL[]) =>
  conds.length === 0
    ? sql<number>`0::int`
    : sql<number>`(${sql.join(
        conds.map((c) => sql`CASE WHEN ${c} THEN 1 ELSE 0 END`),
        sql` + `,
      )})`.mapWith(Number);

/**
 * Searches the active catalogue. Each whitespace-separated term must match (ILIKE) the Chinese
 * or English name, the search keywords or the Chinese description; all terms must match.
 * Services matching every term by name or keyword are returned, names first; only when there
 * are none do description-only matches come back (flagged `descriptionOnly`).
 * Theme and department (code) narrow the list; with no terms the list is the whole catalogue.
 */
export async function searchServices(db: Executor, input: ServiceSearchInput): Promise<ServiceSearchResult> {
  const parsed = serviceSearchSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "errors.validation", { internal: parsed.error.message });
  const { q, theme, department } = parsed.data;
  const terms = searchTerms(q);

  // Each term as a literal substring of the lower-cased columns (no pattern: % and _ are text).
  const contains = (column: AnyPgColumn, term: string) => sql`strpos(${column}, lower(${term})) > 0`;
  const inName = terms.map((term) => contains(services.searchName, term));
  const inKeywords = terms.map((term) => contains(services.searchKeywords, term));
  const inDescription = terms.map((term) => contains(services.searchDescription, term));
  const strongTerm = terms.map((_, i) => or(inName[i], inKeywords[i]) as SQL);
  const anyTerm = terms.map((_, i) => or(inName[i], inKeywords[i], inDescription[i]) as SQL);

  // Browsing lists each theme's most-filed services first: the last 30 days of the daily rollup
  // (a few thousand rows at city scale), not a count over the applications.
  const filed = sql<number>`(SELECT coalesce(sum(st.submitted), 0) FROM ${applicationDailyStats} st
    WHERE st.service_id = ${services.id} AND st.day >= (now() AT TIME ZONE 'Asia/Shanghai')::date - 30)`;
  const nameHits = hitCount(inName);
  const keywordHits = hitCount(inKeywords);
  const strongHits = hitCount(strongTerm);
  const rows = await db
    .select({
      code: services.code,
      nameZh: services.nameZh,
      nameEn: services.nameEn,
      theme: services.theme,
      departmentCode: departments.code,
      departmentZh: departments.nameZh,
      departmentEn: departments.nameEn,
      promisedLimitDays: services.promisedLimitDays,
      legalLimitDays: services.legalLimitDays,
      onTheSpot: services.onTheSpot,
      nameHits,
      keywordHits,
      strongHits,
    })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(
      and(
        eq(services.active, true),
        theme ? eq(services.theme, theme) : undefined,
        department ? eq(departments.code, department) : undefined,
        ...anyTerm,
      ),
    )
    .orderBy(
      // Among names that match, the one that begins with the first term and says least comes
      // first: 户口 finds 户口迁入 before 户口迁出（变更）, 居住证 finds 居住证申领 before its 签注.
      ...(terms.length > 0
        ? [
            sql`${nameHits} DESC`,
            sql`${keywordHits} DESC`,
            sql`strpos(${services.nameZh}, ${terms[0]}) = 0`,
            sql`strpos(${services.nameZh}, ${terms[0]})`,
            sql`char_length(${services.nameZh})`,
          ]
        : []),
      asc(services.theme),
      ...(terms.length === 0 ? [sql`${filed} DESC`] : []),
      asc(services.code),
    );

  const strong = rows.filter((r) => r.strongHits === terms.length);
  const descriptionOnly = terms.length > 0 && strong.length === 0 && rows.length > 0;
  const chosen = terms.length === 0 ? rows : descriptionOnly ? rows : strong;
  const hits = chosen.map(({ nameHits: n, keywordHits: k, strongHits: _s, theme: th, ...r }): ServiceSearchHit => ({
    ...r,
    theme: th as ServiceTheme,
    matchedIn: terms.length === 0 ? null : n > 0 ? "name" : k > 0 ? "keywords" : "description",
  }));
  if (terms.length === 0) {
    hits.sort((a, b) => serviceThemes.indexOf(a.theme) - serviceThemes.indexOf(b.theme));
  }
  return { terms, descriptionOnly, hits };
}

export type DepartmentOption = { code: string; nameZh: string; nameEn: string; serviceCount: number };

/** Departments that have at least one active service, for the catalogue's department filter. */
export async function listDepartmentsWithServices(db: Executor): Promise<DepartmentOption[]> {
  return db
    .select({
      code: departments.code,
      nameZh: departments.nameZh,
      nameEn: departments.nameEn,
      serviceCount: count(services.id),
    })
    .from(departments)
    .innerJoin(services, and(eq(services.departmentId, departments.id), eq(services.active, true)))
    .groupBy(departments.id, departments.code, departments.nameZh, departments.nameEn)
    .orderBy(asc(departments.code));
}
