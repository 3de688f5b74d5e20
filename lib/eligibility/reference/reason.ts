import { sql, type SQL } from "drizzle-orm";

/** A reason key of the first build as a typed text value. */
export const reason = (key: string): SQL => sql`${key}::text`;
