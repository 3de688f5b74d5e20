import "server-only";
import { ofCurrentVersion } from "@/lib/catalogue/current-version";
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import {
  applications,
  licences,
  licenceTypes,
  serviceBundleItems,
  serviceBundles,
  serviceMaterials,
  services,
  type Service,
  type ServiceBundle,
  type ServiceFormField,
} from "@/db/schema";
import type { MaterialSubject } from "@/db/schema/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { addWorkingDays, toChinaDate } from "@/lib/calendar/working-days";
import { compileCandidates } from "@/lib/eligibility/compile";
import { loadServiceRules, type ServiceRule } from "@/lib/eligibility/rules";
import { AppError } from "@/lib/errors";
import { effectiveLicenceStatus } from "@/lib/licences/effective-status";
import { loadApplicantContext, type ApplicantContext } from "./applicant-context";
import { uploadableOutcomes } from "./claim-uploads";
import { lockedValues, prefillFields, type PrefilledField } from "./prefill";
import { resolveMaterials, type MaterialCheck, type ResolvedLicence } from "./resolve-materials";

/** Why a service of the bundle is left out: the child already holds its certificate, it is already applied for, or the rule excludes it. */
export type BundleSkipReason = "held" | "applied" | "notEligible";

export type BundleServiceLine = {
  code: string;
  nameZh: string;
  nameEn: string;
  promisedLimitDays: number;
  onTheSpot: boolean;
  /** If filed today, the promised completion date in working days. */
  completeBy: string;
};

export type BundleSkipped = { code: string; nameZh: string; nameEn: string; reason: BundleSkipReason };

/** One material of the bundle, counted once however many of its services need it. */
export type BundleMaterial = {
  key: string;
  kind: "licence" | "upload" | "form";
  nameZh: string;
  nameEn: string;
  subject: MaterialSubject;
  required: boolean;
  /** "bundle": a certificate of the child that an earlier service of this bundle issues; taken from the library then. */
  outcome: MaterialCheck["outcome"] | "bundle";
  /** For "bundle": the service that issues it. */
  issuedBy?: { code: string; nameZh: string; nameEn: string };
  unusableReason?: MaterialCheck["unusableReason"];
  licence?: ResolvedLicence;
  /** For "awaiting": another open application (not of this bundle) that issues it. */
  awaiting?: MaterialCheck["awaiting"];
  /** The services that need it (each application links it). */
  services: { code: string; nameZh: string; nameEn: string }[];
};

export type BundleCounts = {
  /** Materials of the included services counted per service, as separate filings would ask for them. */
  perService: number;
  /** Certificates (licence materials) per service, as separate filings would ask for them. */
  certificatesPerService: number;
  total: number;
  library: number;
  /** Certificates issued by an earlier service of the bundle or another open application (awaited, then attached). */
  fromBundle: number;
  /** Required materials the library cannot supply: the uploads the resident is asked for. */
  toUpload: number;
};

export type BundlePage = {
  bundle: { code: string; nameZh: string; nameEn: string; descriptionZh: string; descriptionEn: string };
  /** A bundle about a child (出生一件事, 入学一件事) is filed for one of them; one about the resident (就业一件事) for themselves. */
  forChild: boolean;
  subjectId: string | null;
  subjectOptions: { id: string; name: string; birthDate: string }[];
  included: BundleServiceLine[];
  skipped: BundleSkipped[];
  fields: ServiceFormField[];
  prefilled: PrefilledField[];
  materials: BundleMaterial[];
  counts: BundleCounts;
};

export type PlannedService = {
  service: Service;
  /** About the bundle's child (filed with the child as subject); otherwise about the resident. */
  aboutChild: boolean;
  checks: MaterialCheck[];
  completeBy: string;
  fields: ServiceFormField[];
  /** Material id → the earlier service of the bundle that issues that certificate (of the child, or of the resident). */
  producedBy: Map<string, { code: string; nameZh: string; nameEn: string }>;
};

/** Server-side plan, shared by the page and the submission. */
export type BundlePlan = {
  bundle: ServiceBundle;
  ctx: ApplicantContext;
  family: ApplicantContext;
  forChild: boolean;
  /** The child the bundle is for; null for a bundle about the resident. */
  subjectId: string | null;
  today: string;
  included: PlannedService[];
  skipped: BundleSkipped[];
  fields: ServiceFormField[];
  locked: Record<string, string>;
  materials: BundleMaterial[];
  /** Service material id → bundle material key. */
  keyOf: Map<string, string>;
};

