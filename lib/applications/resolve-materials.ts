import "server-only";
import { ofCurrentVersion } from "@/lib/catalogue/current-version";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { licences, licenceTypes, serviceMaterials } from "@/db/schema";
import type { MaterialSubject } from "@/db/schema/enums";
import { effectiveLicenceStatus } from "@/lib/licences/effective-status";
import { displayLicenceNumber } from "@/lib/licences/list-my-licences";
import type { ApplicantContext } from "./applicant-context";
import { awaitedKey, findAwaitedIssuers, type AwaitedIssuer } from "./prerequisites";

export type ResolvedLicence = {
  id: string;
  typeNameZh: string;
  typeNameEn: string;
  /** As a page may show it: an ID number inside it is masked (the ID card's number is one). */
  licenceNumber: string;
  issuerName: string;
  validUntil: string | null;
  holderName: string;
};

/**
 * What the library can do for one required material:
 *  library     — a valid licence will be attached (the resident need not provide it);
 *  expiring    — valid now but not until the promised completion date: renew first;
 *  unusable    — held, but expired, revoked or superseded: renew;
 *  awaiting    — none yet, but another open application will issue it: taken from the library then;
 *  missing     — the library holds none: provide it at the counter;
 *  upload/form — not a licence at all.
 */
export type MaterialCheck = {
  materialId: string;
  nameZh: string;
  nameEn: string;
  required: boolean;
  subject: MaterialSubject;
  notesZh: string | null;
  notesEn: string | null;
  outcome: "library" | "expiring" | "unusable" | "missing" | "awaiting" | "upload" | "form";
  unusableReason?: "expired" | "revoked" | "superseded";
  licence?: ResolvedLicence;
  /** For `awaiting`: the open application whose approval issues it. */
  awaiting?: AwaitedIssuer;
};

function holderFor(subject: MaterialSubject, ctx: ApplicantContext): string | null {
  if (subject === "applicant") return ctx.person.id;
  if (subject === "spouse") return ctx.spouse?.id ?? null;
  if (subject === "child") return ctx.subject?.id ?? null;
  return ctx.parents[0]?.id ?? null;
}

/**
 * Checks every material of a service against the library for this applicant's family in one
 * query: which licence each material will be taken from, and which the resident must renew or
 * bring. Expired or revoked licences are never attached.
 */
export async function resolveMaterials(
  db: Executor,
  serviceId: string,
  ctx: ApplicantContext,
  { today, completeBy }: { today: string; completeBy: string },
): Promise<MaterialCheck[]> {
  const checks = await checkLibrary(db, serviceId, ctx, { today, completeBy });
  // What the library lacks may be on its way: another open application of the family issues it.
  const missing = checks.flatMap((c) => {
    const holderId = c.outcome === "missing" ? holderFor(c.subject, ctx) : null;
    return holderId && c.licenceTypeId ? [{ holderId, licenceTypeId: c.licenceTypeId }] : [];
  });
  const issuers = await findAwaitedIssuers(db, missing, { exceptServiceId: serviceId });
  return checks.map(({ licenceTypeId, ...c }) => {
    const holderId = c.outcome === "missing" ? holderFor(c.subject, ctx) : null;
    const by = holderId && licenceTypeId ? issuers.get(awaitedKey(holderId, licenceTypeId)) : undefined;
    return by ? { ...c, outcome: "awaiting", awaiting: by } : c;
  });
}

async function checkLibrary(
  db: Executor,
  serviceId: string,
  ctx: ApplicantContext,
  { today, completeBy }: { today: string; completeBy: string },
): Promise<(MaterialCheck & { licenceTypeId: string | null })[]> {
  const materials = await db
    .select()
    .from(serviceMaterials)
    .where(and(eq(serviceMaterials.serviceId, serviceId), ofCurrentVersion))
    .orderBy(serviceMaterials.position);

  const wanted = materials.filter((m) => m.kind === "licence" && m.licenceTypeId);
  const holders = [...new Set(wanted.map((m) => holderFor(m.subject, ctx)).filter((x): x is string => x !== null))];
  const types = [...new Set(wanted.map((m) => m.licenceTypeId).filter((x): x is string => x !== null))];
  const held =
    holders.length === 0 || types.length === 0
      ? []
      : await db
          .select({
            id: licences.id,
            holderPersonId: licences.holderPersonId,
            licenceTypeId: licences.licenceTypeId,
            status: licences.status,
            validUntil: licences.validUntil,
            issuedOn: licences.issuedOn,
            licenceNumber: licences.licenceNumber,
            holderCode: licences.holderCode,
            holderCodeType: licences.holderCodeType,
            issuerName: licences.issuerName,
            holderName: licences.holderName,
            typeNameZh: licenceTypes.nameZh,
            typeNameEn: licenceTypes.nameEn,
          })
          .from(licences)
          .innerJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
          .where(and(inArray(licences.holderPersonId, holders), inArray(licences.licenceTypeId, types)));

  return materials.map((m): MaterialCheck & { licenceTypeId: string | null } => {
    const base = {
      licenceTypeId: m.licenceTypeId,
      materialId: m.id,
      nameZh: m.nameZh,
      nameEn: m.nameEn,
      required: m.required,
      subject: m.subject,
      notesZh: m.notesZh,
      notesEn: m.notesEn,
    };
    if (m.kind === "upload") return { ...base, outcome: "upload" };
    if (m.kind === "form") return { ...base, outcome: "form" };
    const holder = holderFor(m.subject, ctx);
    const candidates = held
      .filter((l) => l.holderPersonId === holder && l.licenceTypeId === m.licenceTypeId)
      .map((l) => ({ ...l, effective: effectiveLicenceStatus(l, today) }))
      // Newest issue first; a usable licence always beats an unusable one.
      .sort((a, b) => Number(b.effective === "valid") - Number(a.effective === "valid") || b.issuedOn.localeCompare(a.issuedOn));
    const best = candidates[0];
    if (!best) return { ...base, outcome: "missing" };
    const licence: ResolvedLicence = {
      id: best.id,
      typeNameZh: best.typeNameZh,
      typeNameEn: best.typeNameEn,
      licenceNumber: displayLicenceNumber(best.licenceNumber, best.holderCode, best.holderCodeType),
      issuerName: best.issuerName,
      validUntil: best.validUntil,
      holderName: best.holderName,
    };
    const state = best.effective;
    if (state !== "valid") return { ...base, outcome: "unusable", unusableReason: state, licence };
    if (best.validUntil !== null && best.validUntil < completeBy) return { ...base, outcome: "expiring", licence };
    return { ...base, outcome: "library", licence };
  });
}
