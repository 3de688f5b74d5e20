import type { ApplicationStatus } from "@/db/schema/values";

/**
 * The one list of open statuses: the application is still being worked (and still relies on
 * its materials). No database import: pages and client components load this file.
 */
export const OPEN_STATUSES = ["submitted", "accepted", "supplement_requested", "approved"] as const satisfies readonly ApplicationStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/**
 * In progress for the resident: being worked, or filed and waiting for a certificate another
 * application will issue (`awaiting`: no clock, in no queue). One such per service and person.
 */
export const IN_PROGRESS_STATUSES = ["awaiting", ...OPEN_STATUSES] as const satisfies readonly ApplicationStatus[];

export function isOpenStatus(status: ApplicationStatus): status is OpenStatus {
  return (OPEN_STATUSES as readonly ApplicationStatus[]).includes(status);
}
