import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientNamespaces, pickMessages, type ClientArea } from "./client-messages";

const root = path.resolve(__dirname, "../..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const p = path.join(dir, entry);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

/** Resolves an import specifier of the project ("@/…" or relative) to a file, else null. */
function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every project file reachable by imports from `entries` (type-only imports included: harmless). */
function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
      const target = resolveImport(file, m[1] ?? m[2] ?? "");
      if (target && !target.includes(`${path.sep}lib${path.sep}i18n${path.sep}messages`)) queue.push(target);
    }
  }
  return seen;
}

/**
 * Namespaces the client components among `files` ask for with useTranslations. A bare
 * `useTranslations()` translates full keys it is handed (a form's field errors from its own
 * schema), which only a run can check, so it is left out here.
 */
function clientNamespacesUsed(files: Iterable<string>): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    if (!/^\s*["']use client["']/.test(source)) continue;
    for (const m of source.matchAll(/useTranslations\(\s*["']([^"']+)["']\s*\)/g)) used.set(m[1] ?? "", path.relative(root, file));
  }
  return used;
}

const covered = (ns: string, list: readonly string[]) => ns !== "" && list.some((entry) => ns === entry || ns.startsWith(`${entry}.`));

/** The folders whose layout.tsx gives their client components an area's messages. */
const scopes: { area: Exclude<ClientArea, "shell">; dirs: string[] }[] = [
  { area: "public", dirs: ["app/(public)/sign-in", "app/(public)/activate", "app/(public)/verify"] },
  {
    area: "citizen",
    dirs: ["apply", "applications", "appointments", "security"].map((d) => `app/(citizen)/my/${d}`),
  },
  { area: "clerk", dirs: ["app/(clerk)"] },
  { area: "supervisor", dirs: ["app/(supervisor)"] },
  { area: "admin", dirs: ["app/(admin)"] },
];
const scoped = (file: string) => scopes.some((s) => s.dirs.some((d) => file.startsWith(path.join(root, d) + path.sep)));

describe("client message namespaces", () => {
  it("are not needed anywhere outside the scopes (root layout, public home, catalogue, /my): shell sends none", () => {
    // A provider imported at the root would put the message runtime in every page's first load.
    expect(readFileSync(path.join(root, "app", "layout.tsx"), "utf8")).not.toMatch(/import[^;]*(ClientMessages|NextIntlClientProvider)/);
    const entries = filesUnder(path.join(root, "app")).filter((f) => !scoped(f) && !f.includes(`${path.sep}api${path.sep}`));
    for (const [ns, file] of clientNamespacesUsed(reachable(entries))) {
      expect(covered(ns, clientNamespaces.shell), `${file} uses "${ns}" outside any scope: give its folder a ClientMessages layout`).toBe(true);
    }
  });

  it.each(scopes.flatMap((s) => s.dirs.map((dir) => [s.area, dir] as const)))("give %s in %s every namespace its client components use", (area, dir) => {
    const layout = readFileSync(path.join(root, dir, "layout.tsx"), "utf8");
    expect(layout).toContain(`<ClientMessages area="${area}">`);
    const used = clientNamespacesUsed(reachable(filesUnder(path.join(root, dir))));
    // A scope with nothing to translate in the browser would only ship the message runtime.
    expect(used.size, `${dir} needs no client messages: drop its ClientMessages layout`).toBeGreaterThan(0);
    for (const [ns, file] of used) {
      expect(covered(ns, clientNamespaces[area]), `${file} uses "${ns}", missing from clientNamespaces.${area}`).toBe(true);
    }
  });

  it("name only namespaces and keys that exist", () => {
    const zh = Object.fromEntries(
      readdirSync(path.join(__dirname, "messages", "zh-CN")).map((f) => [
        f.replace(/\.json$/, ""),
        JSON.parse(readFileSync(path.join(__dirname, "messages", "zh-CN", f), "utf8")) as unknown,
      ]),
    );
    for (const list of Object.values(clientNamespaces)) {
      for (const entry of list) expect(Object.keys(pickMessages(zh, [entry])), entry).toHaveLength(1);
    }
  });
});

describe("pickMessages", () => {
  it("keeps whole namespaces and dotted parts, nested as in the catalogue, and nothing else", () => {
    const messages = { a: { x: "1", y: { z: "2" } }, b: { c: "3", d: "4" }, e: "5" };
    expect(pickMessages(messages, ["a", "b.c"])).toEqual({ a: { x: "1", y: { z: "2" } }, b: { c: "3" } });
    expect(pickMessages(messages, ["a.y", "nope", "b.nope"])).toEqual({ a: { y: { z: "2" } } });
  });
});
