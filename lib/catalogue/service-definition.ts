/**
 * A service as one document (事项要素): everything the catalogue says about it — identity,
 * who may apply, limits, the form, the materials, what it issues, the workflow, the automatic
 * checks and who it is for. The designer edits it, import/export carry it, and every published
 * version is kept whole (service_versions), so an application shows what it was filed under.
 *
 * The schema checks shape; checkDefinitionReferences checks what it names exists (department,
 * licence types, divisions, services). Both report errors with the path of the part
 * ("materials[2].licence") and a message key under catalogueAdmin.errors, or zod's own text.
 */
import { z } from "zod";
import { materialKindEnum, materialSubjectEnum, serviceThemes } from "@/db/schema/enums";

export { serviceThemes };
import { formatPath, issueMessage, parseEligibility, type DefinitionIssue, type EligibilityDefinition } from "@/lib/eligibility/definition-schema";
import { hasCheckSet } from "@/lib/eligibility/checks/criteria";
import { workflowSchema } from "@/lib/workflows/workflow-schema";

/** Base-data paths a form field may be pre-filled from (lib/applications/prefill.ts reads them). */
export const PREFILL_PATHS = [
  "person.name",
  "person.idNumber",
  "person.phone",
  "person.residenceAddress",
  "person.hukouAddress",
  "spouse.name",
  "spouse.idNumber",
  "child.name",
  "child.idNumber",
  "child.birthDate",
  "child.sex",
] as const;

export const FIELD_TYPES = ["text", "date", "select", "number", "id_number", "phone", "textarea"] as const;

const zh = z.string().trim().min(1).max(200);
const en = z.string().trim().min(1).max(400);
const longZh = z.string().trim().min(1).max(4000);
const longEn = z.string().trim().min(1).max(8000);
const key = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, "catalogueAdmin.errors.key");

/** A service code: letters, digits, _ and -, as it appears in addresses (/services/<code>). */
export const serviceCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,62}$/, "catalogueAdmin.errors.code")
  // The designer's own addresses (/admin/services/new, …/import, …/export) are not service codes.
  .refine((c) => !["new", "import", "export"].includes(c), "catalogueAdmin.errors.code");

export const formFieldSchema = z
  .strictObject({
    name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/, "catalogueAdmin.errors.fieldName"),
    type: z.enum(FIELD_TYPES),
    labelZh: zh,
    labelEn: en,
    required: z.boolean().default(true),
    prefill: z.enum(PREFILL_PATHS).optional(),
    options: z.array(z.strictObject({ value: z.string().regex(/^[a-z0-9_]{1,40}$/), labelZh: zh, labelEn: en })).min(2).max(50).optional(),
  })
  .refine((f) => (f.type === "select") === (f.options !== undefined), { message: "catalogueAdmin.errors.options", path: ["options"] });

export const materialSchema = z
  .strictObject({
    nameZh: zh,
    nameEn: en,
    /** licence: pulled from the library; upload: a scan the resident sends; form: the application form itself. */
    kind: z.enum(materialKindEnum.enumValues),
    /** The library's licence type (licence_types.key), for kind licence only. */
    licence: key.nullable().default(null),
    /** Whose it is: the applicant's, or the spouse's, child's or parent's concerned. */
    subject: z.enum(materialSubjectEnum.enumValues).default("applicant"),
    required: z.boolean().default(true),
    notesZh: z.string().trim().max(500).nullable().default(null),
    notesEn: z.string().trim().max(1000).nullable().default(null),
  })
  .refine((m) => (m.kind === "licence") === (m.licence !== null), { message: "catalogueAdmin.errors.materialLicence", path: ["licence"] });

