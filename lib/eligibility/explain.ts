/**
 * The reason a resident reads, generated from the criteria that held (compile.ts writes which
 * ones, with the values only the data knows). Pure: the caller loads the names the definition
 * refers to (loadReasonLabels) and renders the phrases in the page's language
 * (components/eligibility/reason-text.tsx), so one definition gives the same reason on the
 * resident's home page and in the supervisor's proactive list.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { nodesOf, referencesOf, type Condition, type EligibilityDefinition } from "./definition-schema";

export type Bilingual = { zh: string; en: string };
export type ReasonValue = string | number | readonly string[] | Bilingual;

/** One phrase: message key `criteria.<key>`, whose data it is about, and its values. */
export type ReasonPhrase = { key: string; of: "subject" | "applicant"; values: Record<string, ReasonValue> };
export type Reason = { phrases: ReasonPhrase[]; benefit: Bilingual | null };

/** Names of what definitions refer to, in both languages. */
export type ReasonLabels = {
  licences: ReadonlyMap<string, Bilingual>;
  divisions: ReadonlyMap<string, Bilingual>;
  services: ReadonlyMap<string, Bilingual>;
};

/** A part of compile.ts's reason array. */
export type Part = { i: number; neg?: boolean } & Record<string, unknown>;

const isPart = (x: unknown): x is Part => typeof x === "object" && x !== null && typeof (x as Part).i === "number";
const text = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const num = (v: unknown): number => (typeof v === "number" ? v : Number(v));

function label(map: ReadonlyMap<string, Bilingual>, key: string): Bilingual {
  return map.get(key) ?? { zh: key, en: key };
}

export function phraseOf(node: Condition, part: Part, labels: ReasonLabels, today: string): ReasonPhrase {
  if (node.is === "all" || node.is === "any" || node.is === "not") return { key: "compound.no", of: "subject", values: {} };
  const neg = part.neg === true;
  const of = node.of;
  const at = (variant: string, values: Record<string, ReasonValue> = {}): ReasonPhrase => ({ key: `${node.is}.${variant}`, of, values });
  const reached = (date: string) => (date <= today ? "yes" : "ahead");
  switch (node.is) {
    case "ageAtLeast":
      return neg ? at("no", { years: node.years }) : at(reached(text(part.date)), { years: node.years, date: text(part.date) });
    case "ageUnder":
      return neg ? at("no", { years: node.years }) : at("yes", { years: node.years, birthDate: text(part.birthDate) });
    case "ageByCutoff":
      return neg
        ? at("no", { years: node.years })
        : at(reached(text(part.date)), { years: node.years, date: text(part.date), year: num(part.year), cutoff: `2000-${node.cutoff}` });
    case "hukouIn":
    case "residesIn":
      return at(neg ? "no" : "yes", { division: label(labels.divisions, node.division) });
    case "hukouRegistered":
      return at(neg ? "no" : "yes");
    case "residentFor":
      return neg ? at("no", { months: node.months }) : at("yes", { months: node.months, since: text(part.since) });
    case "maritalStatus":
    case "insurance":
      return at(neg ? "no" : "yes", { statuses: node.status });
    case "employment":
      return neg ? at("no", { statuses: node.status }) : at("yes", { statuses: node.status, since: text(part.since) });
    case "beforeRetirement":
      return neg ? at("no") : at("yes", { date: text(part.date) });
    case "sex":
      return at(neg ? "no" : "yes", { sex: node.sex });
    case "insuredMonths":
      return neg ? at("no", { atLeast: node.atLeast }) : at("yes", { atLeast: node.atLeast, months: num(part.months) });
    case "holdsLicence":
      return at(neg ? "no" : "yes", { licence: label(labels.licences, node.licence) });
    case "hasApplied":
      return at(neg ? "no" : "yes", { service: label(labels.services, node.service) });
    case "hasChild":
      return neg ? at("no") : at("yes", { name: text(part.name), count: num(part.count) });
  }
}

