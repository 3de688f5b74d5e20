/**
 * `npm run bench:http -- [--persons N] [--connections 10,50] [--duration S] [--processes N] [--reuse] [--pglite] [--port P]`
 *
 * Load on the running app, as the issue measures it: seeds a city (100k residents on the
 * PostgreSQL server in DATABASE_URL, default the local one; --pglite for the embedded
 * database), builds if needed, starts `npm start`'s server, signs in as 李晓梅, PSB001 and
 * SUP001, then drives /my, /services, /counter/queue, /supervisor/dashboard and the floor route
 * /api/auth/providers at the same time — each route with its own N keep-alive connections, all
 * routes in one run on the same cores — and prints req/s, p50/p99, bytes and each route's share
 * of the floor's req/s, then the HTML and RSC payload sizes. Prints; asserts nothing.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { DEMO_ID, DEMO_PASSWORD } from "@/db/seed/demo";
import { parseArgs, positiveInt } from "./lib/args";
import { startBenchServer } from "./lib/bench-server";
import { signInOverHttp, type SignInKind } from "./lib/sign-in-http";

type Route = { path: string; label: string; as?: { kind: SignInKind; login: string } };

const ROUTES: Route[] = [
  { path: "/my", label: "/my (resident 李晓梅)", as: { kind: "citizen", login: DEMO_ID.liXiaomei } },
  { path: "/services", label: "/services" },
  { path: "/counter/queue", label: "/counter/queue (PSB001)", as: { kind: "staff", login: "PSB001" } },
  { path: "/supervisor/dashboard", label: "/supervisor/dashboard (SUP001)", as: { kind: "staff", login: "SUP001" } },
  { path: "/api/auth/providers", label: "/api/auth/providers (floor)" },
];
const FLOOR = "/api/auth/providers";

/** CPU seconds (user + system) used so far by a process and its descendants, from /proc. */
function cpuSecondsOfTree(rootPid: number): number {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / ticks;
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
      if (children) queue.push(...children.split(" ").map(Number));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

type Measured = { route: Route; rps: number; p50: number; p99: number; bytes: number; non2xx: number; errors: number };

async function runStage(base: string, cookies: Map<string, string>, connections: number, duration: number): Promise<Measured[]> {
  const runs = ROUTES.map((route) =>
    autocannon({
      url: `${base}${route.path}`,
      connections,
      duration,
      headers: route.as ? { cookie: cookies.get(route.as.login) ?? "" } : {},
    }).then((r): Measured => ({
      route,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      bytes: r.requests.total > 0 ? r.throughput.total / r.requests.total : 0,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
    })),
  );
  return Promise.all(runs);
}

function printStage(connections: number, results: Measured[], cpu: number, duration: number): void {
  const floor = results.find((r) => r.route.path === FLOOR)?.rps ?? 0;
  console.log(`\n${connections} connections per route, ${ROUTES.length} routes at once, ${duration} s — app processes used ${cpu.toFixed(1)} CPU s`);
  console.log("| Route | req/s | p50 | p99 | bytes | of floor | non-2xx |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    const share = floor > 0 ? `${((100 * r.rps) / floor).toFixed(1)} %` : "—";
    console.log(`| ${r.route.label} | ${r.rps.toFixed(1)} | ${r.p50} ms | ${r.p99} ms | ${(r.bytes / 1024).toFixed(1)} KB | ${share} | ${r.non2xx + r.errors} |`);
  }
}

async function printPayloads(base: string, cookies: Map<string, string>): Promise<void> {
  console.log("\nPayloads (one request each; gzip level 6 as a server would send them)");
  console.log("| Route | HTML | HTML gzip | RSC | RSC gzip |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const route of ROUTES.filter((r) => r.path !== FLOOR)) {
    const cookie = route.as ? (cookies.get(route.as.login) ?? "") : "";
    const html = Buffer.from(await (await fetch(`${base}${route.path}`, { headers: { cookie } })).arrayBuffer());
    const rsc = Buffer.from(await (await fetch(`${base}${route.path}`, { headers: { cookie, rsc: "1" } })).arrayBuffer());
    console.log(`| ${route.label} | ${kb(html.length)} | ${kb(gzipSync(html).length)} | ${kb(rsc.length)} | ${kb(gzipSync(rsc).length)} |`);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    persons: "100000",
    connections: "10,50",
    duration: "20",
    processes: "",
    port: "3151",
    reuse: false,
    pglite: false,
  });
  const persons = positiveInt(args.persons, "persons");
  const duration = positiveInt(args.duration, "duration");
  const stages = args.connections.split(",").map((c) => positiveInt(c, "connections"));
  const port = positiveInt(args.port, "port");
  const server = await startBenchServer({ persons, port, reuse: args.reuse, pglite: args.pglite, processes: args.processes, probe: FLOOR });
  const base = server.base;
  try {
    const cookies = new Map<string, string>();
    for (const r of ROUTES) {
      if (r.as && !cookies.has(r.as.login)) cookies.set(r.as.login, await signInOverHttp(base, r.as.kind, r.as.login, DEMO_PASSWORD));
    }
    // Warm every process's code paths and plans before measuring.
    await runStage(base, cookies, 2, 3);
    for (const connections of stages) {
      const before = cpuSecondsOfTree(server.pid);
      const results = await runStage(base, cookies, connections, duration);
      printStage(connections, results, cpuSecondsOfTree(server.pid) - before, duration);
    }
    await printPayloads(base, cookies);
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
