import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";

/**
 * Whose services an actor may keep: an administrator every department's, a catalogue manager
 * their own department's, anyone else none. Defined once; refuses by default.
 */
export function inCatalogueScope(actor: Actor, departmentId: string): boolean {
  if (!can(actor.role, "catalogue:manage")) return false;
  if (actor.role === "admin") return true;
  return actor.role === "catalogue_manager" && actor.departmentId !== null && actor.departmentId === departmentId;
}

/** The same scope as a SQL condition on a department id column. */
export function catalogueScopeSql(actor: Actor, departmentColumn: AnyPgColumn | SQL): SQL {
  if (!can(actor.role, "catalogue:manage")) return sql`false`;
  if (actor.role === "admin") return sql`true`;
  if (actor.role !== "catalogue_manager" || !actor.departmentId) return sql`false`;
  return sql`${departmentColumn} = ${actor.departmentId}::uuid`;
}
