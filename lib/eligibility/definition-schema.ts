/**
 * The eligibility rule language: who a service is for, as data a catalogue manager edits and
 * the database stores (services.eligibility). A definition says whom the service is about —
 * the resident themselves, or a child of theirs the base register links them to — and a
 * condition: all / any / not over criteria on that subject or on the applicant. compile.ts
 * turns it into the set-wise SQL behind the resident's recommendations, the supervisor's
 * proactive lists and the bundle's admission check; explain.ts turns the criteria that held
 * into the reason the resident reads.
 *
 * Everything a definition names is checked twice: here by shape (criteria, enum values,
 * division and licence codes as strings of the right form), and when saved by
 * validateEligibilityReferences (the licence types, divisions and services must exist).
 */
import { z } from "zod";
import { employmentStatusEnum, insuranceStatusEnum, maritalStatusEnum, sexEnum } from "@/db/schema/enums";

/** Whose data a criterion reads: the person the service is about, or the one applying for them. */
export const criterionTargets = ["subject", "applicant"] as const;
const of = z.enum(criterionTargets).default("subject");

/** A GB/T 2260 code: 440000 (province), 440300 (city) or 440304 (district). */
export const divisionCode = z.string().regex(/^\d{6}$/, "catalogueAdmin.errors.division");
/** A licence type key of the library (licence_types.key). */
const licenceKey = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, "catalogueAdmin.errors.licenceKey");
/** A service code (services.code). */
const serviceCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,62}$/, "catalogueAdmin.errors.serviceCode");
const years = z.number().int().min(0).max(150);
const months = z.number().int().min(0).max(1200);
const nonEmpty = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).min(1).max(values.length);

/** A month and day, e.g. 08-31 (29 February is refused: it would move every common year). */
const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "catalogueAdmin.errors.monthDay")
  .refine((v) => {
    const [m = 0, d = 0] = v.split("-").map(Number);
    return v !== "02-29" && d <= new Date(Date.UTC(2001, m, 0)).getUTCDate();
  }, "catalogueAdmin.errors.monthDay");

const criterion = <S extends string, T extends z.ZodRawShape>(is: S, shape: T) => z.strictObject({ is: z.literal(is), of, ...shape });

export const ageAtLeast = criterion("ageAtLeast", {
  years,
  /** Tell this many months before the birthday (the card can be ready on the day). */
  leadMonths: z.number().int().min(0).max(24).default(0),
});
export const ageUnder = criterion("ageUnder", { years });
/** Of `years` by `cutoff` of the coming intake: this year's until the cutoff, next year's after it (school places). */
export const ageByCutoff = criterion("ageByCutoff", { years: z.number().int().min(1).max(30), cutoff: monthDay });
export const hukouIn = criterion("hukouIn", { division: divisionCode });
export const hukouRegistered = criterion("hukouRegistered", {});
export const residesIn = criterion("residesIn", { division: divisionCode });
/** Living at the current residence for at least this many months. */
export const residentFor = criterion("residentFor", { months: months.min(1) });
export const maritalStatus = criterion("maritalStatus", { status: nonEmpty(maritalStatusEnum.enumValues) });
export const employment = criterion("employment", { status: nonEmpty(employmentStatusEnum.enumValues) });
/** Before the statutory retirement day (2025 gradual reform). */
export const beforeRetirement = criterion("beforeRetirement", {});
export const sex = criterion("sex", { sex: z.enum(sexEnum.enumValues) });
export const insurance = criterion("insurance", { status: nonEmpty(insuranceStatusEnum.enumValues) });
export const insuredMonths = criterion("insuredMonths", { atLeast: months.min(1) });
/** Holds a licence of this type in force today (status valid, not past valid_until). "Lacks" is not(holdsLicence). */
export const holdsLicence = criterion("holdsLicence", { licence: licenceKey });
/** An application for this service about the person is in progress or completed. */
export const hasApplied = criterion("hasApplied", { service: serviceCode });

export type Criterion =
  | z.output<typeof ageAtLeast>
  | z.output<typeof ageUnder>
  | z.output<typeof ageByCutoff>
  | z.output<typeof hukouIn>
  | z.output<typeof hukouRegistered>
  | z.output<typeof residesIn>
  | z.output<typeof residentFor>
  | z.output<typeof maritalStatus>
  | z.output<typeof employment>
  | z.output<typeof beforeRetirement>
  | z.output<typeof sex>
  | z.output<typeof insurance>
  | z.output<typeof insuredMonths>
  | z.output<typeof holdsLicence>
  | z.output<typeof hasApplied>
  | HasChild;

/** Has a child (by the register) who meets `where`; the subject of `where` is the child, its applicant the parent. */
export type HasChild = { is: "hasChild"; of: "subject" | "applicant"; where: Condition; atLeast: number; atMost?: number };
export type Condition = Criterion | { is: "all"; rules: Condition[] } | { is: "any"; rules: Condition[] } | { is: "not"; rule: Condition };
export type ConditionInput = z.input<typeof conditionSchema>;

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("is", [
    ageAtLeast,
    ageUnder,
    ageByCutoff,
    hukouIn,
    hukouRegistered,
    residesIn,
    residentFor,
    maritalStatus,
    employment,
    beforeRetirement,
    sex,
    insurance,
    insuredMonths,
    holdsLicence,
    hasApplied,
    z.strictObject({
      is: z.literal("hasChild"),
      of,
      where: conditionSchema,
      atLeast: z.number().int().min(1).max(20).default(1),
      atMost: z.number().int().min(1).max(20).optional(),
    }),
    z.strictObject({ is: z.literal("all"), rules: z.array(conditionSchema).min(1).max(30) }),
    z.strictObject({ is: z.literal("any"), rules: z.array(conditionSchema).min(1).max(30) }),
    z.strictObject({ is: z.literal("not"), rule: conditionSchema }),
  ]),
);

