import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { centreServices, serviceDrafts, serviceMaterials, services, serviceVersions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { inCatalogueScope } from "./catalogue-scope";
import { checkDefinitionReferences, loadLiveDefinition, materialRowsOf, serviceRowOf } from "./definition-rows";
import { diffDefinitions, parseServiceDefinition, sameDefinition, type ServiceDefinition } from "./service-definition";

export type PublishResult = { code: string; serviceId: string; version: number; created: boolean; changed: boolean };

const issuesError = (issues: { path: string; message: string }[]) =>
  new AppError("VALIDATION", "errors.validation", {
    internal: `service definition: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
    fieldErrors: Object.fromEntries(issues.map((i) => [i.path || "(root)", i.message])),
  });

/** Parses and checks references, or throws VALIDATION with every issue by path. */
export async function validateServiceDefinition(db: Executor, input: unknown): Promise<ServiceDefinition> {
  const parsed = parseServiceDefinition(input);
  if (!parsed.ok) throw issuesError(parsed.issues);
  const refs = await checkDefinitionReferences(db, parsed.value);
  if (!refs.ok) throw issuesError(refs.issues);
  return parsed.value;
}

type References = Extract<Awaited<ReturnType<typeof checkDefinitionReferences>>, { ok: true }>["refs"];

/** Writes a published version: its material rows, its whole document, and the audit row with the diff. */
async function keepVersion(
  tx: Executor,
  actor: Actor,
  v: { serviceId: string; version: number; d: ServiceDefinition; departmentRefs: References; previous: ServiceDefinition | null; from: number | null; note: string | null; requestId: string | null },
) {
  const mats = materialRowsOf(v.d, v.departmentRefs, v.serviceId, v.version);
  if (mats.length > 0) await tx.insert(serviceMaterials).values(mats);
  await tx.insert(serviceVersions).values({ serviceId: v.serviceId, version: v.version, definition: v.d, publishedBy: actor.id, note: v.note });
  await recordAudit(tx, {
    actorUserId: actor.id,
    actorRole: actor.role,
    action: "catalogue.publish",
    entityType: "service",
    entityId: v.d.code,
    requestId: v.requestId,
    detail: { version: v.version, from: v.from, note: v.note, diff: diffDefinitions(v.previous, v.d) },
  });
}

/**
 * Publishes a service definition: a new service at version 1, or the next version of an
 * existing one. In the caller's transaction: the service row is locked, the version it
 * replaces is kept whole in service_versions (snapshotted from the live rows if it predates
 * the designer), the row and a new set of material rows take the new version, and the audit
 * row records the diff. Applications already filed keep their version's materials and
 * promises; new ones are filed under the new version.
 *
 * Idempotent: a document equal to the live version changes nothing (an import run twice).
 * `expectedVersion` makes it refuse (CONFLICT) when someone published in between.
 */
export async function publishServiceDefinition(
  tx: Executor,
  actor: Actor,
  input: unknown,
  { note = null, expectedVersion, requestId = null }: { note?: string | null; expectedVersion?: number | null; requestId?: string | null } = {},
): Promise<PublishResult> {
  requirePermission(actor, "catalogue:manage");
  const parsed = parseServiceDefinition(input);
  if (!parsed.ok) throw issuesError(parsed.issues);
  const d = parsed.value;
  const refs = await checkDefinitionReferences(tx, d);
  if (!refs.ok) throw issuesError(refs.issues);
  if (!inCatalogueScope(actor, refs.refs.departmentId)) {
    throw new AppError("FORBIDDEN", "errors.forbidden", { internal: `department of ${d.code} is outside the manager's scope` });
  }
  const [existing] = await tx
    .select({ id: services.id, version: services.version, departmentId: services.departmentId })
    .from(services)
    .where(eq(services.code, d.code))
    .for("update");

  if (existing) {
    if (!inCatalogueScope(actor, existing.departmentId)) throw new AppError("NOT_FOUND", "errors.notFound", { internal: `service ${d.code} out of scope` });
    if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== existing.version) {
      throw new AppError("CONFLICT", "catalogueAdmin.errors.versionMoved", { params: { version: existing.version } });
    }
    const live = await loadLiveDefinition(tx, existing.id);
    if (live && sameDefinition(live.definition, d)) {
      return { code: d.code, serviceId: existing.id, version: existing.version, created: false, changed: false };
    }
    // Keep the version being replaced, if it was never published through here.
    if (live) {
      await tx
        .insert(serviceVersions)
        .values({ serviceId: existing.id, version: existing.version, definition: live.definition, publishedBy: null, note: null })
        .onConflictDoNothing();
    }
    const version = existing.version + 1;
    await tx.update(services).set({ ...serviceRowOf(d, refs.refs), version }).where(eq(services.id, existing.id));
    await keepVersion(tx, actor, { serviceId: existing.id, version, d, departmentRefs: refs.refs, previous: live?.definition ?? null, from: existing.version, note, requestId });
    return { code: d.code, serviceId: existing.id, version, created: false, changed: true };
  }

  const [created] = await tx
    .insert(services)
    .values({ ...serviceRowOf(d, refs.refs), version: 1, active: true })
    .returning({ id: services.id });
  if (!created) throw new AppError("INTERNAL", "errors.internal", { internal: "service not created" });
  await keepVersion(tx, actor, { serviceId: created.id, version: 1, d, departmentRefs: refs.refs, previous: null, from: null, note, requestId });
  // The centres whose comprehensive window accepts the department's other services accept this one too.
  await tx.execute(sql`INSERT INTO ${centreServices} (centre_id, service_id)
    SELECT DISTINCT cs.centre_id, ${created.id}::uuid FROM ${centreServices} cs JOIN ${services} s ON s.id = cs.service_id
    WHERE s.department_id = ${refs.refs.departmentId}::uuid AND s.id <> ${created.id}::uuid
    ON CONFLICT DO NOTHING`);
  return { code: d.code, serviceId: created.id, version: 1, created: true, changed: true };
}

