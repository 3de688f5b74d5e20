import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { applicationEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { MaterialCheck } from "./resolve-materials";

/** The next application number, `SZ` + China date + 8-digit sequence; a sequence never repeats. */
export async function nextApplicationNumber(tx: Executor, today: string): Promise<string> {
  const [next] = rowsOf<{ seq: number }>(await tx.execute(sql`SELECT nextval('application_number_seq')::int AS seq`));
  if (!next) throw new Error("application_number_seq returned nothing");
  return `SZ${today.replaceAll("-", "")}${String(next.seq).padStart(8, "0")}`;
}

/** Only a licence valid through the promised date is attached; the rest are uploaded or come to the counter. */
export function materialSource(outcome: MaterialCheck["outcome"], uploadId: string | null) {
  if (outcome === "library") return "library" as const;
  if (outcome === "form") return "form" as const;
  return uploadId ? ("upload" as const) : ("counter" as const);
}

/** The first event of an application filed online. */
export async function recordSubmittedEvent(tx: Executor, actor: Actor, applicationId: string, personId: string, now: Date) {
  await tx.insert(applicationEvents).values({
    applicationId,
    personId,
    fromStatus: null,
    toStatus: "submitted",
    actorUserId: actor.id,
    actorRole: actor.role,
    occurredAt: now,
  });
}
