import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import enFile from "@/lib/i18n/messages/en/licenceFile.json";
import enLabels from "@/lib/i18n/messages/en/labels.json";
import zhFile from "@/lib/i18n/messages/zh-CN/licenceFile.json";
import zhLabels from "@/lib/i18n/messages/zh-CN/labels.json";

export type LicenceFileTranslator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/**
 * The licence file's words in one language, outside a request (the route handler passes the
 * reader's locale). Keys are built from codes (field names, statuses), so it takes any string.
 */
export function licenceFileTranslator(locale: Locale): LicenceFileTranslator {
  const messages = locale === "en" ? { licenceFile: enFile, labels: enLabels } : { licenceFile: zhFile, labels: zhLabels };
  const t = createTranslator({ locale, messages: messages as unknown as Record<string, string>, timeZone: "Asia/Shanghai" });
  const translate = ((key: string, values?: Record<string, string | number>) => t(key, values)) as LicenceFileTranslator;
  translate.has = (key: string) => t.has(key);
  return translate;
}