/** States in which an application still answers the need (as the eligibility rules count them). */
const ANSWERING = ["draft", "awaiting", "submitted", "supplement_requested", "accepted", "approved", "completed"] as const;
/**
 * A granted application of a service that issues a certificate answers the need only while the
 * certificate is held (the "held" test): a certificate print from last spring does not keep this
 * winter's out of the bundle. One without a certificate (an allowance) answers it for good.
 */
const GRANTED = new Set<string>(["approved", "completed"]);

/** Worst outcome wins when services see one material differently (e.g. valid for one promised date, expiring for a later one). */
const severity: Record<BundleMaterial["outcome"], number> = { form: 0, library: 1, bundle: 1, awaiting: 1, upload: 2, missing: 3, expiring: 4, unusable: 5 };

const FORM_KEY = "form";

export function materialKey(m: { id: string; kind: "licence" | "upload" | "form"; licenceTypeId: string | null; subject: MaterialSubject }): string {
  if (m.kind === "form") return FORM_KEY;
  if (m.kind === "licence" && m.licenceTypeId) return `licence:${m.licenceTypeId}:${m.subject}`;
  return `material:${m.id}`;
}

/** Same name, one question: the first definition, required if any service requires it, pre-filled if any service pre-fills it. */
function unionFields(lists: ServiceFormField[][]): ServiceFormField[] {
  const out = new Map<string, ServiceFormField>();
  for (const list of lists) {
    for (const f of list) {
      const seen = out.get(f.name);
      if (!seen) out.set(f.name, { ...f });
      else out.set(f.name, { ...seen, required: seen.required || f.required, prefill: seen.prefill ?? f.prefill });
    }
  }
  return [...out.values()];
}

export async function findBundleOrThrow(db: Executor, code: string): Promise<ServiceBundle> {
  const [bundle] = await db.select().from(serviceBundles).where(eq(serviceBundles.code, code));
  if (!bundle) throw new AppError("NOT_FOUND", "errors.notFound");
  return bundle;
}

/**
 * Whether the service's eligibility definition admits this child of this applicant today
 * (ignoring what is already served: checked separately). A service with a definition that no
 * longer parses (`rule` missing though the column is set) admits nobody.
 */
async function admits(db: Executor, hasDefinition: boolean, rule: ServiceRule | undefined, personId: string, subjectId: string, today: string): Promise<boolean> {
  if (!hasDefinition) return true;
  if (!rule) return false;
  const rows = rowsOf<{ one: number }>(
    await db.execute(
      sql`SELECT 1 AS one FROM (${compileCandidates(rule.definition, rule.serviceId, { today, personId })}) c WHERE c.subject_person_id = ${subjectId}::uuid LIMIT 1`,
    ),
  );
  return rows.length > 0;
}

/**
 * The services of the list that are about a child (a form field pre-filled from the child, or a
 * material of the child's), in one query: the same test as `serviceConcernsChild`, for many.
 */
async function childServices(db: Executor, list: Pick<Service, "id" | "formFields">[]): Promise<Set<string>> {
  const out = new Set(list.filter((s) => s.formFields.some((f) => f.prefill?.startsWith("child."))).map((s) => s.id));
  const rest = list.filter((s) => !out.has(s.id)).map((s) => s.id);
  if (rest.length === 0) return out;
  const rows = await db
    .selectDistinct({ serviceId: serviceMaterials.serviceId })
    .from(serviceMaterials)
    .where(and(inArray(serviceMaterials.serviceId, rest), eq(serviceMaterials.subject, "child"), ofCurrentVersion));
  for (const r of rows) out.add(r.serviceId);
  return out;
}

/**
 * The bundle for one child of the resident (a bundle any of whose services is about a child), or
 * for the resident themselves: which services will be filed and which are left out (and why),
 * the union of their forms with each field asked once, and the union of their materials counted
 * once per (licence type, whose).
 */
