import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, familyRelations, type Department } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeUscc } from "@/lib/id-number";
import { createStaffUser } from "./factories";

/** The department with this code (the registers name "psb" and "civil"), created once per database. */
export async function ensureDepartment(db: Executor, code: string): Promise<Department> {
  const [found] = await db.select().from(departments).where(eq(departments.code, code));
  if (found) return found;
  const [made] = await db
    .insert(departments)
    .values({
      code,
      uscc: makeUscc(`11440300${String(randomInt(0, 1e9)).padStart(9, "0")}`),
      nameZh: `测试${code}`,
      nameEn: `Test ${code}`,
      divisionCode: "440300",
    })
    .returning();
  if (!made) throw new Error("department not created");
  return made;
}

/** A clerk of the department, as the Actor lib functions receive. */
export async function departmentClerk(db: Executor, departmentId: string | null, centreId: string | null = null): Promise<Actor> {
  const user = await createStaffUser(db, "Secret2026", { departmentId, centreId });
  return { id: user.id, role: "clerk", displayName: user.displayName, personId: null, departmentId, centreId };
}

/** Marries two persons in the register (both directions). */
export async function marry(db: Executor, a: string, b: string): Promise<void> {
  await db.insert(familyRelations).values([
    { personId: a, relativeId: b, relation: "spouse" },
    { personId: b, relativeId: a, relation: "spouse" },
  ]);
}