/**
 * Saves a catalogue manager's draft (new or of an existing service). A draft affects nobody;
 * it is kept even when it does not validate yet, and the issues are returned for the designer
 * to show by path.
 */
export async function saveServiceDraft(
  tx: Executor,
  actor: Actor,
  { code, definition }: { code: string; definition: unknown },
): Promise<{ issues: { path: string; message: string }[] }> {
  requirePermission(actor, "catalogue:manage");
  const [existing] = await tx.select({ id: services.id, version: services.version, departmentId: services.departmentId }).from(services).where(eq(services.code, code));
  if (existing && !inCatalogueScope(actor, existing.departmentId)) throw new AppError("NOT_FOUND", "errors.notFound");
  const parsed = parseServiceDefinition(definition);
  const issues = parsed.ok ? [] : parsed.issues;
  if (parsed.ok && parsed.value.code !== code) issues.push({ path: "code", message: "catalogueAdmin.errors.codeChanged" });
  if (parsed.ok) {
    const refs = await checkDefinitionReferences(tx, parsed.value);
    if (!refs.ok) issues.push(...refs.issues);
    else if (!inCatalogueScope(actor, refs.refs.departmentId)) issues.push({ path: "department", message: "catalogueAdmin.errors.departmentScope" });
  }
  const values = { code, serviceId: existing?.id ?? null, baseVersion: existing?.version ?? null, definition: definition as Record<string, unknown>, updatedBy: actor.id, updatedAt: new Date() };
  await tx.insert(serviceDrafts).values(values).onConflictDoUpdate({ target: serviceDrafts.code, set: { definition: values.definition, updatedBy: actor.id, updatedAt: values.updatedAt } });
  return { issues };
}

/** Publishes a saved draft and removes it; refuses when another version was published since it was started. */
export async function publishServiceDraft(tx: Executor, actor: Actor, { code, note, requestId = null }: { code: string; note?: string | null; requestId?: string | null }): Promise<PublishResult> {
  requirePermission(actor, "catalogue:manage");
  const [draft] = await tx.select().from(serviceDrafts).where(eq(serviceDrafts.code, code)).for("update");
  if (!draft) throw new AppError("NOT_FOUND", "errors.notFound", { internal: `no draft ${code}` });
  const result = await publishServiceDefinition(tx, actor, draft.definition, { note, expectedVersion: draft.baseVersion, requestId });
  await tx.delete(serviceDrafts).where(eq(serviceDrafts.code, code));
  return result;
}

/** Discards a draft. */
export async function discardServiceDraft(tx: Executor, actor: Actor, code: string): Promise<void> {
  requirePermission(actor, "catalogue:manage");
  const [draft] = await tx.select({ updatedBy: serviceDrafts.updatedBy, serviceId: serviceDrafts.serviceId }).from(serviceDrafts).where(eq(serviceDrafts.code, code));
  if (!draft) return;
  if (draft.serviceId) {
    const [s] = await tx.select({ departmentId: services.departmentId }).from(services).where(eq(services.id, draft.serviceId));
    if (s && !inCatalogueScope(actor, s.departmentId)) throw new AppError("NOT_FOUND", "errors.notFound");
  } else if (draft.updatedBy !== actor.id && actor.role !== "admin") throw new AppError("NOT_FOUND", "errors.notFound");
  await tx.delete(serviceDrafts).where(eq(serviceDrafts.code, code));
}

/**
 * Suspends a service (暂停办理) with a notice residents read on its guide, or resumes it. A
 * suspended service takes no new applications and is recommended to nobody; open ones go on.
 */
export async function setServiceSuspension(
  tx: Executor,
  actor: Actor,
  { code, suspended, noticeZh = null, noticeEn = null, requestId = null }: { code: string; suspended: boolean; noticeZh?: string | null; noticeEn?: string | null; requestId?: string | null },
): Promise<void> {
  requirePermission(actor, "catalogue:manage");
  const [s] = await tx.select({ id: services.id, departmentId: services.departmentId, active: services.active }).from(services).where(eq(services.code, code)).for("update");
  if (!s || !inCatalogueScope(actor, s.departmentId)) throw new AppError("NOT_FOUND", "errors.notFound");
  if (suspended && !noticeZh?.trim()) throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { noticeZh: "catalogueAdmin.errors.noticeRequired" } });
  await tx
    .update(services)
    .set(suspended ? { active: false, suspendedNoticeZh: noticeZh?.trim() ?? null, suspendedNoticeEn: noticeEn?.trim() || null } : { active: true, suspendedNoticeZh: null, suspendedNoticeEn: null })
    .where(eq(services.id, s.id));
  await recordAudit(tx, {
    actorUserId: actor.id,
    actorRole: actor.role,
    action: suspended ? "catalogue.suspend" : "catalogue.resume",
    entityType: "service",
    entityId: code,
    requestId,
    detail: suspended ? { noticeZh, noticeEn } : {},
  });
}
