/**
 * Accounts: the demo citizens (linked to their person rows) and the staff — a clerk per
 * department, comprehensive-window clerks, supervisors and an administrator. Everyone shares
 * one password hash (the caller hashes DEMO_PASSWORD once with argon2id).
 */
import type { Executor } from "../client";
import { users } from "../schema";
import { DEMO_CITIZENS, STAFF, demoPersonId } from "./demo";
import { dayNum, isoDay } from "./population";
import { stableUuid } from "./random";

export function userId(login: string): string {
  return stableUuid(`user:${login}`);
}

export async function seedUsers(
  db: Executor,
  opts: { passwordHash: string; today?: string },
): Promise<{ users: number }> {
  // Accounts were opened well before the history the seed writes (a year and a half ago).
  const created = new Date(`${isoDay(dayNum(opts.today ?? "2026-01-01") - 540)}T09:00:00+08:00`);
  const rows: (typeof users.$inferInsert)[] = [
    ...DEMO_CITIZENS.map((c) => ({
      id: userId(c.login),
      role: "citizen" as const,
      personId: demoPersonId(c.personKey),
      staffNo: null,
      displayName: c.name,
      departmentId: null,
      centreId: null,
      passwordHash: opts.passwordHash,
      createdAt: created,
    })),
    ...STAFF.map((s) => ({
      id: userId(s.staffNo),
      role: s.role,
      personId: null,
      staffNo: s.staffNo,
      displayName: s.name,
      departmentId: s.departmentCode ? stableUuid(`department:${s.departmentCode}`) : null,
      centreId: s.centreKey ? stableUuid(`centre:${s.centreKey}`) : null,
      passwordHash: opts.passwordHash,
      createdAt: created,
    })),
  ];
  await db.insert(users).values(rows);
  return { users: rows.length };
}
