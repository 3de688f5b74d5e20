import "server-only";
import { randomBytes } from "node:crypto";

export type SessionUser = { id: string; name: string; role: string; sessionVersion: number };

type Ticket = { user: SessionUser; expires: number };
const globalForTickets = globalThis as unknown as { __onewindowSignInTickets?: Map<string, Ticket> };
const tickets: Map<string, Ticket> = (globalForTickets.__onewindowSignInTickets ??= new Map<string, Ticket>());
const TTL_MS = 30_000;

/**
 * lib decides a sign-in (password, second factor, throttles); Auth.js only mints the session.
 * Between the two, a ticket: 256 random bits, valid once, for 30 seconds, kept in this
 * process. The sign-in action redeems it in the same process at once, so it never leaves the
 * server; a request to /api/auth/callback/… without one is refused.
 */
export function issueSignInTicket(user: SessionUser, now = Date.now()): string {
  for (const [key, ticket] of tickets) if (ticket.expires <= now) tickets.delete(key);
  const ticket = randomBytes(32).toString("base64url");
  tickets.set(ticket, { user, expires: now + TTL_MS });
  return ticket;
}

export function redeemSignInTicket(ticket: unknown, now = Date.now()): SessionUser | null {
  if (typeof ticket !== "string" || ticket.length > 64) return null;
  const found = tickets.get(ticket);
  tickets.delete(ticket);
  return found && found.expires > now ? found.user : null;
}
