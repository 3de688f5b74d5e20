import { sql, type SQL } from "drizzle-orm";
import { serviceMaterials } from "@/db/schema";

/**
 * Material rows of their service's current version (services.version): what a new application
 * is asked for. Older versions' rows stay for the applications filed under them.
 */
export const ofCurrentVersion: SQL = sql`${serviceMaterials.version} = (SELECT sv.version FROM services sv WHERE sv.id = ${serviceMaterials.serviceId})`;
