import { randomInt, randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { centreServices, serviceCentres } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** A service centre in `divisionCode` offering `serviceIds`. Only test files import this. */
export async function createServiceCentre(db: Executor, divisionCode: string, serviceIds: string[] = []) {
  const code = `tc${Date.now() % 100000}${randomInt(1e6)}`;
  const [centre] = await db
    .insert(serviceCentres)
    .values({
      code,
      nameZh: `测试中心${code}`,
      nameEn: `Test centre ${code}`,
      addressZh: "测试地址",
      addressEn: "Test address",
      divisionCode,
      phone: "0755-00000000",
      hoursZh: "工作日",
      hoursEn: "Working days",
    })
    .returning();
  if (!centre) throw new Error("centre not created");
  if (serviceIds.length > 0) await db.insert(centreServices).values(serviceIds.map((serviceId) => ({ centreId: centre.id, serviceId })));
  return centre;
}

/** A supervisor (city-wide unless posted at `centreId`); no user row is needed by lib. */
export function supervisorActor(centreId: string | null = null): Actor {
  return { id: randomUUID(), role: "supervisor", displayName: "测试督查", personId: null, departmentId: null, centreId };
}
