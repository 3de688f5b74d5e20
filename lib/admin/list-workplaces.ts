import "server-only";
import { asc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, serviceCentres } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";

export type Workplace = { id: string; nameZh: string; nameEn: string };

/** Departments and service centres a new staff account can belong to. */
export async function listWorkplaces(db: Executor, actor: Actor): Promise<{ departments: Workplace[]; centres: Workplace[] }> {
  requirePermission(actor, "admin:manage");
  const depts = await db.select({ id: departments.id, nameZh: departments.nameZh, nameEn: departments.nameEn }).from(departments).orderBy(asc(departments.code));
  const centres = await db
    .select({ id: serviceCentres.id, nameZh: serviceCentres.nameZh, nameEn: serviceCentres.nameEn })
    .from(serviceCentres)
    .orderBy(asc(serviceCentres.nameZh));
  return { departments: depts, centres };
}
