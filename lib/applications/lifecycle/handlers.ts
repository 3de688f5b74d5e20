import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { applicationEvents } from "@/db/schema";
import type { StepKind } from "@/lib/workflows/workflow-schema";
import type { LifecycleState } from "./transitions";

/**
 * Who accepted and who reviewed an application, from its timeline: the people separation of
 * duties keeps from deciding it. Events before workflows (no `data.step`) count their
 * submitted → accepted row as the acceptance.
 */
export async function handlersOf(tx: Executor, applicationId: string, personId: string): Promise<LifecycleState["handledBy"]> {
  const rows = rowsOf<{ user_id: string; step: StepKind }>(
    await tx.execute(sql`
      SELECT DISTINCT actor_user_id AS user_id,
             coalesce(data ->> 'step', CASE WHEN from_status = 'submitted' AND to_status = 'accepted' THEN 'accept' END) AS step
        FROM ${applicationEvents}
       WHERE application_id = ${applicationId} AND person_id = ${personId} AND actor_user_id IS NOT NULL
         AND coalesce(data ->> 'step', CASE WHEN from_status = 'submitted' AND to_status = 'accepted' THEN 'accept' END) IN ('accept', 'review')`),
  );
  return rows.map((r) => ({ userId: r.user_id, step: r.step }));
}

