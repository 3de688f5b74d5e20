/**
 * The one definition of a licence's status as everyone must see it.
 *
 * The `status` column records what an issuer did (revoked it, replaced it); it is not
 * rewritten at midnight when a licence runs out. So a licence whose `valid_until` is before
 * today (China date) is EXPIRED whatever its column says, and every reader — the wallet,
 * the apply page's material check, the clerk's verification, the API — must use this rule
 * rather than the raw column. `valid_until` is the last day the licence is in force.
 *
 * Revoked and superseded win over the date: they say more than "expired" (why it is no
 * longer usable), and a revoked licence must never come back as merely expired.
 *
 * No "server-only" here: the pure function is safe anywhere, and the SQL builders only
 * build expressions (the caller's query runs them).
 */
import { and, eq, gte, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { licences } from "@/db/schema/licences";
import type { licenceStatusEnum } from "@/db/schema/enums";

export type LicenceStatus = (typeof licenceStatusEnum.enumValues)[number];

export type LicenceStatusInput = {
  status: LicenceStatus;
  /** ISO day "YYYY-MM-DD", the last day in force; null = until revoked or superseded. */
  validUntil: string | null;
};

/** `today` is an ISO China date, e.g. `toChinaDate(new Date())`. */
export function effectiveLicenceStatus({ status, validUntil }: LicenceStatusInput, today: string): LicenceStatus {
  if (status !== "valid") return status;
  // ISO days compare correctly as strings.
  return validUntil !== null && validUntil < today ? "expired" : "valid";
}

/** The columns the SQL builders read; defaults to the `licences` table, pass others for an alias. */
export type LicenceStatusColumns = { status: AnyPgColumn; validUntil: AnyPgColumn };

const licenceColumns: LicenceStatusColumns = { status: licences.status, validUntil: licences.validUntil };

/**
 * SQL for the effective status, e.g. `db.select({ status: effectiveStatusSql(today) })`.
 * Mirrors `effectiveLicenceStatus` exactly; the unit tests hold the two together.
 */
export function effectiveStatusSql(today: string, columns: LicenceStatusColumns = licenceColumns): SQL<LicenceStatus> {
  const { status, validUntil } = columns;
  return sql<LicenceStatus>`(CASE WHEN ${status} = 'valid' AND ${validUntil} < ${today}::date THEN 'expired'::licence_status ELSE ${status} END)`;
}

/**
 * WHERE condition "in force today" (effective status is valid). Written as plain comparisons
 * rather than `effectiveStatusSql(...) = 'valid'` so an index on status / valid_until can serve it.
 */
export function inForceSql(today: string, columns: LicenceStatusColumns = licenceColumns): SQL {
  const { status, validUntil } = columns;
  return and(eq(status, "valid"), or(isNull(validUntil), gte(validUntil, today)))!;
}