export async function planBundle(
  db: Executor,
  personId: string,
  { bundleCode, subjectPersonId, now }: { bundleCode: string; subjectPersonId: string | null; now: Date },
): Promise<BundlePlan> {
  const bundle = await findBundleOrThrow(db, bundleCode);
  const [family, items] = await Promise.all([
    loadApplicantContext(db, personId),
    db
      .select({ service: services, issuesKey: licenceTypes.key })
      .from(serviceBundleItems)
      .innerJoin(services, eq(services.id, serviceBundleItems.serviceId))
      .leftJoin(licenceTypes, eq(licenceTypes.id, services.issuesLicenceTypeId))
      .where(and(eq(serviceBundleItems.bundleId, bundle.id), eq(services.active, true)))
      .orderBy(asc(serviceBundleItems.position)),
  ]);
  const aboutChild = await childServices(db, items.map((i) => i.service));
  const forChild = aboutChild.size > 0;
  const subjectId = !forChild ? null : (subjectPersonId ?? (family.children.length === 1 ? (family.children[0]?.id ?? null) : null));
  const ctx = subjectId ? await loadApplicantContext(db, personId, subjectId) : family;
  const today = toChinaDate(now);
  const empty: BundlePlan = { bundle, ctx, family, forChild, subjectId, today, included: [], skipped: [], fields: [], locked: {}, materials: [], keyOf: new Map() };
  if (forChild && !subjectId) return empty;
  // Whom each service serves: the child for a service about the child, the resident for the
  // others (the parent's own residence permit in 入学一件事; everything in 就业一件事), whose own
  // applications have no subject.
  const holderOf = (serviceId: string) => (subjectId && aboutChild.has(serviceId) ? subjectId : personId);
  const holders = [...new Set([personId, ...(subjectId ? [subjectId] : [])])];

  const serviceIds = items.map((i) => i.service.id);
  const outputTypes = items.map((i) => i.service.issuesLicenceTypeId).filter((x): x is string => x !== null);
  const [held, applied, rules] = await Promise.all([
    outputTypes.length === 0
      ? []
      : db
          .select({ holderPersonId: licences.holderPersonId, licenceTypeId: licences.licenceTypeId, status: licences.status, validUntil: licences.validUntil })
          .from(licences)
          .where(and(inArray(licences.holderPersonId, holders), inArray(licences.licenceTypeId, outputTypes))),
    serviceIds.length === 0
      ? []
      : db
          .select({
            serviceId: applications.serviceId,
            status: applications.status,
            forPersonId: sql<string>`coalesce(${applications.subjectPersonId}, ${applications.applicantPersonId})`,
          })
          .from(applications)
          .where(
            and(
              or(inArray(applications.subjectPersonId, holders), and(isNull(applications.subjectPersonId), inArray(applications.applicantPersonId, holders))),
              inArray(applications.serviceId, serviceIds),
              inArray(applications.status, [...ANSWERING]),
            ),
          ),
    loadServiceRules(db, { serviceIds }),
  ]);
  const ruleOf = new Map(rules.map((r) => [r.serviceId, r]));
  const heldTypes = new Set(held.filter((l) => effectiveLicenceStatus(l, today) === "valid").map((l) => `${l.licenceTypeId}:${l.holderPersonId}`));
  const issuing = new Set(items.filter((i) => i.service.issuesLicenceTypeId).map((i) => i.service.id));
  const appliedFor = new Set(applied.filter((a) => !(GRANTED.has(a.status) && issuing.has(a.serviceId))).map((a) => `${a.serviceId}:${a.forPersonId}`));

  const skipped: BundleSkipped[] = [];
  const kept: typeof items = [];
  for (const item of items) {
    const s = item.service;
    const line = { code: s.code, nameZh: s.nameZh, nameEn: s.nameEn };
    const holder = holderOf(s.id);
    if (s.issuesLicenceTypeId && heldTypes.has(`${s.issuesLicenceTypeId}:${holder}`)) skipped.push({ ...line, reason: "held" });
    else if (appliedFor.has(`${s.id}:${holder}`)) skipped.push({ ...line, reason: "applied" });
    else if (!(await admits(db, s.eligibility !== null, ruleOf.get(s.id), personId, holder, today))) skipped.push({ ...line, reason: "notEligible" });
    else kept.push(item);
  }

  // The child's ID number comes from the hukou registration filed in the same bundle: not asked for then.
  const hukouInBundle = kept.some((i) => i.issuesKey === "household_register");
  const adjust = (fields: ServiceFormField[]) =>
    fields.map((f) => (f.prefill === "child.idNumber" && !ctx.subject?.idNumber && hukouInBundle ? { ...f, required: false } : f));

  const meta =
    kept.length === 0
      ? []
      : await db
          .select({ id: serviceMaterials.id, kind: serviceMaterials.kind, licenceTypeId: serviceMaterials.licenceTypeId, subject: serviceMaterials.subject })
          .from(serviceMaterials)
          .where(and(inArray(serviceMaterials.serviceId, kept.map((i) => i.service.id)), ofCurrentVersion));
  const keyOf = new Map(meta.map((m) => [m.id, materialKey(m)]));
  const kindOf = new Map(meta.map((m) => [m.id, m.kind]));
  const metaOf = new Map(meta.map((m) => [m.id, m]));

  const included: PlannedService[] = [];
  // Certificates issued by the services filed so far (in the bundle's order), by type and whose:
  // a service about the child issues to the child, the others to the resident.
  const issued = new Map<string, { code: string; nameZh: string; nameEn: string }>();
  const whose = (licenceTypeId: string, subject: MaterialSubject) => `${licenceTypeId}:${subject}`;
  for (const { service } of kept) {
    const completeBy = addWorkingDays(today, service.promisedLimitDays);
    const checks = await resolveMaterials(db, service.id, ctx, { today, completeBy });
    const producedBy = new Map<string, { code: string; nameZh: string; nameEn: string }>();
    for (const c of checks) {
      const m = metaOf.get(c.materialId);
      const by = m?.kind === "licence" && m.licenceTypeId ? issued.get(whose(m.licenceTypeId, m.subject)) : undefined;
      if (by && c.outcome !== "library") producedBy.set(c.materialId, by);
    }
    included.push({ service, aboutChild: aboutChild.has(service.id), checks, completeBy, fields: adjust(service.formFields), producedBy });
    if (service.issuesLicenceTypeId) {
      const to = aboutChild.has(service.id) ? "child" : "applicant";
      issued.set(whose(service.issuesLicenceTypeId, to), { code: service.code, nameZh: service.nameZh, nameEn: service.nameEn });
    }
  }

  const fields = unionFields(included.map((p) => p.fields));
  const locked = lockedValues(fields, ctx);

  const merged = new Map<string, BundleMaterial>();
  for (const p of included) {
    const by = { code: p.service.code, nameZh: p.service.nameZh, nameEn: p.service.nameEn };
    for (const c of p.checks) {
      const key = keyOf.get(c.materialId) ?? `material:${c.materialId}`;
      const issuedBy = p.producedBy.get(c.materialId);
      const outcome: BundleMaterial["outcome"] = issuedBy ? "bundle" : c.outcome;
      const seen = merged.get(key);
      if (!seen) {
        const isForm = key === FORM_KEY;
        merged.set(key, {
          key,
          kind: kindOf.get(c.materialId) ?? "upload",
          nameZh: isForm ? `${bundle.nameZh}联办申请表（在线填写）` : c.nameZh,
          nameEn: isForm ? `${bundle.nameEn}: combined online form` : c.nameEn,
          subject: c.subject,
          required: c.required,
          outcome,
          issuedBy,
          unusableReason: c.unusableReason,
          licence: c.licence,
          awaiting: c.awaiting,
          services: [by],
        });
        continue;
      }
      seen.required ||= c.required;
      if (!seen.services.some((s) => s.code === by.code)) seen.services.push(by);
      if (severity[outcome] > severity[seen.outcome]) {
        seen.outcome = outcome;
        seen.issuedBy = issuedBy;
        seen.unusableReason = c.unusableReason;
        seen.licence = c.licence ?? seen.licence;
        seen.awaiting = c.awaiting;
      }
    }
  }
  return { bundle, ctx, family, forChild, subjectId, today, included, skipped, fields, locked, materials: [...merged.values()], keyOf };
}

