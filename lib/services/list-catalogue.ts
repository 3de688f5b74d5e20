import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, services } from "@/db/schema";

export type CatalogueEntry = {
  code: string;
  nameZh: string;
  nameEn: string;
  theme: string;
  departmentZh: string;
  departmentEn: string;
  promisedLimitDays: number;
  legalLimitDays: number;
  onTheSpot: boolean;
};

/** The public service catalogue (事项目录), active services only. */
export async function listCatalogue(db: Executor): Promise<CatalogueEntry[]> {
  return db
    .select({
      code: services.code,
      nameZh: services.nameZh,
      nameEn: services.nameEn,
      theme: services.theme,
      departmentZh: departments.nameZh,
      departmentEn: departments.nameEn,
      promisedLimitDays: services.promisedLimitDays,
      legalLimitDays: services.legalLimitDays,
      onTheSpot: services.onTheSpot,
    })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .where(eq(services.active, true))
    .orderBy(asc(services.theme), asc(services.code));
}
