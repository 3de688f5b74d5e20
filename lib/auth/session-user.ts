import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db";
import { users } from "@/db/schema";

/**
 * The user row a session stands for, read once per request (React's cache): the session check
 * in Auth.js and getCurrentUser share the one query.
 */
export const readSessionUser = cache(async (id: string) => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      role: users.role,
      displayName: users.displayName,
      personId: users.personId,
      departmentId: users.departmentId,
      centreId: users.centreId,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
});
