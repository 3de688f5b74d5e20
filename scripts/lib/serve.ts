import cluster, { type Worker } from "node:cluster";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";

export type ServeOptions = {
  port: number;
  env: NodeJS.ProcessEnv;
  /** App processes; default: one per core. */
  processes: number;
  /** Extra node flags for each app process (e.g. --cpu-prof for profiling). */
  nodeArgs?: string[];
};

/** One app process per core unless WEB_CONCURRENCY says otherwise; one on PGlite. */
export function appProcesses(env: NodeJS.ProcessEnv, engine: "pglite" | "postgres"): { processes: number; why: string } {
  if (engine === "pglite") {
    return { processes: 1, why: "PGlite is a single-connection database owned by one process" };
  }
  const asked = Number(env.WEB_CONCURRENCY);
  if (Number.isInteger(asked) && asked > 0) return { processes: asked, why: "WEB_CONCURRENCY" };
  return { processes: availableParallelism(), why: "one per core" };
}

const RESTART_WINDOW_MS = 60_000;
const MAX_QUICK_RESTARTS = 5;

/**
 * Serves the built app from `processes` `next start` processes sharing one port through Node's
 * cluster module: the primary (this process) owns the listening socket and hands connections
 * to the workers round-robin; each worker is an unmodified `next start`. A worker that dies is
 * replaced (with a growing pause if it keeps dying at start-up); SIGINT/SIGTERM stop them all.
 * Background work runs in one of them only (leader lock, lib/jobs/start-background-work.ts).
 */
export function serveCluster({ port, env, processes, nodeArgs = [] }: ServeOptions): void {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  cluster.setupPrimary({ exec: nextBin, args: ["start", "-p", String(port)], execArgv: nodeArgs });
  let stopping = false;
  const recentExits: number[] = [];
  const fork = (): Worker => cluster.fork({ ...env, PORT: String(port) });

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    recentExits.push(now);
    while (recentExits.length > 0 && (recentExits[0] ?? now) < now - RESTART_WINDOW_MS) recentExits.shift();
    const pause = recentExits.length > MAX_QUICK_RESTARTS ? Math.min(30_000, 1000 * 2 ** (recentExits.length - MAX_QUICK_RESTARTS)) : 0;
    console.error(`app process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another${pause ? ` in ${pause / 1000} s` : ""}`);
    setTimeout(fork, pause);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      if (workers.length === 0) process.exit(0);
      for (const w of workers) w.process.kill(signal);
      // Next closes its server and exits on SIGTERM; do not wait for ever on one that hangs.
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }

  for (let i = 0; i < processes; i++) fork();
}
