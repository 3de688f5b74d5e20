import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { correctionRequests, departments, persons } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { toCorrectionView, type CorrectionView } from "./correction-view";

export type MyCorrection = CorrectionView & { personName: string; departmentZh: string; departmentEn: string };

/** The correction requests the resident made (for themselves or their family), newest first. */
export async function listMyCorrections(db: Executor, actor: Actor, { limit = 50 }: { limit?: number } = {}): Promise<MyCorrection[]> {
  requirePermission(actor, "portal:citizen");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const rows = await db
    .select({ request: correctionRequests, personName: persons.name, departmentZh: departments.nameZh, departmentEn: departments.nameEn })
    .from(correctionRequests)
    .innerJoin(persons, eq(persons.id, correctionRequests.personId))
    .innerJoin(departments, eq(departments.id, correctionRequests.departmentId))
    .where(eq(correctionRequests.requestedByPersonId, actor.personId))
    .orderBy(desc(correctionRequests.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...toCorrectionView(r.request), personName: r.personName, departmentZh: r.departmentZh, departmentEn: r.departmentEn }));
}
