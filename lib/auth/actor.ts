import type { Role } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { can, type Permission } from "./permissions";

/** The acting user, as every lib function that touches a person's data receives it. */
export type Actor = {
  id: string;
  role: Role;
  displayName: string;
  personId: string | null;
  departmentId: string | null;
  centreId: string | null;
};

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new AppError("FORBIDDEN", "errors.forbidden", { internal: `${actor.role} lacks ${permission}` });
  }
}
