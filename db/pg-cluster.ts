/**
 * Throwaway PostgreSQL clusters for tests that need a server of their own: a primary made with
 * initdb and a streaming standby made from it with pg_basebackup -R, on ports the caller picks.
 * PostgreSQL refuses to run as root, so as root the binaries run as the `postgres` user.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type Cluster = { dir: string; port: number; url: (database?: string) => string };

/** What is missing to run clusters here, or null when initdb, pg_ctl and pg_basebackup are all on PATH. */
export function clusterToolsMissing(): string | null {
  for (const tool of ["initdb", "pg_ctl", "pg_basebackup"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) return `${tool} is not on PATH`;
  }
  if (process.getuid?.() === 0 && spawnSync("id", ["postgres"]).status !== 0) return "running as root and there is no postgres user";
  return null;
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL server binary (as `postgres` when this process is root). */
export function run(tool: string, args: string[]): string {
  const [cmd, argv] = asRoot() ? ["runuser", ["-u", "postgres", "--", tool, ...args]] : [tool, args];
  return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A port in [from, to] nothing listens on now. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

export function workDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ow-clusters-"));
  chmodSync(dir, 0o755);
  if (asRoot()) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  return dir;
}

export function start(dir: string, port: number, socketDir: string): Cluster {
  run("pg_ctl", ["-D", dir, "-o", `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1`, "-l", `${dir}.log`, "-w", "-t", "60", "start"]);
  return { dir, port, url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}` };
}

/** initdb + start: trust authentication, replication allowed from this machine (initdb's defaults). */
export function startPrimary(root: string, port: number): Cluster {
  const dir = path.join(root, "primary");
  run("initdb", ["-D", dir, "-U", "postgres", "-A", "trust", "--no-sync"]);
  // Small and quick: this cluster lives for one test file.
  writeFileSync(`${dir}/postgresql.auto.conf`, "fsync = off\nfull_page_writes = off\nshared_buffers = '64MB'\n", { flag: "a" });
  return start(dir, port, root);
}

/** A physical streaming standby of `primary` (pg_basebackup -R writes standby.signal and primary_conninfo). */
export function startStandby(root: string, primary: Cluster, port: number): Cluster {
  const dir = path.join(root, "standby");
  run("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", dir, "-R", "-X", "stream", "--no-sync"]);
  return start(dir, port, root);
}

/** pg_ctl stop -m immediate: the server dies as in a crash (no checkpoint); errors are ignored. */
export function crash(c: Pick<Cluster, "dir">): void {
  if (existsSync(c.dir)) spawnSync(asRoot() ? "runuser" : "pg_ctl", asRoot() ? ["-u", "postgres", "--", "pg_ctl", "-D", c.dir, "-m", "immediate", "stop"] : ["-D", c.dir, "-m", "immediate", "stop"]);
}

export function stopAndRemove(root: string, clusters: Pick<Cluster, "dir">[]): void {
  for (const c of clusters) crash(c);
  rmSync(root, { recursive: true, force: true });
}
