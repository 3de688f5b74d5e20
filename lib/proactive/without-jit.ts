import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";

/**
 * Runs `fn` in a transaction with PostgreSQL's JIT compiler off. The set-wise eligibility
 * queries are estimated expensive (many semi-joins over the population), which triggers JIT,
 * whose compilation cost 3 s of a 4 s count on 100,000 residents while the query itself
 * needs well under one. SET LOCAL ends with the transaction; PGlite accepts and ignores it.
 */
export async function withoutJit<T>(db: Database, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    return fn(tx);
  });
}
