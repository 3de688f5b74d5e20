import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { containsPattern } from "@/lib/services/search-services";
import { z } from "zod";
import { rowsOf, type Executor } from "@/db/client";
import { departments, licences, licenceTypes, persons, serviceDrafts, services, serviceVersions, users } from "@/db/schema";
import { loadApplicantContext } from "@/lib/applications/applicant-context";
import { prefillFields } from "@/lib/applications/prefill";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { toChinaDate } from "@/lib/calendar/working-days";
import { compileCandidates } from "@/lib/eligibility/compile";
import { maskResidentId, parseResidentId } from "@/lib/id-number";
import { effectiveLicenceStatus } from "@/lib/licences/effective-status";
import { recordLicenceAccess } from "@/lib/licences/record-licence-access";
import { maskPersonName } from "@/lib/persons/mask-name";
import { AppError } from "@/lib/errors";
import { catalogueScopeSql, inCatalogueScope } from "./catalogue-scope";
import { checkDefinitionReferences, loadLiveDefinition } from "./definition-rows";
import { parseServiceDefinition, type ServiceDefinition } from "./service-definition";

export const catalogueListSchema = z.object({ q: z.string().trim().max(50).optional() });

export type ManagedService = {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentZh: string;
  departmentEn: string;
  version: number;
  active: boolean;
  suspended: boolean;
  hasDraft: boolean;
  hasRule: boolean;
};

/** The services an actor keeps (their department's, or all for an admin), searchable by code or name, with drafts waiting. */
export async function listManagedServices(db: Executor, actor: Actor, input: z.input<typeof catalogueListSchema> = {}): Promise<ManagedService[]> {
  requirePermission(actor, "catalogue:manage");
  const { q } = catalogueListSchema.parse(input);
  const like = q ? containsPattern(q) : null;
  const rows = await db
    .select({
      code: services.code,
      nameZh: services.nameZh,
      nameEn: services.nameEn,
      departmentZh: departments.nameZh,
      departmentEn: departments.nameEn,
      version: services.version,
      active: services.active,
      notice: services.suspendedNoticeZh,
      draft: serviceDrafts.code,
      rule: sql<boolean>`${services.eligibility} IS NOT NULL`,
    })
    .from(services)
    .innerJoin(departments, eq(departments.id, services.departmentId))
    .leftJoin(serviceDrafts, eq(serviceDrafts.code, services.code))
    .where(and(catalogueScopeSql(actor, services.departmentId), like ? or(ilike(services.code, like), ilike(services.nameZh, like), ilike(services.nameEn, like)) : undefined))
    .orderBy(asc(departments.code), asc(services.code))
    .limit(500);
  const newDrafts = await db
    .select({ code: serviceDrafts.code, definition: serviceDrafts.definition })
    .from(serviceDrafts)
    .where(and(sql`${serviceDrafts.serviceId} IS NULL`, actor.role === "admin" ? undefined : eq(serviceDrafts.updatedBy, actor.id)));
  return [
    ...newDrafts.map((d) => ({
      code: d.code,
      nameZh: typeof d.definition.nameZh === "string" ? d.definition.nameZh : d.code,
      nameEn: typeof d.definition.nameEn === "string" ? d.definition.nameEn : d.code,
      departmentZh: "",
      departmentEn: "",
      version: 0,
      active: false,
      suspended: false,
      hasDraft: true,
      hasRule: d.definition.eligibility !== null && d.definition.eligibility !== undefined,
    })),
    ...rows.map((r) => ({
      code: r.code,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      departmentZh: r.departmentZh,
      departmentEn: r.departmentEn,
      version: r.version,
      active: r.active,
      suspended: !r.active && r.notice !== null,
      hasDraft: r.draft !== null,
      hasRule: Boolean(r.rule),
    })),
  ];
}

export type ServiceForEditing = {
  code: string;
  /** The draft when there is one, else the live document. */
  definition: unknown;
  fromDraft: boolean;
  /** The published version (0: never published). */
  version: number;
  active: boolean;
  notice: { zh: string | null; en: string | null };
  versions: { version: number; publishedAt: string; publishedBy: string | null; note: string | null }[];
};

