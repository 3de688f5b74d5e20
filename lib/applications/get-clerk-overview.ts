import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, departments, persons, serviceCentres, services, users } from "@/db/schema";
import type { ApplicationStatus } from "@/db/schema/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { lightSql, type Light } from "@/lib/calendar/application-clock";
import { toChinaDate } from "@/lib/calendar/working-days";
import { inClerkScope } from "./clerk-scope";

/** Statuses that still need a clerk's action, in the order a queue shows them. */
export { OPEN_STATUSES } from "./lifecycle/statuses";
import { OPEN_STATUSES } from "./lifecycle/statuses";
import { queueScopeSql } from "./lifecycle/queue-scope";


export type ClerkOverview = {
  departmentZh: string | null;
  departmentEn: string | null;
  centreZh: string | null;
  centreEn: string | null;
  countsByStatus: Partial<Record<ApplicationStatus, number>>;
  /** Red lights: the deadline the light watches has passed. */
  overdue: number;
  /** Yellow lights: due today or on the next working day. */
  dueWithinDay: number;
  /** Open applications per light (green / yellow / red / paused). */
  lights: Record<Light, number>;
  nextDue: {
    id: string;
    number: string;
    serviceNameZh: string;
    serviceNameEn: string;
    applicantName: string;
    status: ApplicationStatus;
    dueOn: string | null;
  }[];
};

/** The clerk's landing summary over the services in their scope. */
export async function getClerkOverview(db: Executor, actor: Actor, now = new Date()): Promise<ClerkOverview> {
  requirePermission(actor, "application:work");
  const light = lightSql(toChinaDate(now));
  const scope = inClerkScope(applications.serviceId, actor);
  // Open work at this post's own steps (the same cut as the queue).
  const open = and(inArray(applications.status, [...OPEN_STATUSES]), queueScopeSql(actor.role));

  const [place, byStatus, [lights], nextDue] = await Promise.all([
    db
      .select({
        departmentZh: departments.nameZh,
        departmentEn: departments.nameEn,
        centreZh: serviceCentres.nameZh,
        centreEn: serviceCentres.nameEn,
      })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .leftJoin(serviceCentres, eq(serviceCentres.id, users.centreId))
      .where(eq(users.id, actor.id)),
    // Open statuses only: the (service, status, due) index answers it without reading history.
    db
      .select({ status: applications.status, n: count() })
      .from(applications)
      .where(and(scope, open))
      .groupBy(applications.status),
    db
      .select({
        red: sql<number>`count(*) FILTER (WHERE ${light} = 'red')`.mapWith(Number),
        yellow: sql<number>`count(*) FILTER (WHERE ${light} = 'yellow')`.mapWith(Number),
        green: sql<number>`count(*) FILTER (WHERE ${light} = 'green')`.mapWith(Number),
        paused: sql<number>`count(*) FILTER (WHERE ${light} = 'paused')`.mapWith(Number),
      })
      .from(applications)
      .where(and(scope, open)),
    db
      .select({
        id: applications.id,
        number: applications.number,
        serviceNameZh: services.nameZh,
        serviceNameEn: services.nameEn,
        applicantName: persons.name,
        status: applications.status,
        dueOn: applications.dueOn,
      })
      .from(applications)
      .innerJoin(services, eq(services.id, applications.serviceId))
      .innerJoin(persons, eq(persons.id, applications.applicantPersonId))
      .where(and(scope, open))
      .orderBy(sql`${applications.dueOn} ASC NULLS LAST`, asc(applications.number))
      .limit(10),
  ]);

  return {
    departmentZh: place[0]?.departmentZh ?? null,
    departmentEn: place[0]?.departmentEn ?? null,
    centreZh: place[0]?.centreZh ?? null,
    centreEn: place[0]?.centreEn ?? null,
    countsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
    overdue: lights?.red ?? 0,
    dueWithinDay: lights?.yellow ?? 0,
    lights: { green: lights?.green ?? 0, yellow: lights?.yellow ?? 0, red: lights?.red ?? 0, paused: lights?.paused ?? 0, none: 0 },
    nextDue,
  };
}
