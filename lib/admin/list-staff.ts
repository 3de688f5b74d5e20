import "server-only";
import { asc, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, serviceCentres, users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";

export type StaffRow = {
  staffNo: string | null;
  displayName: string;
  role: Role;
  departmentZh: string | null;
  departmentEn: string | null;
  centreZh: string | null;
  centreEn: string | null;
  active: boolean;
  locked: boolean;
};

/** Staff accounts for the administrator, with where each one works. */
export async function listStaff(db: Executor, actor: Actor): Promise<StaffRow[]> {
  requirePermission(actor, "admin:manage");
  const now = new Date();
  const rows = await db
    .select({
      staffNo: users.staffNo,
      displayName: users.displayName,
      role: users.role,
      departmentZh: departments.nameZh,
      departmentEn: departments.nameEn,
      centreZh: serviceCentres.nameZh,
      centreEn: serviceCentres.nameEn,
      active: users.active,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(serviceCentres, eq(serviceCentres.id, users.centreId))
    .where(ne(users.role, "citizen"))
    .orderBy(asc(users.role), asc(users.staffNo));
  return rows.map(({ lockedUntil, ...r }) => ({ ...r, locked: lockedUntil !== null && lockedUntil > now }));
}
