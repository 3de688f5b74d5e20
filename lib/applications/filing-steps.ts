import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { ReceiptClock } from "@/lib/calendar/application-clock";
import type { MaterialCheck } from "./resolve-materials";
import { systemNote } from "@/lib/i18n/system-notes";

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
  if (outcome === "awaiting" && !uploadId) return "awaiting" as const;
  return uploadId ? ("upload" as const) : ("counter" as const);
}

/** What a material the library lacks says when a clerk took it on paper at the counter. */
export const COUNTER_MATERIAL_NOTE = systemNote("notes.counterMaterial");

/** An application filed `awaiting` a prerequisite: no receipt yet, so no clock and no step in any queue. */
export const AWAITING_COLUMNS = { receivedAt: null, acceptDueOn: null, dueOn: null, legalDueOn: null, stepKind: null, stepDueOn: null } as const;

/** The clock columns of an application whose complete materials were received at `now`. */
export function clockColumns(clock: ReceiptClock, now: Date) {
  return {
    receivedAt: now,
    acceptDueOn: clock.acceptDueOn,
    dueOn: clock.dueOn,
    legalDueOn: clock.legalDueOn,
  };
}

/** The first event of a filed application: the lifecycle writes it (lib/applications/lifecycle). */
export { recordFiling as recordSubmittedEvent, filingColumns } from "./lifecycle/apply-transition";
