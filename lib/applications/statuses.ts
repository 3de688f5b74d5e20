/** Application statuses for pages and client components (no database import). */
export { applicationStatuses, type ApplicationStatus } from "@/db/schema/values";