/** A service as the designer opens it: its draft or live document, state and version history. NOT_FOUND outside scope. */
export async function getServiceForEditing(db: Executor, actor: Actor, code: string): Promise<ServiceForEditing> {
  requirePermission(actor, "catalogue:manage");
  const [draft] = await db.select().from(serviceDrafts).where(eq(serviceDrafts.code, code));
  const [s] = await db.select().from(services).where(eq(services.code, code));
  if (!s) {
    if (!draft || (draft.updatedBy !== actor.id && actor.role !== "admin")) throw new AppError("NOT_FOUND", "errors.notFound");
    return { code, definition: draft.definition, fromDraft: true, version: 0, active: false, notice: { zh: null, en: null }, versions: [] };
  }
  if (!inCatalogueScope(actor, s.departmentId)) throw new AppError("NOT_FOUND", "errors.notFound");
  const live = await loadLiveDefinition(db, s.id);
  const versions = await db
    .select({ version: serviceVersions.version, publishedAt: serviceVersions.publishedAt, publishedBy: users.displayName, note: serviceVersions.note })
    .from(serviceVersions)
    .leftJoin(users, eq(users.id, serviceVersions.publishedBy))
    .where(eq(serviceVersions.serviceId, s.id))
    .orderBy(desc(serviceVersions.version));
  return {
    code,
    definition: draft?.definition ?? live?.definition ?? null,
    fromDraft: draft !== undefined,
    version: s.version,
    active: s.active,
    notice: { zh: s.suspendedNoticeZh, en: s.suspendedNoticeEn },
    versions: versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })),
  };
}

/** A new service's starting document: empty, or a copy of one in scope under a new code. */
export async function startingDefinition(db: Executor, actor: Actor, from?: string): Promise<Partial<ServiceDefinition>> {
  requirePermission(actor, "catalogue:manage");
  if (from) {
    const [s] = await db.select({ id: services.id, departmentId: services.departmentId }).from(services).where(eq(services.code, from));
    if (s && inCatalogueScope(actor, s.departmentId)) {
      const live = await loadLiveDefinition(db, s.id);
      if (live) return { ...live.definition, code: "", nameZh: `${live.definition.nameZh}（副本）`, nameEn: `${live.definition.nameEn} (copy)` };
    }
  }
  const [dept] = actor.departmentId ? await db.select({ code: departments.code }).from(departments).where(eq(departments.id, actor.departmentId)) : [];
  return {
    code: "",
    department: dept?.code ?? "",
    theme: "elderly",
    keywords: "",
    legalLimitDays: 20,
    promisedLimitDays: 10,
    onTheSpot: false,
    requiresVisit: false,
    feeYuan: 0,
    form: [{ name: "applicantName", type: "text", labelZh: "申请人姓名", labelEn: "Applicant's name", required: true, prefill: "person.name" }],
    materials: [],
    issues: null,
    approvalHints: [],
    workflow: null,
    automaticChecks: null,
    eligibility: null,
  };
}

export type EligibleEstimate = { count: number; sample: { name: string; idNumber: string; subjectName: string }[] };

/** How many would qualify under a document's rule today (before "already served"), with a masked sample. */
export async function estimateEligible(db: Executor, actor: Actor, d: ServiceDefinition, today = toChinaDate(new Date())): Promise<EligibleEstimate | null> {
  requirePermission(actor, "catalogue:manage");
  if (!d.eligibility) return null;
  const query = compileCandidates(d.eligibility, "00000000-0000-4000-8000-000000000000", { today });
  const [counted] = rowsOf<{ n: number | string }>(await db.execute(sql`SELECT count(*) AS n FROM (${query}) q`));
  const sample = rowsOf<{ name: string; id_number: string; subject_name: string }>(
    await db.execute(sql`SELECT ap.name, ap.id_number, sp.name AS subject_name FROM (${query}) q
      JOIN persons ap ON ap.id = q.person_id JOIN persons sp ON sp.id = q.subject_person_id
      ORDER BY q.person_id LIMIT 5`),
  );
  return {
    count: Number(counted?.n ?? 0),
    sample: sample.map((r) => ({ name: maskPersonName(r.name), idNumber: maskResidentId(r.id_number), subjectName: maskPersonName(r.subject_name) })),
  };
}

