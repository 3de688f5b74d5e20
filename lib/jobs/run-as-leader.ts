import "server-only";
import { tryLeaderLock, type LeaderKey } from "@/db/leader-lock";
import { logger } from "@/lib/logger";

/** What `start` returns: stops everything it started. */
export type StopFn = () => void;

export type LeaderOptions = {
  /** Direct (unpooled) URL of the primary; undefined on PGlite, where this process owns the database. */
  url: string | undefined;
  key: LeaderKey;
  /** How often a follower tries to take over, and how often the leader checks it still leads. */
  retryMs?: number;
  name?: string;
};

export type LeaderHandle = {
  isLeader: () => boolean;
  /** Stops the work (if leading), releases the lock and stops trying. */
  stop: () => Promise<void>;
};

/**
 * Runs `start` in exactly one process of the deployment: the one holding a PostgreSQL advisory
 * lock. Every app process calls this; followers try again every `retryMs`, so when the leader
 * dies (its session ends and PostgreSQL drops the lock) another process takes over within that
 * time. A leader that loses its connection stops its work first, then competes again. The work
 * itself is idempotent, so the seconds in which an old leader has not yet noticed its loss do no
 * harm. On PGlite there is one process, which owns the database and so always leads.
 */
export function runAsLeader(start: () => StopFn, options: LeaderOptions): LeaderHandle {
  const { url, key, retryMs = 15_000, name = "background work" } = options;
  let stopWork: StopFn | null = null;
  let release: (() => Promise<void>) | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  if (!url) {
    stopWork = start();
    return {
      isLeader: () => stopWork !== null,
      stop: () => {
        stopWork?.();
        stopWork = null;
        return Promise.resolve();
      },
    };
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void attempt(), retryMs);
    timer.unref();
  };

  const attempt = async () => {
    if (stopped) return;
    try {
      const lock = await tryLeaderLock(url, key, { heartbeatMs: retryMs });
      if (!lock) return schedule();
      if (stopped) return void (await lock.release());
      release = lock.release;
      stopWork = start();
      logger.info({ pid: process.pid }, `${name}: this process leads`);
      void lock.lost.then((reason) => {
        if (stopWork) logger.warn({ pid: process.pid, reason: reason.message }, `${name}: leadership lost`);
        stopWork?.();
        stopWork = null;
        release = null;
        schedule();
      });
    } catch (error) {
      logger.warn({ err: error }, `${name}: could not reach the database to compete for leadership`);
      schedule();
    }
  };

  void attempt();
  return {
    isLeader: () => stopWork !== null,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stopWork?.();
      stopWork = null;
      await release?.();
    },
  };
}
