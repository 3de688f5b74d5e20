import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDefinitions } from "./criteria";

const messages = (locale: string) =>
  JSON.parse(readFileSync(path.join(__dirname, "../../i18n/messages", locale, "proactive.json"), "utf8")) as {
    checks: { criteria: Record<string, string> };
  };

describe("check definitions", () => {
  it("name each criterion once, and the clerk's page has a label for every one in both locales", () => {
    for (const def of checkDefinitions) {
      const keys = def.criteria.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const locale of ["zh-CN", "en"]) {
        for (const key of keys) expect(messages(locale).checks.criteria[key], `${locale} ${key}`).toBeTruthy();
      }
    }
  });
});
