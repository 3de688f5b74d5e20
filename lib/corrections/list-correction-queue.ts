import "server-only";
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { correctionRequests, persons } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { maskResidentId } from "@/lib/id-number";
import { toCorrectionView, type CorrectionView } from "./correction-view";
import { isCorrectable, type correctionQueueSchema } from "./schemas";

export const CORRECTION_PAGE_SIZE = 20;

export type QueuedCorrection = CorrectionView & { personName: string; maskedIdNumber: string; correctable: boolean };

export type CorrectionQueue = {
  rows: QueuedCorrection[];
  total: number;
  open: number;
  page: number;
  pageSize: number;
};

/**
 * A correction request is the business of the department that keeps the register, and only of
 * it: a clerk without a department (a comprehensive window) sees none.
 */
function ownedBy(actor: Actor): SQL | null {
  requirePermission(actor, "application:process");
  return actor.departmentId ? eq(correctionRequests.departmentId, actor.departmentId) : null;
}

/** The department's correction queue: open requests first (oldest first), then decided ones, paged. */
export async function listCorrectionQueue(
  db: Executor,
  actor: Actor,
  { status, page }: z.output<typeof correctionQueueSchema>,
): Promise<CorrectionQueue> {
  const scope = ownedBy(actor);
  if (!scope) return { rows: [], total: 0, open: 0, page: 1, pageSize: CORRECTION_PAGE_SIZE };
  const where = status === "all" ? scope : and(scope, eq(correctionRequests.status, status));
  const isOpen = sql`(${correctionRequests.status} = 'open')`;
  const [rows, [total], [open]] = await Promise.all([
    db
      .select({ request: correctionRequests, personName: persons.name, idNumber: persons.idNumber })
      .from(correctionRequests)
      .innerJoin(persons, eq(persons.id, correctionRequests.personId))
      .where(where)
      .orderBy(desc(isOpen), sql`CASE WHEN ${isOpen} THEN ${correctionRequests.createdAt} END ASC`, desc(correctionRequests.decidedAt), asc(correctionRequests.id))
      .limit(CORRECTION_PAGE_SIZE)
      .offset((page - 1) * CORRECTION_PAGE_SIZE),
    db.select({ n: count() }).from(correctionRequests).where(where),
    db.select({ n: count() }).from(correctionRequests).where(and(scope, eq(correctionRequests.status, "open"))),
  ]);
  return {
    rows: rows.map((r) => ({
      ...toCorrectionView(r.request),
      personName: r.personName,
      maskedIdNumber: maskResidentId(r.idNumber),
      correctable: isCorrectable(r.request.register, r.request.field),
    })),
    total: total?.n ?? 0,
    open: open?.n ?? 0,
    page,
    pageSize: CORRECTION_PAGE_SIZE,
  };
}

/** One request of the clerk's department; another department's is NOT_FOUND. */
export async function getCorrectionForClerkOrThrow(db: Executor, actor: Actor, id: string): Promise<QueuedCorrection> {
  const scope = ownedBy(actor);
  if (!scope) throw new AppError("NOT_FOUND", "errors.notFound");
  const [row] = await db
    .select({ request: correctionRequests, personName: persons.name, idNumber: persons.idNumber })
    .from(correctionRequests)
    .innerJoin(persons, eq(persons.id, correctionRequests.personId))
    .where(and(scope, eq(correctionRequests.id, id)));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return {
    ...toCorrectionView(row.request),
    personName: row.personName,
    maskedIdNumber: maskResidentId(row.idNumber),
    correctable: isCorrectable(row.request.register, row.request.field),
  };
}
