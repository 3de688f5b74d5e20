import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, services } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { MY_APPLICATIONS_PAGE_SIZE, myApplicationsQuerySchema } from "./track-schemas";

export type MyApplicationListRow = {
  id: string;
  number: string;
  serviceNameZh: string;
  serviceNameEn: string;
  status: ApplicationStatus;
  submittedAt: Date | null;
  dueOn: string | null;
};

export type MyApplicationsPage = {
  rows: MyApplicationListRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  status: ApplicationStatus | null;
};

/**
 * One page of all the resident's applications, newest first, optionally of one status.
 * The total rides along as a window count, so a page is one query (service joined, no N+1);
 * only a page past the end costs a second, to learn how many there are.
 * `query` is the raw search params: an unreadable page or status falls back to page 1, all.
 */
export async function listMyApplicationsPage(
  db: Executor,
  actor: Actor,
  query: unknown,
  pageSize = MY_APPLICATIONS_PAGE_SIZE,
): Promise<MyApplicationsPage> {
  requirePermission(actor, "application:read-own");
  const personId = actor.personId;
  if (!personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const { page, status } = myApplicationsQuerySchema.parse(query ?? {});
  const where = and(eq(applications.applicantPersonId, personId), status ? eq(applications.status, status) : undefined);

  const found = await db
    .select({
      id: applications.id,
      number: applications.number,
      serviceNameZh: services.nameZh,
      serviceNameEn: services.nameEn,
      status: applications.status,
      submittedAt: applications.submittedAt,
      dueOn: applications.dueOn,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(applications)
    .innerJoin(services, eq(services.id, applications.serviceId))
    .where(where)
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  let total = found[0]?.total ?? 0;
  if (found.length === 0 && page > 1) {
    const [counted] = await db.select({ n: count() }).from(applications).where(where);
    total = counted?.n ?? 0;
  }
  return {
    rows: found.map(({ total: _total, ...row }) => row),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    pageSize,
    status: status ?? null,
  };
}
