import "server-only";
import { walletHolders } from "@/lib/persons/guardianship";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { departments, licences, licenceTypes } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { effectiveLicenceStatus } from "./effective-status";
import { licenceFileName, licencePdfContent, type LicenceForFile } from "./pdf/licence-pdf-content";
import { sealPdf } from "./pdf/pdf-seal";
import { renderLicencePdf } from "./pdf/render-licence-pdf";
import { licenceKeys } from "./signing-key";
import { makeVerificationCode } from "./verify-code";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type LicenceFile = { fileName: string; bytes: Buffer };

async function loadOwnLicence(db: Executor, holderIds: string[], licenceId: string) {
  const [row] = await db
    .select({
      id: licences.id,
      identifier: licences.identifier,
      typeNameZh: licenceTypes.nameZh,
      typeNameEn: licenceTypes.nameEn,
      typeCode: licenceTypes.code,
      licenceNumber: licences.licenceNumber,
      issuerName: licences.issuerName,
      issuerNameEn: departments.nameEn,
      issuerCode: licences.issuerCode,
      issuedOn: licences.issuedOn,
      jurisdictionCode: licences.jurisdictionCode,
      holderPersonId: licences.holderPersonId,
      holderName: licences.holderName,
      holderCode: licences.holderCode,
      holderCodeType: licences.holderCodeType,
      validFrom: licences.validFrom,
      validUntil: licences.validUntil,
      version: licences.version,
      fields: licences.fields,
      status: licences.status,
    })
    .from(licences)
    .innerJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
    .innerJoin(departments, eq(departments.id, licences.issuerDepartmentId))
    .where(and(eq(licences.id, licenceId), inArray(licences.holderPersonId, holderIds)));
  return row;
}

/**
 * The holder's own licence as a sealed PDF (lib/licences/pdf): core metadata, particulars, the
 * signed QR code of /verify, and the library's seal over every byte. Only the holder gets it
 * (anyone else: NOT_FOUND, existence not revealed), and only while the licence is in force
 * (CONFLICT otherwise: a file of a dead licence would only mislead). The download is audited
 * against the holder; it is not a "who used my data" read, since the holder is the reader.
 */
export async function getMyLicenceFile(
  db: Executor,
  actor: Actor,
  licenceId: string,
  { locale, origin, now = new Date() }: { locale: Locale; origin: string; now?: Date },
): Promise<LicenceFile> {
  requirePermission(actor, "portal:citizen");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  if (!UUID.test(licenceId)) throw new AppError("NOT_FOUND", "errors.notFound");
  const today = toChinaDate(now);
  // The holder's own, or a minor child's: the parent is the guardian and keeps the child's wallet.
  const holders = await walletHolders(db, actor.personId, today);
  const row = await loadOwnLicence(db, holders.map((x) => x.id), licenceId);
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const status = effectiveLicenceStatus(row, today);
  if (status !== "valid") {
    throw new AppError("CONFLICT", "licenceFile.notInForce", { internal: `licence file of a ${status} licence` });
  }
  const { privateKey } = licenceKeys();
  const licence: LicenceForFile = { ...row, status };
  const code = makeVerificationCode(row.identifier, row.version, privateKey);
  const content = licencePdfContent(licence, {
    locale,
    verifyUrl: `${origin}/verify?c=${encodeURIComponent(code)}`,
    verifyPageUrl: `${origin}/verify`,
    now,
  });
  const bytes = sealPdf(await renderLicencePdf(content), privateKey);
  await recordAudit(db, {
    actorUserId: actor.id,
    actorRole: actor.role,
    action: "licence.download",
    entityType: "licence",
    entityId: row.id,
    personId: row.holderPersonId,
    detail: { identifier: row.identifier, format: "pdf", bytes: bytes.length },
  });
  return { fileName: licenceFileName(row, locale, today), bytes };
}
