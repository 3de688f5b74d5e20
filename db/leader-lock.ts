import { Client } from "pg";

/**
 * The advisory-lock key of a deployment-wide role, in PostgreSQL's two-integer form (a lock
 * space of its own, apart from the one-bigint keys `pg_advisory_xact_lock(hashtext(…))` uses).
 */
export type LeaderKey = readonly [classId: number, objectId: number];

/** 0x4f57 = "OW": the portal's namespace in the two-integer advisory lock space. */
export const BACKGROUND_WORK_KEY: LeaderKey = [0x4f57, 1];

export type HeldLeaderLock = {
  /** Settles when the lock may be lost: its connection failed, closed, or stopped answering. */
  lost: Promise<Error>;
  release: () => Promise<void>;
};

/**
 * Tries to take a session-level advisory lock on a connection of its own (never the pool's: a
 * pooled connection goes back to the pool, and through PgBouncer in transaction mode a session
 * lock would stick to whichever server connection ran it). PostgreSQL releases the lock when
 * the session ends, so a leader that dies hands over without any clean-up. Returns null when
 * another session holds it.
 */
export async function tryLeaderLock(
  url: string,
  key: LeaderKey,
  { heartbeatMs = 10_000, applicationName = "onewindow-leader" }: { heartbeatMs?: number; applicationName?: string } = {},
): Promise<HeldLeaderLock | null> {
  const client = new Client({
    connectionString: url,
    application_name: applicationName,
    keepAlive: true,
    // A heartbeat that cannot finish within this means the server or the network is gone.
    query_timeout: heartbeatMs,
  });
  let settle: (e: Error) => void = () => {};
  const lost = new Promise<Error>((resolve) => (settle = resolve));
  client.on("error", (e) => settle(e));
  client.on("end", () => settle(new Error("leader connection closed")));
  await client.connect();
  let got = false;
  try {
    const result = await client.query<{ got: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS got", [key[0], key[1]]);
    got = result.rows[0]?.got === true;
  } finally {
    if (!got) await client.end().catch(() => {});
  }
  if (!got) return null;
  // A half-open TCP connection says nothing until written to: ask the server regularly that it
  // still knows this session holds the lock.
  const heartbeat = setInterval(() => {
    client
      .query<{ held: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()
                          AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted) AS held`,
        [key[0], key[1]],
      )
      .then((r) => {
        if (r.rows[0]?.held !== true) settle(new Error("leader lock no longer held"));
      })
      .catch((e: unknown) => settle(e instanceof Error ? e : new Error(String(e))));
  }, heartbeatMs);
  heartbeat.unref();
  void lost.then(() => clearInterval(heartbeat));
  return {
    lost,
    release: async () => {
      clearInterval(heartbeat);
      settle(new Error("released"));
      await client.end().catch(() => {});
    },
  };
}
