import type { ServiceFormField } from "@/db/schema/catalogue";
import { noteText, type NoteTranslator } from "./system-notes";

/**
 * One place that turns the codes a person reads into words of their language:
 *
 *  - form options (`post`, `father`, `owned`, `female`): the service definition's own option
 *    labels, which the form showed when the resident chose — optionLabel;
 *  - licence particulars (`fatherIdNumber`, `weightGrams`), channels, sexes, statuses and the
 *    like: the "labels" message catalogue (labels.<group>.<code>) — label;
 *  - notes the system wrote: message keys with parameters (system-notes.ts) — note.
 *
 * A code without a label is shown as it is rather than hidden, and labels.test.ts fails
 * for every code the data can hold that has none.
 */
export type LabelGroup = "licenceField" | "channel" | "sex" | "applicationStatus" | "licenceStatus" | "yesNo";

type Option = NonNullable<ServiceFormField["options"]>[number];

/** The label of a chosen option in both languages, or null when the field has no such option. */
export function optionLabels(field: Pick<ServiceFormField, "options">, value: unknown): { zh: string; en: string } | null {
  if (typeof value !== "string" || !field.options) return null;
  const option: Option | undefined = field.options.find((o) => o.value === value);
  return option ? { zh: option.labelZh, en: option.labelEn } : null;
}

export function optionLabel(field: Pick<ServiceFormField, "options">, value: unknown, locale: string): string {
  const labels = optionLabels(field, value);
  if (labels) return locale === "en" ? labels.en : labels.zh;
  if (typeof value === "string") return value;
  return typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

export type Labeller = {
  label: (group: LabelGroup, code: string) => string;
  has: (group: LabelGroup, code: string) => boolean;
  note: (note: string | null) => string | null;
};

/** Labels from a root translator of the reader's language (next-intl getTranslations() or createTranslator). */
export function labellerFrom(t: NoteTranslator): Labeller {
  const has = (group: LabelGroup, code: string) => t.has(`labels.${group}.${code}`);
  return {
    has,
    label: (group, code) => (has(group, code) ? t(`labels.${group}.${code}`) : code),
    note: (note) => noteText(t, note),
  };
}
