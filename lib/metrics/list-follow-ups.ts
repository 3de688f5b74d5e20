import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, ratingFollowUps, ratings, services, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { followUpListSchema, type FollowUpListInput } from "./follow-up-schemas";
import { inSupervisorScope } from "./supervisor-scope";

export const FOLLOW_UP_PAGE_SIZE = 30;

export type FollowUpRow = {
  id: string;
  applicationNumber: string;
  serviceZh: string;
  serviceEn: string;
  score: number;
  comment: string | null;
  ratedAt: Date;
  dueOn: string;
  overdue: boolean;
  status: "open" | "closed";
  actionTaken: string | null;
  closedAt: Date | null;
  closedBy: string | null;
  closedInTime: boolean | null;
  version: number;
};

/**
 * The supervisor's 好差评 follow-ups in their jurisdiction: open ones first, overdue before
 * due, earliest due first; then the closed ones, most recently closed first.
 */
export async function listFollowUps(
  db: Executor,
  actor: Actor,
  input: FollowUpListInput,
  now = new Date(),
): Promise<{ rows: FollowUpRow[]; page: number; hasNext: boolean; counts: { open: number; overdue: number } }> {
  requirePermission(actor, "metrics:read");
  const parsed = followUpListSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "errors.metrics.badFilter");
  const { status, page } = parsed.data;
  const today = toChinaDate(now);
  const scope = inSupervisorScope(ratingFollowUps.serviceId, actor);
  const where = and(scope, status === "all" ? undefined : eq(ratingFollowUps.status, status));
  const closedBy = sql<string | null>`(SELECT ${users.displayName} FROM ${users} WHERE ${users.id} = ${ratingFollowUps.closedByUserId})`;

  const [rows, [counts]] = await Promise.all([
    db
      .select({
        id: ratingFollowUps.id,
        applicationNumber: applications.number,
        serviceZh: services.nameZh,
        serviceEn: services.nameEn,
        score: ratingFollowUps.score,
        comment: ratings.comment,
        ratedAt: ratings.createdAt,
        dueOn: ratingFollowUps.dueOn,
        status: ratingFollowUps.status,
        actionTaken: ratingFollowUps.actionTaken,
        closedAt: ratingFollowUps.closedAt,
        closedBy,
        version: ratingFollowUps.version,
      })
      .from(ratingFollowUps)
      .innerJoin(ratings, eq(ratings.id, ratingFollowUps.ratingId))
      .innerJoin(applications, eq(applications.id, ratingFollowUps.applicationId))
      .innerJoin(services, eq(services.id, ratingFollowUps.serviceId))
      .where(where)
      .orderBy(
        sql`(${ratingFollowUps.status} = 'closed')`,
        asc(ratingFollowUps.dueOn),
        desc(ratingFollowUps.closedAt),
        asc(ratingFollowUps.id),
      )
      .limit(FOLLOW_UP_PAGE_SIZE + 1)
      .offset((page - 1) * FOLLOW_UP_PAGE_SIZE),
    db
      .select({
        open: sql<number>`count(*) FILTER (WHERE ${ratingFollowUps.status} = 'open')`.mapWith(Number),
        overdue: sql<number>`count(*) FILTER (WHERE ${ratingFollowUps.status} = 'open' AND ${ratingFollowUps.dueOn} < ${today}::date)`.mapWith(Number),
      })
      .from(ratingFollowUps)
      .where(scope),
  ]);
  return {
    page,
    hasNext: rows.length > FOLLOW_UP_PAGE_SIZE,
    counts: counts ?? { open: 0, overdue: 0 },
    rows: rows.slice(0, FOLLOW_UP_PAGE_SIZE).map((r) => ({
      ...r,
      overdue: r.status === "open" && r.dueOn < today,
      closedInTime: r.closedAt ? toChinaDate(r.closedAt) <= r.dueOn : null,
    })),
  };
}
