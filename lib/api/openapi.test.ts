import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, requestBodySchema } from "./openapi";
import { operations } from "./operations";

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument() as Json & { paths: Record<string, Record<string, Json>>; components: Json };

/** Every route.ts under app/api/v1, relative to it. */
function routeFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full, base);
    return name === "route.ts" ? [path.relative(base, full).split(path.sep).join("/")] : [];
  });
}

/** Each `$ref` in the document, with where it sits. */
function refs(node: unknown, at = "#"): { ref: string; at: string }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => refs(n, `${at}/${i}`));
  if (node && typeof node === "object") {
    return Object.entries(node as Json).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [{ ref: v, at }] : refs(v, `${at}/${k}`)));
  }
  return [];
}

function resolve(ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), doc);
}

/** Next's folder names as OpenAPI path templates: [identifier] → {identifier}. */
const templateOf = (routeFile: string) =>
  `/api/v1/${path.posix.dirname(routeFile)}`.replace(/\/\.$/, "").replace(/\[(\w+)\]/g, "{$1}");

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with a bearer API key scheme", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components).toMatchObject({ securitySchemes: { apiKey: { type: "http", scheme: "bearer" } } });
  });

  it("describes every operation's path and method, with problem responses", () => {
    for (const op of operations) {
      const described = doc.paths[`/api/v1${op.path}`]?.[op.method.toLowerCase()];
      expect(described, `${op.method} ${op.path}`).toBeDefined();
      const responses = described!.responses as Record<string, unknown>;
      for (const status of [String(op.successStatus), "401", "422", "429", ...op.problems.map(String)]) {
        expect(responses[status], `${op.operationId} ${status}`).toBeDefined();
      }
      expect(described!.security).toEqual([{ apiKey: [] }]);
    }
  });

  it("resolves every $ref", () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(10);
    for (const { ref, at } of all) expect(resolve(ref), `${ref} at ${at}`).toBeDefined();
  });

  it("states each request body exactly as the zod schema the operation parses with", () => {
    for (const op of operations.filter((o) => o.body)) {
      const described = doc.paths[`/api/v1${op.path}`]![op.method.toLowerCase()]!;
      const ref = ((described.requestBody as Json).content as Record<string, { schema: { $ref: string } }>)["application/json"]!.schema.$ref;
      expect(resolve(ref)).toEqual(requestBodySchema(op));
    }
    const issue = resolve("#/components/schemas/IssueLicenceRequest") as { required: string[]; properties: Json };
    expect(issue.required.sort()).toEqual(["holderIdNumber", "typeKey"]);
    expect(Object.keys(issue.properties)).toContain("validUntil");
  });

  it("describes every route file under app/api/v1, and every operation names a real route file", () => {
    const root = path.resolve(__dirname, "../../app/api/v1");
    const files = routeFiles(root);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      if (file === "openapi.json/route.ts") continue; // the document itself
      const template = templateOf(file);
      const ops = operations.filter((o) => o.routeFile === file);
      expect(ops.length, `${file} has no operation in the OpenAPI document`).toBeGreaterThan(0);
      for (const op of ops) expect(doc.paths[template]?.[op.method.toLowerCase()], `${file} → ${template}`).toBeDefined();
      // The methods the file exports are exactly the described ones.
      const exported = [...readFileSync(path.join(root, file), "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
      expect(exported.sort(), file).toEqual(ops.map((o) => o.method).sort());
    }
    for (const op of operations) expect(files).toContain(op.routeFile);
  });
});