/** The criterion itself, neutral (`criteria.<is>.title`): what the clerk's check names before its result. */
export function titleOf(node: Condition, labels: ReasonLabels): ReasonPhrase {
  if (node.is === "all" || node.is === "any" || node.is === "not") return { key: "compound.no", of: "subject", values: {} };
  const of = node.of;
  const t = (values: Record<string, ReasonValue> = {}): ReasonPhrase => ({ key: `${node.is}.title`, of, values });
  switch (node.is) {
    case "ageAtLeast":
    case "ageUnder":
      return t({ years: node.years });
    case "ageByCutoff":
      return t({ years: node.years, cutoff: `2000-${node.cutoff}` });
    case "hukouIn":
    case "residesIn":
      return t({ division: label(labels.divisions, node.division) });
    case "residentFor":
      return t({ months: node.months });
    case "maritalStatus":
    case "insurance":
    case "employment":
      return t({ statuses: node.status });
    case "sex":
      return t({ sex: node.sex });
    case "insuredMonths":
      return t({ atLeast: node.atLeast });
    case "holdsLicence":
      return t({ licence: label(labels.licences, node.licence) });
    case "hasApplied":
      return t({ service: label(labels.services, node.service) });
    case "hukouRegistered":
    case "beforeRetirement":
    case "hasChild":
      return t();
  }
}

/**
 * The phrases of a reason array, in the order the criteria are written. A part whose node
 * the definition no longer has (the definition changed between query and render) is skipped.
 */
export function explainReason(def: EligibilityDefinition, reason: unknown, labels: ReasonLabels, today: string): Reason {
  const nodes = nodesOf(def.when);
  const parts = Array.isArray(reason) ? reason.filter(isPart) : [];
  const phrases: ReasonPhrase[] = [];
  for (const part of parts) {
    const node = nodes[part.i];
    if (node) phrases.push(phraseOf(node, part, labels, today));
  }
  const benefit = def.benefitZh || def.benefitEn ? { zh: def.benefitZh ?? def.benefitEn ?? "", en: def.benefitEn ?? def.benefitZh ?? "" } : null;
  return { phrases, benefit };
}

const EMPTY: ReasonLabels = { licences: new Map(), divisions: new Map(), services: new Map() };

/** The names of every licence type, division and service the definitions refer to: one query. */
export async function loadReasonLabels(db: Executor, defs: readonly EligibilityDefinition[]): Promise<ReasonLabels> {
  const licences = new Set<string>();
  const divisions = new Set<string>();
  const services = new Set<string>();
  for (const def of defs) {
    const refs = referencesOf(def);
    refs.licences.forEach((k) => licences.add(k));
    refs.divisions.forEach((k) => divisions.add(k));
    refs.services.forEach((k) => services.add(k));
  }
  if (licences.size + divisions.size + services.size === 0) return EMPTY;
  const list = (values: Set<string>) => (values.size === 0 ? sql`NULL` : sql.join([...values].map((v) => sql`${v}`), sql`, `));
  const rows = rowsOf<{ kind: "licence" | "division" | "service"; key: string; zh: string; en: string }>(
    await db.execute(sql`SELECT 'licence' AS kind, key, name_zh AS zh, name_en AS en FROM licence_types WHERE key IN (${list(licences)})
      UNION ALL SELECT 'division', code, name_zh, name_en FROM divisions WHERE code IN (${list(divisions)})
      UNION ALL SELECT 'service', code, name_zh, name_en FROM services WHERE code IN (${list(services)})`),
  );
  const out = { licences: new Map<string, Bilingual>(), divisions: new Map<string, Bilingual>(), services: new Map<string, Bilingual>() };
  for (const r of rows) (r.kind === "licence" ? out.licences : r.kind === "division" ? out.divisions : out.services).set(r.key, { zh: r.zh, en: r.en });
  return out;
}
