import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@/db/schema/enums";
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
