import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { departments, divisions, licenceTypes, serviceMaterials, services, serviceVersions } from "@/db/schema";
import type { DefinitionIssue } from "@/lib/eligibility/definition-schema";
import { referencesOf } from "@/lib/eligibility/definition-schema";
import { parseServiceDefinition, type ServiceDefinition } from "./service-definition";

/**
 * The live document of a service: its row and the materials of its current version, as the
 * designer opens it and as version N is snapshotted before N+1 replaces it.
 */
export async function loadLiveDefinition(db: Executor, serviceId: string): Promise<{ definition: ServiceDefinition; version: number } | null> {
  const [row] = await db
    .select({ s: services, department: departments.code, issues: licenceTypes.key })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .leftJoin(licenceTypes, eq(licenceTypes.id, services.issuesLicenceTypeId))
    .where(eq(services.id, serviceId));
  if (!row) return null;
  const mats = await db
    .select({ m: serviceMaterials, licence: licenceTypes.key })
    .from(serviceMaterials)
    .leftJoin(licenceTypes, eq(licenceTypes.id, serviceMaterials.licenceTypeId))
    .where(and(eq(serviceMaterials.serviceId, serviceId), eq(serviceMaterials.version, row.s.version)))
    .orderBy(asc(serviceMaterials.position));
  const s = row.s;
  const definition: ServiceDefinition = {
    code: s.code,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    department: row.department,
    theme: s.theme as ServiceDefinition["theme"],
    keywords: s.keywords,
    descriptionZh: s.descriptionZh,
    descriptionEn: s.descriptionEn,
    whoMayApplyZh: s.whoMayApplyZh,
    whoMayApplyEn: s.whoMayApplyEn,
    legalLimitDays: s.legalLimitDays,
    promisedLimitDays: s.promisedLimitDays,
    onTheSpot: s.onTheSpot,
    requiresVisit: s.requiresVisit,
    feeYuan: s.feeYuan,
    form: s.formFields.map((f) => ({ ...f, prefill: f.prefill as ServiceDefinition["form"][number]["prefill"] })),
    materials: mats.map(({ m, licence }) => ({
      nameZh: m.nameZh,
      nameEn: m.nameEn,
      kind: m.kind,
      licence,
      subject: m.subject,
      required: m.required,
      notesZh: m.notesZh,
      notesEn: m.notesEn,
    })),
    issues: row.issues,
    approvalHints: s.approvalHints,
    workflow: s.workflow,
    automaticChecks: s.automaticChecks,
    eligibility: s.eligibility,
  };
  return { definition, version: s.version };
}

/** The document of `version` of a service: the kept version, or the live row when it is the current one. */
export async function loadDefinitionVersion(db: Executor, serviceId: string, version: number): Promise<ServiceDefinition | null> {
  const [kept] = await db
    .select({ definition: serviceVersions.definition })
    .from(serviceVersions)
    .where(and(eq(serviceVersions.serviceId, serviceId), eq(serviceVersions.version, version)));
  if (kept) {
    const parsed = parseServiceDefinition(kept.definition);
    if (parsed.ok) return parsed.value;
  }
  const live = await loadLiveDefinition(db, serviceId);
  return live && live.version === version ? live.definition : null;
}

export type ResolvedReferences = { departmentId: string; licenceTypeIds: Map<string, string> };

/**
 * Checks that everything a document names exists — the department, each licence type (of
 * materials, output and rule), each division and service the rule names — in one query, and
 * resolves the ids the rows need. Issues carry the path of the part that names the missing thing.
 */
