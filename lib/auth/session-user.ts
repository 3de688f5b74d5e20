import "server-only";
import { eq, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db";
import type { Executor } from "@/db/client";
import { endedSessions, users } from "@/db/schema";

/**
 * The user row a session token stands for, with `ended` saying whether this very session was
 * signed out (its id in ended_sessions: a primary-key probe in the same query).
 */
export async function sessionRow(db: Executor, id: string, sessionId: string | null) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
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
      ended: sessionId
        ? sql<boolean>`exists (select 1 from ${endedSessions} where ${endedSessions.sessionId} = ${sessionId})`
        : sql<boolean>`false`,
    })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof sessionRow>>>;

/**
 * The one rule for whether a token still stands for its user: the account is active, the
 * session was not signed out, and the role and session version match what the token says.
 */
export function acceptsSession(row: SessionRow | null, claims: { role: unknown; sessionVersion: number }): row is SessionRow {
  return Boolean(row && row.active && !row.ended && row.role === claims.role && row.sessionVersion === claims.sessionVersion);
}

/**
 * sessionRow read once per request (React's cache): the session check in Auth.js and
 * getCurrentUser share the one query.
 */
export const readSessionUser = cache(async (id: string, sessionId: string | null) => sessionRow(await getDb(), id, sessionId));
