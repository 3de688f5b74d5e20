import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { applications } from "@/db/schema";

/** Open applications at one of `kinds` (or closed ones, whose step is null). */
export function stepScopeSql(kinds: readonly string[]): SQL {
  if (kinds.length === 0) return sql`${applications.stepKind} IS NULL`;
  return sql`(${applications.stepKind} IS NULL OR ${applications.stepKind} IN (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)}))`;
}