export function bundleCounts(plan: Pick<BundlePlan, "included" | "materials">): BundleCounts {
  const checks = plan.included.flatMap((p) => p.checks);
  return {
    perService: checks.length,
    certificatesPerService: checks.filter((c) => c.outcome !== "upload" && c.outcome !== "form").length,
    total: plan.materials.length,
    library: plan.materials.filter((m) => m.outcome === "library").length,
    fromBundle: plan.materials.filter((m) => m.outcome === "bundle" || m.outcome === "awaiting").length,
    toUpload: plan.materials.filter((m) => m.required && uploadableOutcomes.has(m.outcome)).length,
  };
}

/** Everything the bundle page shows, for the signed-in resident (and one of their children, for a bundle about a child). */
export async function prepareBundle(
  db: Executor,
  actor: Actor,
  { bundleCode, subjectPersonId = null, now = new Date() }: { bundleCode: string; subjectPersonId?: string | null; now?: Date },
): Promise<BundlePage> {
  requirePermission(actor, "application:file");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const plan = await planBundle(db, actor.personId, { bundleCode, subjectPersonId, now });
  const b = plan.bundle;
  return {
    bundle: { code: b.code, nameZh: b.nameZh, nameEn: b.nameEn, descriptionZh: b.descriptionZh, descriptionEn: b.descriptionEn },
    forChild: plan.forChild,
    subjectId: plan.subjectId,
    subjectOptions: plan.forChild ? plan.family.children.map((c) => ({ id: c.id, name: c.name, birthDate: c.birthDate })) : [],
    included: plan.included.map(({ service: s, completeBy }) => ({
      code: s.code,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      promisedLimitDays: s.promisedLimitDays,
      onTheSpot: s.onTheSpot,
      completeBy,
    })),
    skipped: plan.skipped,
    fields: plan.fields,
    prefilled: prefillFields(plan.fields, plan.ctx),
    materials: plan.materials,
    counts: bundleCounts(plan),
  };
}
