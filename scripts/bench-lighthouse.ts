/**
 * `npm run bench:lighthouse -- [--persons N] [--reuse] [--pglite] [--port P] [--runs N]`
 *
 * Lighthouse (mobile, simulated throttling: its defaults) on the public home, the catalogue,
 * sign-in and the signed-in resident's home, on the production build served as `npm start`
 * serves it (a seeded city, default 100k residents on the local PostgreSQL). Prints the
 * performance score, LCP, TBT, CLS, the JavaScript transferred on first load, and what
 * Lighthouse flags (unused or legacy JavaScript, back/forward-cache blockers). Prints; asserts
 * nothing. Uses the system Chromium (/usr/bin/chromium) or CHROME_PATH.
 */
import { existsSync } from "node:fs";
import { DEMO_ID, DEMO_PASSWORD } from "@/db/seed/demo";
import { parseArgs, positiveInt } from "./lib/args";
import { startBenchServer } from "./lib/bench-server";
import { signInOverHttp } from "./lib/sign-in-http";

type Audit = { score: number | null; numericValue?: number; displayValue?: string; details?: { items?: unknown[] } };
type Lhr = { categories: { performance: { score: number | null } }; audits: Record<string, Audit> };

const PAGES = [
  { path: "/", label: "/" },
  { path: "/services", label: "/services" },
  { path: "/sign-in", label: "/sign-in" },
  { path: "/my", label: "/my (resident)", signedIn: true },
];

function chromePath(): string {
  const found = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));
  if (!found) throw new Error("no Chromium found: set CHROME_PATH");
  return found;
}

/** Bytes of JavaScript transferred, from the network requests Lighthouse recorded. */
function scriptBytes(lhr: Lhr): number {
  const items = (lhr.audits["network-requests"]?.details?.items ?? []) as { resourceType?: string; transferSize?: number }[];
  return items.filter((i) => i.resourceType === "Script").reduce((n, i) => n + (i.transferSize ?? 0), 0);
}

function flagged(lhr: Lhr): string {
  const ids = ["unused-javascript", "legacy-javascript", "bf-cache", "render-blocking-resources", "unused-css-rules", "uses-long-cache-ttl"];
  return ids
    .filter((id) => {
      const a = lhr.audits[id];
      return a && a.score !== null && a.score < 0.9;
    })
    .map((id) => {
      const audit = lhr.audits[id];
      // bf-cache says why: its items carry the failure reasons.
      const reasons = id === "bf-cache" ? ((audit?.details?.items ?? []) as { reason?: string }[]).map((i) => i.reason).filter(Boolean).join(", ") : "";
      return `${id}${audit?.displayValue ? ` (${audit.displayValue})` : ""}${reasons ? `: ${reasons}` : ""}`;
    })
    .join("; ");
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { persons: "100000", port: "3151", reuse: false, pglite: false, runs: "1" });
  const runs = positiveInt(args.runs, "runs");
  const server = await startBenchServer({
    persons: positiveInt(args.persons, "persons"),
    port: positiveInt(args.port, "port"),
    reuse: args.reuse,
    pglite: args.pglite,
    probe: "/api/auth/providers",
  });
  // Lighthouse 12 is an ES module; chrome-launcher comes with it.
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const cookie = await signInOverHttp(server.base, "citizen", DEMO_ID.liXiaomei, DEMO_PASSWORD);
    console.log("\nLighthouse, mobile (simulated throttling); median score of the runs");
    console.log("| Page | performance | LCP | TBT | CLS | JS transferred | flagged |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
    for (const page of PAGES) {
      const results: Lhr[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${server.base}${page.path}`, {
          port: chrome.port,
          onlyCategories: ["performance"],
          output: "json",
          logLevel: "error",
          ...(page.signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
        });
        if (result) results.push(result.lhr as unknown as Lhr);
      }
      results.sort((a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0));
      const lhr = results[Math.floor(results.length / 2)];
      if (!lhr) continue;
      const a = lhr.audits;
      console.log(
        `| ${page.label} | ${Math.round((lhr.categories.performance.score ?? 0) * 100)} | ${a["largest-contentful-paint"]?.displayValue ?? "—"} | ${a["total-blocking-time"]?.displayValue ?? "—"} | ${a["cumulative-layout-shift"]?.displayValue ?? "—"} | ${(scriptBytes(lhr) / 1024).toFixed(0)} KB | ${flagged(lhr) || "—"} |`,
      );
    }
  } finally {
    chrome.kill();
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