export type ResidentPreview = {
  residentName: string;
  fields: { name: string; labelZh: string; labelEn: string; value: string | null; prefilled: boolean }[];
  materials: { nameZh: string; nameEn: string; kind: string; inLibrary: boolean | null }[];
};

export const PREVIEW_PURPOSE = "事项配置预览（核对申请表预填和证照调取）";

/**
 * The resident's form and materials checklist under a document, for one test resident: which
 * fields come pre-filled from the registers and which materials the library would supply. The
 * licences read are logged for the resident to see, like any staff read.
 */
export async function previewForResident(db: Executor, actor: Actor, d: ServiceDefinition, idNumber: string, today = toChinaDate(new Date())): Promise<ResidentPreview> {
  requirePermission(actor, "catalogue:manage");
  if (!parseResidentId(idNumber).ok) throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { idNumber: "validation.idNumber" } });
  const [person] = await db.select({ id: persons.id }).from(persons).where(eq(persons.idNumber, idNumber.toUpperCase()));
  if (!person) throw new AppError("NOT_FOUND", "errors.notFound");
  const family = await loadApplicantContext(db, person.id);
  const concernsChild = d.materials.some((m) => m.subject === "child") || d.form.some((f) => f.prefill?.startsWith("child."));
  const ctx = concernsChild && family.children[0] ? await loadApplicantContext(db, person.id, family.children[0].id) : family;
  const prefilled = new Map(prefillFields(d.form, ctx).map((p) => [p.name, p.display]));
  const holderOf = (subject: string) =>
    subject === "applicant" ? ctx.person.id : subject === "spouse" ? ctx.spouse?.id : subject === "child" ? ctx.subject?.id : ctx.parents[0]?.id;
  const wanted = d.materials.filter((m) => m.kind === "licence" && m.licence);
  const holders = [...new Set(wanted.map((m) => holderOf(m.subject)).filter((x): x is string => Boolean(x)))];
  const keys = [...new Set(wanted.map((m) => m.licence).filter((x): x is string => x !== null))];
  return db.transaction(async (tx) => {
    const held =
      holders.length === 0 || keys.length === 0
        ? []
        : await tx
            .select({ id: licences.id, holder: licences.holderPersonId, key: licenceTypes.key, status: licences.status, validUntil: licences.validUntil })
            .from(licences)
            .innerJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
            .where(and(inArray(licences.holderPersonId, holders), inArray(licenceTypes.key, keys)));
    const usable = held.filter((l) => effectiveLicenceStatus(l, today) === "valid");
    await recordLicenceAccess(tx, { licenceIds: usable.map((l) => l.id), actor, purpose: PREVIEW_PURPOSE });
    return {
      residentName: maskPersonName(ctx.person.name),
      fields: d.form.map((f) => ({ name: f.name, labelZh: f.labelZh, labelEn: f.labelEn, value: prefilled.get(f.name) ?? null, prefilled: prefilled.has(f.name) })),
      materials: d.materials.map((m) => ({
        nameZh: m.nameZh,
        nameEn: m.nameEn,
        kind: m.kind,
        inLibrary: m.kind !== "licence" ? null : usable.some((l) => l.key === m.licence && l.holder === holderOf(m.subject)),
      })),
    };
  });
}

/** Parses a document for the designer: the issues (shape, then references), or the document. */
export async function checkDocument(db: Executor, input: unknown): Promise<{ ok: true; value: ServiceDefinition } | { ok: false; issues: { path: string; message: string; params?: Record<string, string | number> }[] }> {
  const parsed = parseServiceDefinition(input);
  if (!parsed.ok) return parsed;
  const refs = await checkDefinitionReferences(db, parsed.value);
  return refs.ok ? parsed : { ok: false, issues: refs.issues };
}

/** Licence types of the library, for the designer's pickers. */
export async function listLicenceTypeKeys(db: Executor): Promise<{ key: string; nameZh: string; nameEn: string }[]> {
  return db.select({ key: licenceTypes.key, nameZh: licenceTypes.nameZh, nameEn: licenceTypes.nameEn }).from(licenceTypes).orderBy(asc(licenceTypes.key));
}
