import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The app's attack surface, read from its own files, so a new route or action is fuzzed and
 * matrix-tested without editing a test: every app/**\/route.ts with its HTTP methods, every
 * page, and every server action (from the "use server" files, located through the build's
 * server-reference manifest, which gives each action's id and the pages that serve it).
 */
const APP = path.join(process.cwd(), "app");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** "app/(citizen)/my/apply/[code]/page.tsx" → "/my/apply/[code]" (route groups dropped). */
export function urlPatternOf(file: string): string {
  const rel = path.relative(APP, path.dirname(file)).split(path.sep);
  const segments = rel.filter((s) => s !== "" && !(s.startsWith("(") && s.endsWith(")")));
  return `/${segments.join("/")}`.replace(/\/$/, "") || "/";
}

/** A URL for a pattern, with each dynamic segment filled in by `fill`. */
export function urlFor(pattern: string, fill: (param: string) => string): string {
  return pattern.replace(/\[\.{0,3}([^\]]+)\]/g, (_, name: string) => fill(name));
}

export type RouteFile = { file: string; pattern: string; methods: string[] };

export function routeFiles(): RouteFile[] {
  return walk(APP)
    .filter((f) => /[\\/]route\.tsx?$/.test(f))
    .map((file) => {
      const source = readFileSync(file, "utf8");
      const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
      return { file: path.relative(process.cwd(), file), pattern: urlPatternOf(file), methods };
    });
}

export function pageFiles(): { file: string; pattern: string }[] {
  return walk(APP)
    .filter((f) => /[\\/]page\.tsx$/.test(f))
    .map((file) => ({ file: path.relative(process.cwd(), file), pattern: urlPatternOf(file) }));
}

export type ServerAction = { id: string; file: string; name: string; pages: string[] };

/** Every exported action of every "use server" file, with its id from the build. */
export function serverActions(distDir = process.env.NEXT_DIST_DIR ?? ".next"): { actions: ServerAction[]; unbuilt: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  const declared = walk(APP)
    .filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/.test(readFileSync(f, "utf8")))
    .flatMap((f) => {
      const file = path.relative(process.cwd(), f);
      const names = [...readFileSync(f, "utf8").matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g)].map((m) => m[1]!);
      return names.map((name) => ({ file, name }));
    });
  const actions: ServerAction[] = [];
  const unbuilt: string[] = [];
  for (const { file, name } of declared) {
    const entry = Object.entries(manifest.node).find(([, v]) => v.filename === file.split(path.sep).join("/") && v.exportedName === name);
    if (!entry) {
      unbuilt.push(`${file}#${name}`);
      continue;
    }
    const pages = Object.keys(entry[1].workers)
      .filter((w) => w.endsWith("/page"))
      .map((w) => urlPatternOf(path.join(process.cwd(), `${w}.tsx`)));
    actions.push({ id: entry[0], file, name, pages });
  }
  return { actions, unbuilt };
}
