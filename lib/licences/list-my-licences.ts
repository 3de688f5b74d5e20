import "server-only";
import { walletHolders } from "@/lib/persons/guardianship";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { licences, licenceTypes } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { addCalendarDays, toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { maskResidentId } from "@/lib/id-number";
import { effectiveStatusSql, type LicenceStatus } from "./effective-status";

/** A licence still in force that ends within this many days asks to be renewed. */
export const EXPIRING_SOON_DAYS = 30;

/** One card of the wallet: what the holder needs to read, never the signature or holder code. */
export type MyLicence = {
  id: string;
  typeKey: string;
  typeNameZh: string;
  typeNameEn: string;
  licenceNumber: string;
  issuerName: string;
  issuedOn: string;
  validFrom: string;
  validUntil: string | null;
  status: LicenceStatus;
  /** In force, and its last day is within EXPIRING_SOON_DAYS of today. */
  expiringSoon: boolean;
  /** Days from today to the last day in force (0 = today is the last day); null when open-ended or not in force. */
  daysLeft: number | null;
  /** The issuer's reason, for revoked and superseded licences only. */
  statusReason: string | null;
  /** Expired, revoked or expiring soon, and no other licence of the same type is in force. */
  renewHint: boolean;
  /** Whose it is: the resident's own, or a minor child's (kept by the parent as guardian). */
  holder: { id: string; name: string; self: boolean };
};

// Valid first, then what needs action (expired, revoked), history (superseded) last.
const statusRank = (status: ReturnType<typeof effectiveStatusSql>) =>
  sql<number>`CASE ${status} WHEN 'valid' THEN 0 WHEN 'expired' THEN 1 WHEN 'revoked' THEN 2 ELSE 3 END`;

/**
 * The licence number as a page may show it. Some numbers are the holder's resident ID number
 * (the ID card's own number is): that part is masked, so the full ID number never leaves lib.
 */
export function displayLicenceNumber(licenceNumber: string, holderCode: string, holderCodeType: string): string {
  if (holderCodeType !== "111" || holderCode.length < 15 || !licenceNumber.includes(holderCode)) return licenceNumber;
  return licenceNumber.split(holderCode).join(maskResidentId(holderCode));
}

function daysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/**
 * Every licence the library holds for the signed-in resident and for their minor children (the
 * wallet: a parent keeps the child's certificates as guardian), the resident's own first, then
 * each child's; valid ones first, then grouped by type, newest first within a type. One query on
 * licences_holder_type_idx after the family's.
 */
export async function listMyLicences(
  db: Executor,
  actor: Actor,
  { today = toChinaDate(new Date()) }: { today?: string } = {},
): Promise<MyLicence[]> {
  requirePermission(actor, "portal:citizen");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const status = effectiveStatusSql(today);
  const holders = await walletHolders(db, actor.personId, today);
  const order = new Map(holders.map((h, i) => [h.id, i]));
  const selected = await db
    .select({
      holderPersonId: licences.holderPersonId,
      id: licences.id,
      typeKey: licenceTypes.key,
      typeId: licenceTypes.id,
      typeNameZh: licenceTypes.nameZh,
      typeNameEn: licenceTypes.nameEn,
      licenceNumber: licences.licenceNumber,
      holderCode: licences.holderCode,
      holderCodeType: licences.holderCodeType,
      issuerName: licences.issuerName,
      issuedOn: licences.issuedOn,
      validFrom: licences.validFrom,
      validUntil: licences.validUntil,
      status,
      statusReason: licences.statusReason,
    })
    .from(licences)
    .innerJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
    .where(inArray(licences.holderPersonId, holders.map((h) => h.id)))
    .orderBy(asc(statusRank(status)), asc(licenceTypes.code), desc(licences.validFrom), asc(licences.id));
  // Stable: within each holder the database's order stands.
  const rows = selected.map((r, i) => ({ r, i })).sort((a, b) => (order.get(a.r.holderPersonId) ?? 0) - (order.get(b.r.holderPersonId) ?? 0) || a.i - b.i).map((x) => x.r);

  const soonLimit = addCalendarDays(today, EXPIRING_SOON_DAYS);
  const expiringSoon = (r: { status: LicenceStatus; validUntil: string | null }) =>
    r.status === "valid" && r.validUntil !== null && r.validUntil <= soonLimit;
  // A type is covered when some licence of it is in force and not about to run out: then an
  // old expired or revoked one of that type needs no renewal (the holder already renewed).
  const coveredTypes = new Set(rows.filter((r) => r.status === "valid" && !expiringSoon(r)).map((r) => `${r.holderPersonId}:${r.typeId}`));
  const holderOf = new Map(holders.map((h) => [h.id, h]));

  return rows.map(({ typeId, holderCode, holderCodeType, holderPersonId, ...r }) => {
    const soon = expiringSoon(r);
    const needsAction = soon || r.status === "expired" || r.status === "revoked";
    return {
      ...r,
      licenceNumber: displayLicenceNumber(r.licenceNumber, holderCode, holderCodeType),
      expiringSoon: soon,
      daysLeft: r.status === "valid" && r.validUntil !== null ? daysBetween(today, r.validUntil) : null,
      statusReason: r.status === "revoked" || r.status === "superseded" ? r.statusReason : null,
      renewHint: needsAction && !coveredTypes.has(`${holderPersonId}:${typeId}`),
      holder: holderOf.get(holderPersonId) ?? { id: holderPersonId, name: "", self: false },
    };
  });
}
