import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { rowsOf } from "@/db/client";
import { applicationStatusEnum, channelEnum, licenceStatusEnum, sexEnum } from "@/db/schema/enums";
import { createTestDatabase } from "@/db/testing";
import { seedDatabase } from "@/db/seed";
import { signingKeyFromSeed } from "@/lib/licences/signing";
import { locales } from "./config";
import { labellerFrom, optionLabel, type LabelGroup } from "./labels";
import { noteText, parseSystemNote, systemNote, type NoteTranslator } from "./system-notes";

const dir = path.join(__dirname, "messages");
const catalogue = (locale: string) =>
  Object.fromEntries(["labels", "notes"].map((ns) => [ns, JSON.parse(readFileSync(path.join(dir, locale, `${ns}.json`), "utf8")) as unknown]));
function translator(locale: string): NoteTranslator {
  const t = createTranslator({ locale, messages: catalogue(locale) as Record<string, string> });
  const tr = ((k: string, p?: Record<string, string | number>) => t(k, p)) as NoteTranslator;
  tr.has = (k: string) => t.has(k);
  return tr;
}

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db, { seed: "labels", persons: 300, applications: 150, today: "2026-10-15", signingKey: signingKeyFromSeed("11".repeat(32)), passwordHash: "x" });
});
afterAll(async () => handle.close());

describe("words, not codes", () => {
  it("labels every licence particular the library holds, in both languages", async () => {
    const keys = rowsOf<{ key: string }>(await handle.db.execute(sql`SELECT DISTINCT jsonb_object_keys(fields) AS key FROM licences ORDER BY 1`)).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(20);
    for (const locale of locales) {
      const labels = labellerFrom(translator(locale));
      expect(keys.filter((k) => !labels.has("licenceField", k)), locale).toEqual([]);
    }
    expect(labellerFrom(translator("en")).label("licenceField", "fatherIdNumber")).toBe("Father's ID number");
    expect(labellerFrom(translator("zh-CN")).label("licenceField", "weightGrams")).toBe("体重（克）");
  });

  it("labels every option a service form offers, from the definition, in the reader's language", async () => {
    const rows = rowsOf<{ code: string; form_fields: { name: string; type: string; options?: { value: string; labelZh: string; labelEn: string }[] }[] }>(
      await handle.db.execute(sql`SELECT code, form_fields FROM services`),
    );
    const selects = rows.flatMap((r) => r.form_fields.filter((f) => f.type === "select"));
    expect(selects.length).toBeGreaterThan(3);
    for (const field of selects) {
      for (const o of field.options ?? []) {
        expect(optionLabel(field, o.value, "zh-CN")).toBe(o.labelZh);
        expect(optionLabel(field, o.value, "en")).toBe(o.labelEn);
        expect(o.labelEn).not.toBe(o.value);
      }
    }
    // A value the definition does not know is shown as it is, not dropped.
    expect(optionLabel({ options: [] }, "unknown", "en")).toBe("unknown");
  });

  it("labels every status, channel and sex code", () => {
    const groups: [LabelGroup, readonly string[]][] = [
      ["applicationStatus", applicationStatusEnum.enumValues],
      ["licenceStatus", licenceStatusEnum.enumValues],
      ["channel", channelEnum.enumValues],
      ["sex", sexEnum.enumValues],
    ];
    for (const locale of locales) {
      const labels = labellerFrom(translator(locale));
      for (const [group, codes] of groups) expect(codes.filter((c) => !labels.has(group, c)), `${locale} ${group}`).toEqual([]);
    }
    expect(labellerFrom(translator("en")).label("channel", "online")).toBe("Online");
  });

  it("shows system notes in the reader's language and leaves people's own words alone", () => {
    const note = systemNote("notes.bundleIssued", { serviceZh: "出生医学证明", serviceEn: "Birth medical certificate" });
    expect(noteText(translator("zh-CN"), note)).toBe("由本次联办的“出生医学证明”签发后，从电子证照库调取");
    expect(noteText(translator("en"), note)).toBe("Issued by “Birth medical certificate” in this bundle, then taken from the licence library");
    expect(noteText(translator("en"), "缺少房产证明")).toBe("缺少房产证明");
    expect(noteText(translator("en"), null)).toBeNull();
    expect(parseSystemNote("§{broken")).toBeNull();
    expect(parseSystemNote('§{"key":"errors.x"}')).toBeNull();
  });

  it("has, in both languages, every system note key that lib writes", () => {
    const sources: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts")) sources.push(readFileSync(p, "utf8"));
      }
    };
    walk(path.join(__dirname, ".."));
    const keys = [...new Set(sources.flatMap((s) => [...s.matchAll(/systemNote\("(notes\.[A-Za-z]+)"/g)].map((m) => m[1]!)))];
    expect(keys.length).toBeGreaterThanOrEqual(5);
    for (const locale of locales) expect(keys.filter((k) => !translator(locale).has(k)), locale).toEqual([]);
  });
});
