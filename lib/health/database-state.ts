/**
 * Whether the database is known to be away, shared by everything in this server process
 * (pages, actions, route handlers and proxy.ts) through globalThis. Set when a connection
 * error is seen; cleared by the probe in check-database.ts the moment a query succeeds again.
 * No imports: proxy.ts reads it.
 */
type State = { downSince: number | null; probing: boolean };
const g = globalThis as unknown as { __onewindowDatabaseState?: State };
const state: State = (g.__onewindowDatabaseState ??= { downSince: null, probing: false });

export function databaseDownSince(): number | null {
  return state.downSince;
}

export function markDatabaseDown(now = Date.now()): boolean {
  const wasUp = state.downSince === null;
  state.downSince ??= now;
  return wasUp;
}

export function markDatabaseUp(): void {
  state.downSince = null;
}

/** Claims the one probe loop of this process; false when one runs already. */
export function claimProbe(): boolean {
  if (state.probing) return false;
  state.probing = true;
  return true;
}

export function releaseProbe(): void {
  state.probing = false;
}
