import type { Role } from "@/db/schema/enums";

/**
 * Permissions by name, granted to roles in one place. Lib functions ask for a permission,
 * never for a role, so a new role is one edit here.
 */
const grants = {
  "portal:citizen": ["citizen"],
  "application:file": ["citizen", "clerk"],
  "application:read-own": ["citizen"],
  "application:process": ["clerk"],
  "person:lookup": ["clerk"],
  "licence:read-for-processing": ["clerk"],
  "metrics:read": ["supervisor", "admin"],
  "proactive:notify": ["supervisor"],
  "backoffice:enter": ["clerk", "supervisor", "admin"],
  "admin:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

export function can(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role);
}

/** Where each role lands after sign-in, and the first path segment its pages live under. */
export const homeOf: Record<Role, string> = {
  citizen: "/my",
  clerk: "/counter",
  supervisor: "/supervisor",
  admin: "/admin",
};