export async function checkDefinitionReferences(
  db: Executor,
  d: ServiceDefinition,
): Promise<{ ok: true; refs: ResolvedReferences } | { ok: false; issues: DefinitionIssue[] }> {
  const rule = d.eligibility ? referencesOf(d.eligibility) : { licences: new Set<string>(), divisions: new Set<string>(), services: new Set<string>() };
  const licenceKeys = new Set<string>([...rule.licences]);
  d.materials.forEach((m) => m.licence && licenceKeys.add(m.licence));
  if (d.issues) licenceKeys.add(d.issues);
  const list = (values: Iterable<string>) => {
    const v = [...values];
    return v.length === 0 ? sql`NULL` : sql.join(v.map((x) => sql`${x}`), sql`, `);
  };
  const found = rowsOf<{ kind: string; key: string; id: string }>(
    await db.execute(sql`SELECT 'department' AS kind, code AS key, id::text AS id FROM ${departments} WHERE code = ${d.department}
      UNION ALL SELECT 'licence', key, id::text FROM ${licenceTypes} WHERE key IN (${list(licenceKeys)})
      UNION ALL SELECT 'division', code, code FROM ${divisions} WHERE code IN (${list(rule.divisions)})
      UNION ALL SELECT 'service', code, id::text FROM ${services} WHERE code IN (${list(rule.services)})`),
  );
  const has = (kind: string, k: string) => found.some((r) => r.kind === kind && r.key === k);
  const issues: DefinitionIssue[] = [];
  if (!has("department", d.department)) issues.push({ path: "department", message: "catalogueAdmin.errors.unknownDepartment" });
  d.materials.forEach((m, i) => {
    if (m.licence && !has("licence", m.licence)) issues.push({ path: `materials[${i}].licence`, message: "catalogueAdmin.errors.unknownLicence" });
  });
  if (d.issues && !has("licence", d.issues)) issues.push({ path: "issues", message: "catalogueAdmin.errors.unknownLicence" });
  for (const k of rule.licences) if (!has("licence", k)) issues.push({ path: "eligibility", message: "catalogueAdmin.errors.ruleUnknownLicence", params: { key: k } });
  for (const k of rule.divisions) if (!has("division", k)) issues.push({ path: "eligibility", message: "catalogueAdmin.errors.ruleUnknownDivision", params: { key: k } });
  for (const k of rule.services) if (!has("service", k) && k !== d.code) issues.push({ path: "eligibility", message: "catalogueAdmin.errors.ruleUnknownService", params: { key: k } });
  if (issues.length > 0) return { ok: false, issues };
  const departmentId = found.find((r) => r.kind === "department")?.id ?? "";
  return { ok: true, refs: { departmentId, licenceTypeIds: new Map(found.filter((r) => r.kind === "licence").map((r) => [r.key, r.id])) } };
}

/** The services row of a document (without id and version). */
export function serviceRowOf(d: ServiceDefinition, refs: ResolvedReferences) {
  return {
    code: d.code,
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    departmentId: refs.departmentId,
    theme: d.theme,
    descriptionZh: d.descriptionZh,
    descriptionEn: d.descriptionEn,
    whoMayApplyZh: d.whoMayApplyZh,
    whoMayApplyEn: d.whoMayApplyEn,
    keywords: d.keywords,
    legalLimitDays: d.legalLimitDays,
    promisedLimitDays: d.promisedLimitDays,
    onTheSpot: d.onTheSpot,
    requiresVisit: d.requiresVisit,
    feeYuan: d.feeYuan,
    formFields: d.form,
    approvalHints: d.approvalHints,
    issuesLicenceTypeId: d.issues ? (refs.licenceTypeIds.get(d.issues) ?? null) : null,
    workflow: d.workflow,
    eligibility: d.eligibility,
    automaticChecks: d.automaticChecks,
  };
}

/** The service_materials rows of a document's version. */
export function materialRowsOf(d: ServiceDefinition, refs: ResolvedReferences, serviceId: string, version: number) {
  return d.materials.map((m, i) => ({
    serviceId,
    version,
    position: i + 1,
    nameZh: m.nameZh,
    nameEn: m.nameEn,
    kind: m.kind,
    licenceTypeId: m.licence ? (refs.licenceTypeIds.get(m.licence) ?? null) : null,
    subject: m.subject,
    required: m.required,
    notesZh: m.notesZh,
    notesEn: m.notesEn,
  }));
}

/** Service ids by code, for the import's "exists already?" (one query). */
export async function serviceIdsByCode(db: Executor, codes: readonly string[]): Promise<Map<string, { id: string; version: number; departmentId: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: services.id, code: services.code, version: services.version, departmentId: services.departmentId })
    .from(services)
    .where(inArray(services.code, [...codes]));
  return new Map(rows.map((r) => [r.code, { id: r.id, version: r.version, departmentId: r.departmentId }]));
}
