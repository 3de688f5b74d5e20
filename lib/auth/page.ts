import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@/db/schema/enums";
import { expectedError } from "@/lib/errors";
import { getCurrentUser, type Actor } from "./session";

/**
 * The check every role page makes itself (proxy.ts is only a convenience): signed out →
 * sign-in; signed in with another role → not found, so staff pages do not even admit they exist.
 */
export async function requirePageUser(...roles: Role[]): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) redirect("/sign-in");
  if (!roles.includes(actor.role)) notFound();
  return actor;
}

/**
 * What a page awaits from lib, with lib's "not yours or not there" refusals (NOT_FOUND,
 * FORBIDDEN) and bad input (VALIDATION) shown as the branded 404 — existence is not revealed,
 * and bad input is never a 500. Anything else goes on to the route group's error.tsx.
 */
export async function orNotFound<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    const known = expectedError(error);
    if (known && (known.code === "NOT_FOUND" || known.code === "FORBIDDEN" || known.code === "VALIDATION")) notFound();
    throw error;
  }
}
