import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, services } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

export type MyApplicationRow = {
  id: string;
  number: string;
  serviceNameZh: string;
  serviceNameEn: string;
  status: ApplicationStatus;
  submittedAt: Date | null;
  dueOn: string | null;
};

/** The resident's own applications, newest first; one indexed range scan with the service joined. */
export async function listMyApplications(
  db: Executor,
  actor: Actor,
  { limit = 20 }: { limit?: number } = {},
): Promise<MyApplicationRow[]> {
  requirePermission(actor, "application:read-own");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  return db
    .select({
      id: applications.id,
      number: applications.number,
      serviceNameZh: services.nameZh,
      serviceNameEn: services.nameEn,
      status: applications.status,
      submittedAt: applications.submittedAt,
      dueOn: applications.dueOn,
    })
    .from(applications)
    .innerJoin(services, eq(services.id, applications.serviceId))
    .where(eq(applications.applicantPersonId, actor.personId))
    .orderBy(desc(applications.createdAt))
    .limit(limit);
}
