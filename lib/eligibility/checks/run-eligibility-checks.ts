import "server-only";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { applications, services } from "@/db/schema";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { assertIsoDay } from "../rules";
import { checkStatement, PENDING_STATUSES } from "./check-query";
import { checkDefinitionFor } from "./criteria";

export type CheckRunResult = {
  /** Applications checked. */
  applications: number;
  /** eligibility_checks rows written (applications × criteria). */
  rows: number;
  /** Licence reads logged for the holders. */
  licenceReads: number;
};

type Counts = { written: number | string; logged: number | string };

function checkDay(today: string): string {
  try {
    assertIsoDay(today);
  } catch (cause) {
    throw new AppError("VALIDATION", "errors.validation", { internal: `bad today: ${today}`, cause });
  }
  return today;
}

async function execute(db: Executor, statement: ReturnType<typeof checkStatement>, criteria: number): Promise<CheckRunResult> {
  const [row] = rowsOf<Counts>(await db.execute(statement));
  const rows = Number(row?.written ?? 0);
  return { applications: criteria === 0 ? 0 : rows / criteria, rows, licenceReads: Number(row?.logged ?? 0) };
}

/**
 * Runs the automatic checks of one application against the base data and the licence library
 * and replaces its rows in eligibility_checks (one per criterion: pass / fail / unknown with a
 * detail). Call it inside the submission's transaction (`tx`); it is a no-op (zero rows) for a
 * service without checks, so it can be called for every submission. A system step: the caller
 * has already authorized the submission.
 */
export async function runEligibilityChecks(
  tx: Executor,
  applicationId: string,
  { today = toChinaDate(new Date()) }: { today?: string } = {},
): Promise<CheckRunResult> {
  const on = checkDay(today);
  const [app] = await tx
    .select({ rule: services.automaticChecks })
    .from(applications)
    .innerJoin(services, eq(services.id, applications.serviceId))
    .where(eq(applications.id, applicationId))
    .limit(1);
  if (!app) throw new AppError("NOT_FOUND", "errors.notFound", { internal: `no application ${applicationId}` });
  const def = checkDefinitionFor(app.rule);
  if (!def) return { applications: 0, rows: 0, licenceReads: 0 };
  return execute(tx, checkStatement(def, sql`a.id = ${applicationId}::uuid`, on), def.criteria.length);
}

/**
 * The same checks set-wise for every pending application (submitted, supplement requested,
 * accepted) of a service: one INSERT … SELECT over all of them, not a loop. NOT_FOUND for an
 * unknown service; zero rows for a service without checks.
 */
export async function runEligibilityChecksForService(
  db: Executor,
  serviceCode: string,
  { today = toChinaDate(new Date()) }: { today?: string } = {},
): Promise<CheckRunResult> {
  const on = checkDay(today);
  const [service] = await db
    .select({ id: services.id, rule: services.automaticChecks })
    .from(services)
    .where(eq(services.code, serviceCode))
    .limit(1);
  if (!service) throw new AppError("NOT_FOUND", "errors.notFound", { internal: `no service ${serviceCode}` });
  const def = checkDefinitionFor(service.rule);
  if (!def) return { applications: 0, rows: 0, licenceReads: 0 };
  const pending = sql.join(PENDING_STATUSES.map((s) => sql`${s}`), sql`, `);
  return execute(
    db,
    checkStatement(def, sql`a.service_id = ${service.id}::uuid AND a.status IN (${pending})`, on),
    def.criteria.length,
  );
}
