import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/eligibility.json";
import zh from "@/lib/i18n/messages/zh-CN/eligibility.json";
import { CRITERIA } from "./definition-schema";

/** Every value some phrase carries, already formatted as the page would. */
const SAMPLE = {
  who: "王小明",
  self: "no",
  years: 60,
  date: "2026年12月8日",
  birthDate: "2026年11月2日",
  since: "2024年3月1日",
  cutoff: "8月31日",
  year: 2027,
  months: 6,
  atLeast: 12,
  division: "深圳市",
  statuses: "失业",
  sex: "女",
  licence: "居住证",
  service: "老年人优待证",
  name: "王小明",
  count: 1,
};

describe("eligibility reason phrases", () => {
  it.each([["zh-CN", zh] as const, ["en", en] as const])("every criterion reads as a clause in %s, for the reader and for someone else", (locale, messages) => {
    const t = createTranslator({ locale, messages: { eligibility: messages }, namespace: "eligibility" });
    const criteria = messages.criteria as Record<string, Record<string, string>>;
    for (const criterion of [...CRITERIA, "compound"]) {
      const variants = criteria[criterion];
      expect(variants, criterion).toBeDefined();
      expect(Object.keys(variants ?? {})).toContain("no");
      if (criterion !== "compound") expect(Object.keys(variants ?? {})).toContain("yes");
      for (const variant of Object.keys(variants ?? {})) {
        for (const self of ["yes", "no"]) {
          const text = t(`criteria.${criterion}.${variant}` as never, { ...SAMPLE, self } as never);
          expect(text, `${criterion}.${variant}`).not.toMatch(/[{}]/);
          expect(text, `${criterion}.${variant}`).not.toContain("eligibility.");
        }
      }
    }
    expect(t("criteria.ageAtLeast.yes" as never, { ...SAMPLE, self: "yes", who: t("you") } as never)).not.toEqual(
      t("criteria.ageAtLeast.yes" as never, SAMPLE as never),
    );
  });
});