export const serviceDefinitionSchema = z
  .strictObject({
    code: serviceCodeSchema,
    nameZh: zh,
    nameEn: en,
    /** The department that decides it (departments.code). */
    department: key,
    theme: z.enum(serviceThemes),
    /** Space-separated search words. */
    keywords: z.string().trim().max(500).default(""),
    descriptionZh: longZh,
    descriptionEn: longEn,
    whoMayApplyZh: longZh,
    whoMayApplyEn: longEn,
    legalLimitDays: z.number().int().min(0).max(365),
    promisedLimitDays: z.number().int().min(0).max(365),
    onTheSpot: z.boolean().default(false),
    requiresVisit: z.boolean().default(false),
    feeYuan: z.number().int().min(0).max(1_000_000).default(0),
    form: z.array(formFieldSchema).max(60).default([]),
    materials: z.array(materialSchema).max(40).default([]),
    /** The licence type approval writes into the library (licence_types.key), or null. */
    issues: key.nullable().default(null),
    approvalHints: z.array(z.strictObject({ zh, en })).max(20).default([]),
    /** The steps (lib/workflows/workflow-schema.ts); null follows the default accept → decide. */
    workflow: workflowSchema.nullable().default(null),
    /** A code-defined set of automatic checks (lib/eligibility/checks/criteria.ts), or null. */
    automaticChecks: z.string().nullable().default(null),
    /** Who the service is for (lib/eligibility/definition-schema.ts); null when anyone may apply. */
    eligibility: z.unknown().nullable().default(null),
  })
  .superRefine((d, ctx) => {
    if (d.promisedLimitDays > d.legalLimitDays) ctx.addIssue({ code: "custom", path: ["promisedLimitDays"], message: "catalogueAdmin.errors.promisedOverLegal" });
    if (d.onTheSpot && d.promisedLimitDays !== 0) ctx.addIssue({ code: "custom", path: ["promisedLimitDays"], message: "catalogueAdmin.errors.onTheSpotLimit" });
    const names = new Set<string>();
    d.form.forEach((f, i) => {
      if (names.has(f.name)) ctx.addIssue({ code: "custom", path: ["form", i, "name"], message: "catalogueAdmin.errors.duplicateField" });
      names.add(f.name);
    });
    if (d.automaticChecks !== null && !hasCheckSet(d.automaticChecks)) {
      ctx.addIssue({ code: "custom", path: ["automaticChecks"], message: "catalogueAdmin.errors.unknownChecks" });
    }
  });

export type ServiceDefinition = Omit<z.output<typeof serviceDefinitionSchema>, "eligibility"> & {
  eligibility: EligibilityDefinition | null;
};
export type ServiceDefinitionInput = z.input<typeof serviceDefinitionSchema>;

/**
 * Parses a document as the designer or an import sends it: the shape, then the eligibility
 * rule (its errors are prefixed "eligibility."). Nothing partial is returned.
 */
export function parseServiceDefinition(input: unknown): { ok: true; value: ServiceDefinition } | { ok: false; issues: DefinitionIssue[] } {
  const parsed = serviceDefinitionSchema.safeParse(input);
  // The rule is checked whatever the rest says, so the designer shows all problems at once.
  const raw = typeof input === "object" && input !== null ? (input as { eligibility?: unknown }).eligibility : undefined;
  const rule = raw === undefined || raw === null ? null : parseEligibility(raw);
  const ruleIssues = rule && !rule.ok ? rule.issues.map((i) => ({ ...i, path: i.path ? `eligibility.${i.path}` : "eligibility" })) : [];
  if (!parsed.success) {
    return { ok: false, issues: [...parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: issueMessage(i) })), ...ruleIssues] };
  }
  if (ruleIssues.length > 0) return { ok: false, issues: ruleIssues };
  return { ok: true, value: { ...parsed.data, eligibility: rule?.ok ? rule.value : null } };
}

/**
 * The parts of two documents that differ, by path ("promisedLimitDays", "materials[1]",
 * "eligibility"), for the audit row and the designer's "what changes" list.
 */
export function diffDefinitions(before: ServiceDefinition | null, after: ServiceDefinition): { path: string; before: unknown; after: unknown }[] {
  if (!before) return [{ path: "", before: null, after: "created" }];
  const out: { path: string; before: unknown; after: unknown }[] = [];
  const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
  for (const k of Object.keys(after) as (keyof ServiceDefinition)[]) {
    const a = before[k];
    const b = after[k];
    if (same(a, b)) continue;
    if (Array.isArray(a) && Array.isArray(b) && (k === "materials" || k === "form" || k === "approvalHints")) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (!same(a[i], b[i])) out.push({ path: `${k}[${i}]`, before: a[i] ?? null, after: b[i] ?? null });
      }
    } else out.push({ path: k, before: a, after: b });
  }
  return out;
}

/** JSON with keys sorted and undefined dropped: two documents that say the same thing compare equal. */
export function canonicalJson(value: unknown): string {
  const norm = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(norm)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .filter(([, x]) => x !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, x]) => [k, norm(x)]),
          )
        : v;
  return JSON.stringify(norm(value));
}

/** Whether two documents say the same (after parsing, so defaults count as written). */
export function sameDefinition(a: ServiceDefinition, b: ServiceDefinition): boolean {
  const pa = parseServiceDefinition(a);
  const pb = parseServiceDefinition(b);
  return pa.ok && pb.ok && canonicalJson(pa.value) === canonicalJson(pb.value);
}
