import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Bilingual, Reason, ReasonPhrase, ReasonValue } from "@/lib/eligibility/explain";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUS_GROUPS: Record<string, string> = { maritalStatus: "maritalStatus", employment: "employment", insurance: "insurance" };

const isBilingual = (v: ReasonValue): v is Bilingual => typeof v === "object" && v !== null && !Array.isArray(v) && "zh" in v;

/** Who a phrase is about, for a reader: the resident themself ("您"), the applicant, or the subject. */
export type PhraseParties = { subjectName: string; forSelf: boolean; applicantName?: string | null };

/** Renders eligibility phrases (criteria.<key>) in the reader's language, one string each. */
export async function phraseRenderer({ subjectName, forSelf, applicantName = null }: PhraseParties) {
  const [t, format, locale] = await Promise.all([getTranslations("eligibility"), getFormatter(), getLocale()]);
  const en = locale === "en";
  // ISO days at noon China time keep the calendar day whatever the formatter's zone.
  const date = (v: string, cutoff: boolean) =>
    format.dateTime(new Date(`${v}T12:00:00+08:00`), cutoff ? { month: "long", day: "numeric" } : { dateStyle: "long" });
  const render = (phrase: ReasonPhrase): string => {
    const [criterion = ""] = phrase.key.split(".");
    const reader = phrase.of === "applicant" ? applicantName === null : forSelf && applicantName === null;
    const who = reader ? t("you") : phrase.of === "applicant" ? (applicantName ?? "") : subjectName;
    const values: Record<string, string | number> = { who, self: reader ? "yes" : "no" };
    for (const [k, v] of Object.entries(phrase.values)) {
      if (isBilingual(v)) values[k] = en ? v.en : v.zh;
      else if (Array.isArray(v)) values[k] = v.map((s) => t(`values.${STATUS_GROUPS[criterion] ?? criterion}.${s}` as never)).join(t("or"));
      else if (k === "sex" && typeof v === "string") values[k] = t(`values.sex.${v}` as never);
      else if (typeof v === "string" && ISO_DAY.test(v)) values[k] = date(v, k === "cutoff");
      else values[k] = v as string | number;
    }
    return t(`criteria.${phrase.key}` as never, values as never);
  };
  /** A phrase standing alone, as a sentence: capitalised in English. */
  const sentence = (phrase: ReasonPhrase): string => {
    const text = render(phrase);
    return en ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  };
  return { render, sentence, t, en };
}

/**
 * A generated eligibility reason in the reader's language: one clause per criterion that held,
 * then what the service brings. `subjectName` names the person a service about someone else
 * is for; `applicantName` the one applying (null: the reader — "您"). The supervisor's list
 * passes masked names for both.
 */
export async function ReasonText({ reason, ...parties }: { reason: Reason } & PhraseParties) {
  const { render, t, en } = await phraseRenderer(parties);
  const clauses = reason.phrases.map(render);
  const benefit = reason.benefit ? (en ? reason.benefit.en : reason.benefit.zh) : "";
  let text = clauses.length > 0 ? `${clauses.join(t("separator"))}${t("end")}` : "";
  if (en && text) text = text.charAt(0).toUpperCase() + text.slice(1);
  return <>{[text, benefit].filter(Boolean).join(en ? " " : "")}</>;
}
