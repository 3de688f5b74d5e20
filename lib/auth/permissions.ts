import type { Role } from "@/db/schema/enums";

/**
 * Permissions by name, granted to roles in one place. Lib functions ask for a permission,
 * never for a role, so a new role is one edit here.
 */
const grants = {
  "portal:citizen": ["citizen"],
  "application:file": ["citizen", "clerk"],
  "application:read-own": ["citizen"],
  /** Window work besides the lifecycle: counter intake, register corrections. */
  "application:process": ["clerk"],
  /** See the queue and an application in scope (every back-office kind). */
  "application:work": ["clerk", "reviewer", "approver"],
  /** 受理 / 补正 / 不予受理 / 送达 at the comprehensive or department window. */
  "application:accept": ["clerk"],
  /** 审查 (初审/复审) in the department's back office. */
  "application:review": ["reviewer"],
  /** 决定: approve or refuse, in the department's back office. */
  "application:decide": ["approver"],
  /** Raising an overdue step to the department head (the daily job, acting as the system). */
  "application:escalate": ["admin"],
  "person:lookup": ["clerk"],
  "licence:read-for-processing": ["clerk", "reviewer", "approver"],
  "metrics:read": ["supervisor", "admin"],
  "proactive:notify": ["supervisor"],
  "backoffice:enter": ["clerk", "reviewer", "approver", "catalogue_manager", "supervisor", "admin"],
  "admin:manage": ["admin"],
  /** Keep the service catalogue (事项管理): drafts, publishing versions, suspension, import/export; per department, or all for admin. */
  "catalogue:manage": ["catalogue_manager", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

export function can(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role);
}

/** Where each role lands after sign-in, and the first path segment its pages live under. */
export const homeOf: Record<Role, string> = {
  citizen: "/my",
  clerk: "/counter",
  reviewer: "/counter",
  approver: "/counter",
  catalogue_manager: "/admin/services",
  supervisor: "/supervisor",
  admin: "/admin",
};
