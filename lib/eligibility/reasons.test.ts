import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/recommendations.json";
import zh from "@/lib/i18n/messages/zh-CN/recommendations.json";
import { reasonKeys } from "./rule-types";

/** Every parameter some rule puts in reason_params, already formatted as the page would. */
const SAMPLE = { name: "王小明", date: "2026年12月8日", birthDate: "2026年11月2日", since: "2024年3月1日", sixthBirthday: "2027年3月15日", year: "2027", age: 81, when: "future" };

describe("recommendation reasons", () => {
  it.each([["zh-CN", zh] as const, ["en", en] as const])("every reason key reads as a sentence in %s", (locale, messages) => {
    const t = createTranslator({ locale, messages: { recommendations: messages }, namespace: "recommendations" });
    for (const key of reasonKeys) {
      const text = t(`reasons.${key}`, SAMPLE);
      expect(text, key).not.toMatch(/[{}]/);
      expect(text, key).not.toContain("recommendations.");
    }
    expect(t("reasons.schoolEnrolment", { ...SAMPLE, when: "past" })).not.toEqual(t("reasons.schoolEnrolment", SAMPLE));
  });
});
