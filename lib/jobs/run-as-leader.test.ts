import { randomInt } from "node:crypto";
import { Client } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import type { LeaderKey } from "@/db/leader-lock";
import { runAsLeader, type LeaderHandle } from "./run-as-leader";

const serverUrl = process.env.DATABASE_URL;
const handles: LeaderHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.stop();
});

/** Polls until `check` holds (leadership changes hands asynchronously; slowly on a busy machine), or fails after `ms`. */
async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("runAsLeader on PGlite", () => {
  it("leads at once: the one process owns the database", () => {
    let started = 0;
    const h = runAsLeader(() => ((started += 1), () => {}), { url: undefined, key: [1, 1] });
    handles.push(h);
    expect(started).toBe(1);
    expect(h.isLeader()).toBe(true);
  });
});

describe.skipIf(!serverUrl)("runAsLeader on PostgreSQL", () => {
  // A key of this run's own, so concurrent test runs on the shared server never compete.
  const key: LeaderKey = [0x4f57, randomInt(1_000_000, 2_000_000_000)];

  it("starts the work in one of several competitors, and another takes over when its session dies", async () => {
    const running = new Set<number>();
    const competitors = [0, 1, 2].map((i) =>
      runAsLeader(
        () => {
          running.add(i);
          return () => running.delete(i);
        },
        { url: serverUrl, key, retryMs: 200 },
      ),
    );
    handles.push(...competitors);
    await until(() => running.size === 1);
    // Give the followers a few more tries: still one.
    await new Promise((r) => setTimeout(r, 700));
    expect(running.size).toBe(1);
    const [first] = [...running];
    expect(competitors.filter((c) => c.isLeader())).toHaveLength(1);

    // Kill the leader's session from outside, as a crash or a network cut would end it.
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const killed = await admin.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_locks
          WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted`,
        [key[0], key[1]],
      );
      expect(killed.rows[0]?.n).toBe(1);
    } finally {
      await admin.end();
    }
    await until(() => running.size === 1 && !running.has(first ?? -1));
    await new Promise((r) => setTimeout(r, 700));
    expect(running.size).toBe(1);
  });

  it("stops the work and frees the lock on stop, so the next competitor leads", async () => {
    let a = 0;
    let b = 0;
    const first = runAsLeader(() => ((a += 1), () => (a -= 1)), { url: serverUrl, key, retryMs: 200 });
    handles.push(first);
    await until(() => a === 1);
    const second = runAsLeader(() => ((b += 1), () => (b -= 1)), { url: serverUrl, key, retryMs: 200 });
    handles.push(second);
    await new Promise((r) => setTimeout(r, 600));
    expect(b).toBe(0);
    await first.stop();
    expect(a).toBe(0);
    await until(() => b === 1);
  });
});
