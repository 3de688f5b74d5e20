import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { familyRelations, persons } from "@/db/schema";

/** Age of majority (《民法典》第十七条): a parent is the guardian of a child under 18 (第二十七条). */
export const MAJORITY_AGE = 18;

export type WalletHolder = { id: string; name: string; self: boolean };

/** The day a person born after it is still a minor on `today` (both China dates). */
export function minorsBornAfter(today: string): string {
  return `${String(Number(today.slice(0, 4)) - MAJORITY_AGE).padStart(4, "0")}${today.slice(4)}`;
}

/**
 * Whose licences the resident holds in their wallet: their own and those of the minor children
 * the population register links to them (the parent is the child's guardian), in that order.
 * An adult child's certificates are theirs alone. One query.
 */
export async function walletHolders(db: Executor, personId: string, today: string): Promise<WalletHolder[]> {
  const rows = await db
    .select({ id: persons.id, name: persons.name, birthDate: persons.birthDate })
    .from(familyRelations)
    .innerJoin(persons, eq(persons.id, familyRelations.relativeId))
    .where(and(eq(familyRelations.personId, personId), eq(familyRelations.relation, "child"), gt(persons.birthDate, minorsBornAfter(today))))
    .orderBy(persons.birthDate);
  const [me] = await db.select({ id: persons.id, name: persons.name }).from(persons).where(eq(persons.id, personId));
  return [...(me ? [{ ...me, self: true }] : []), ...rows.map((r) => ({ id: r.id, name: r.name, self: false }))];
}
