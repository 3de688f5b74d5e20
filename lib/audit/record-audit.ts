import "server-only";
import type { Executor } from "@/db/client";
import { auditLog, type NewAuditEntry } from "@/db/schema";

/**
 * Appends an audit row. Callers pass their transaction so the audit row commits or rolls
 * back with the change it records.
 */
export async function recordAudit(tx: Executor, entry: NewAuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}
