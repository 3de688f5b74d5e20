import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "./config";
import { namespaces } from "./namespaces";

const dir = path.join(__dirname, "messages");
const load = (locale: string, ns: string) =>
  JSON.parse(readFileSync(path.join(dir, locale, `${ns}.json`), "utf8")) as Record<string, unknown>;

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  it("has a file for every namespace in every locale, and no stray files", () => {
    for (const locale of locales) {
      expect(readdirSync(path.join(dir, locale)).sort()).toEqual(namespaces.map((n) => `${n}.json`).sort());
    }
  });

  it.each(namespaces)("%s has the same keys in Chinese and English, none empty", (ns) => {
    const zh = keys(load("zh-CN", ns)).sort();
    expect(keys(load("en", ns)).sort()).toEqual(zh);
    for (const locale of locales) {
      for (const key of keys(load(locale, ns))) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], load(locale, ns));
        expect(typeof value === "string" && value.trim().length > 0, `${locale}/${ns}: ${key}`).toBe(true);
      }
    }
  });
});