export const CRITERIA = [
  "ageAtLeast",
  "ageUnder",
  "ageByCutoff",
  "hukouIn",
  "hukouRegistered",
  "residesIn",
  "residentFor",
  "maritalStatus",
  "employment",
  "beforeRetirement",
  "sex",
  "insurance",
  "insuredMonths",
  "holdsLicence",
  "hasApplied",
  "hasChild",
] as const satisfies readonly Criterion["is"][];

/** Whom a service is about: the resident (applicant = subject) or each child of theirs (applicant = a registered parent). */
export const eligibilitySubjects = ["self", "child"] as const;

export const eligibilityDefinitionSchema = z.strictObject({
  for: z.enum(eligibilitySubjects),
  when: conditionSchema,
  /** What the service brings, appended to the generated reason ("办理后可凭证享受乘车优待。"). */
  benefitZh: z.string().trim().max(200).optional(),
  benefitEn: z.string().trim().max(400).optional(),
});
export type EligibilityDefinition = z.output<typeof eligibilityDefinitionSchema>;
export type EligibilityDefinitionInput = z.input<typeof eligibilityDefinitionSchema>;

/** Nodes deeper than this are refused (a rule is policy, not a program). */
export const MAX_DEPTH = 6;

/** A problem with a definition: where ("when.rules[1].years"), a message key (namespace catalogueAdmin), and its values. */
export type DefinitionIssue = { path: string; message: string; params?: Record<string, string | number> };

/** The message key of a zod issue: ours when the schema named one, else one per kind of problem. */
export function issueMessage(issue: { code: string; message: string; origin?: unknown; minimum?: unknown }): string {
  if (issue.message.startsWith("catalogueAdmin.errors.")) return issue.message;
  if (issue.code === "too_small" && issue.origin === "string" && Number(issue.minimum) === 1) return "catalogueAdmin.errors.required";
  return `catalogueAdmin.errors.zod.${issue.code}`;
}

/** "when.rules[1].years" from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}

function depthOf(c: Condition): number {
  switch (c.is) {
    case "all":
    case "any":
      return 1 + Math.max(...c.rules.map(depthOf));
    case "not":
      return 1 + depthOf(c.rule);
    case "hasChild":
      return 1 + depthOf(c.where);
    default:
      return 1;
  }
}

/**
 * Parses a definition as stored or as the designer sends it. Errors carry the path of the
 * offending part ("when.rules[2].is") and a message key; nothing partial is returned.
 */
export function parseEligibility(
  input: unknown,
): { ok: true; value: EligibilityDefinition } | { ok: false; issues: DefinitionIssue[] } {
  const parsed = eligibilityDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: issueMessage(i) })) };
  }
  const issues: DefinitionIssue[] = [];
  if (depthOf(parsed.data.when) > MAX_DEPTH) issues.push({ path: "when", message: "catalogueAdmin.errors.tooDeep" });
  walk(parsed.data.when, "when", (c, path) => {
    if (c.is === "hasChild" && c.atMost !== undefined && c.atMost < c.atLeast) issues.push({ path: `${path}.atMost`, message: "catalogueAdmin.errors.countRange" });
    if (c.is === "hasChild" && parsed.data.for === "child") issues.push({ path, message: "catalogueAdmin.errors.childOfChild" });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

/** Parses or throws (for definitions the seed ships: a mistake there is a bug). */
export function eligibilityOrThrow(input: unknown): EligibilityDefinition {
  const parsed = parseEligibility(input);
  if (!parsed.ok) throw new Error(`invalid eligibility definition: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return parsed.value;
}

/**
 * Every node in depth-first order with its path; `visit` sees compounds before their parts.
 * The order is the one compile.ts numbers nodes in, so a reason part's index finds its node.
 */
export function walk(c: Condition, path: string, visit: (c: Condition, path: string, index: number) => void, counter = { n: 0 }): void {
  visit(c, path, counter.n++);
  if (c.is === "all" || c.is === "any") c.rules.forEach((r, i) => walk(r, `${path}.rules[${i}]`, visit, counter));
  else if (c.is === "not") walk(c.rule, `${path}.rule`, visit, counter);
  else if (c.is === "hasChild") walk(c.where, `${path}.where`, visit, counter);
}

/** The nodes of a condition by their depth-first index. */
export function nodesOf(c: Condition): Condition[] {
  const out: Condition[] = [];
  walk(c, "when", (node) => out.push(node));
  return out;
}

/** What a definition refers to outside itself, for validateEligibilityReferences. */
export function referencesOf(def: EligibilityDefinition): { licences: Set<string>; divisions: Set<string>; services: Set<string> } {
  const refs = { licences: new Set<string>(), divisions: new Set<string>(), services: new Set<string>() };
  walk(def.when, "when", (c) => {
    if (c.is === "holdsLicence") refs.licences.add(c.licence);
    if (c.is === "hukouIn" || c.is === "residesIn") refs.divisions.add(c.division);
    if (c.is === "hasApplied") refs.services.add(c.service);
  });
  return refs;
}

/** The prefix a division code covers: 440300 → 4403, 440000 → 44, 440304 → 440304. */
export function divisionPrefix(code: string): string {
  if (!/^\d{6}$/.test(code)) throw new RangeError(`not a division code: ${code}`);
  return code.endsWith("0000") ? code.slice(0, 2) : code.endsWith("00") ? code.slice(0, 4) : code;
}
