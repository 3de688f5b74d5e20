import "server-only";
import { walletHolders } from "@/lib/persons/guardianship";
import { sign, verify, type KeyObject } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { licences, licenceTypes, licenceVerifications } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { toChinaDate } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { checkLicence } from "./check-licence";
import { licenceKeys } from "./signing-key";
import { maskPersonName } from "@/lib/persons/mask-name";

/**
 * The code behind a wallet's QR (亮证): `base64url(identifier "~" version) "." base64url(sig)`,
 * where sig is the library's Ed25519 signature over a domain-separated message
 * ("onewindow-licence-qr/v1\n" + identifier "~" version — never a valid canonical licence, so a
 * QR signature can never pass as a licence signature or the other way round).
 *
 * Why sign at all when the page looks the licence up anyway: identifiers carry sequential
 * serials, so an unsigned code would let anyone walk the library by editing digits. With the
 * signature, a tampered code (one character changed anywhere) or a forged one (made without
 * the private key) fails verification before any query runs and shows "invalid" — which also
 * keeps the public page cheap under abuse. A genuine code still shows the licence's live status:
 * revoked, expired and superseded come from the library at scan time, not from the code.
 */
const DOMAIN = "onewindow-licence-qr/v1\n";

export function makeVerificationCode(identifier: string, version: number, privateKey: KeyObject = licenceKeys().privateKey): string {
  const payload = `${identifier}~${version}`;
  const sig = sign(null, Buffer.from(DOMAIN + payload, "utf8"), privateKey);
  return `${Buffer.from(payload, "utf8").toString("base64url")}.${sig.toString("base64url")}`;
}

/** The identifier and version a genuine code carries, or null for anything tampered, forged or malformed. */
export function parseVerificationCode(code: string, publicKey: KeyObject = licenceKeys().publicKey): { identifier: string; version: number } | null {
  if (typeof code !== "string" || code.length > 400) return null;
  const match = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{86})$/.exec(code.trim());
  if (!match) return null;
  const payload = Buffer.from(match[1]!, "base64url").toString("utf8");
  // base64url decoding is lenient; insist the code is the canonical encoding of what it decodes to.
  if (Buffer.from(payload, "utf8").toString("base64url") !== match[1]) return null;
  const parts = /^([0-9A-Z.]{10,150})~(\d{1,3})$/.exec(payload);
  if (!parts) return null;
  let ok = false;
  try {
    ok = verify(null, Buffer.from(DOMAIN + payload, "utf8"), publicKey, Buffer.from(match[2]!, "base64url"));
  } catch {
    ok = false;
  }
  return ok ? { identifier: parts[1]!, version: Number(parts[2]) } : null;
}

export type PublicVerification =
  | { result: "invalid"; checkedOn: string }
  | {
      result: "valid" | "expired" | "revoked" | "superseded";
      checkedOn: string;
      typeNameZh: string;
      typeNameEn: string;
      /** 李*梅 — enough for the person checking to match the card holder in front of them. */
      holderName: string;
      issuerName: string;
      validUntil: string | null;
    };

/**
 * The public verification page's one call (no sign-in): a forged or tampered code is "invalid"
 * with no query; a genuine one is checked like every other verification (`checkLicence`:
 * signature over the record, then effective status) and recorded (method "qr"). Minimum fields
 * only: type, masked name, issuer, last day — never the ID number, licence number or fields.
 */
export async function verifyLicenceCode(db: Executor, code: string, { now = new Date() }: { now?: Date } = {}): Promise<PublicVerification> {
  const parsed = parseVerificationCode(code);
  if (!parsed) return { result: "invalid", checkedOn: toChinaDate(now) };
  return verifyNamedLicence(db, parsed, { method: "qr", verifierLabel: "扫码核验（公众）", now });
}

/**
 * The library half of a public check, once a signature (QR code or PDF seal) has named a
 * licence: look it up, check the record's own signature and today's status, record the
 * verification for the holder. The version must match, or the code or file is invalid.
 */
export async function verifyNamedLicence(
  db: Executor,
  named: { identifier: string; version: number },
  { method, verifierLabel, now }: { method: "qr" | "pdf"; verifierLabel: string; now: Date },
): Promise<PublicVerification> {
  const checkedOn = toChinaDate(now);
  const [found] = await db
    .select({ licence: licences, typeCode: licenceTypes.code, typeNameZh: licenceTypes.nameZh, typeNameEn: licenceTypes.nameEn })
    .from(licences)
    .innerJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
    .where(eq(licences.identifier, named.identifier));
  if (!found) return { result: "invalid", checkedOn };
  const { licence } = found;
  const checked = licence.version === named.version ? checkLicence(licence, found.typeCode, checkedOn, licenceKeys().publicKey) : "bad_signature";
  await db.insert(licenceVerifications).values({
    licenceId: licence.id,
    holderPersonId: licence.holderPersonId,
    verifierLabel,
    method,
    result: checked,
    verifiedAt: now,
  });
  if (checked === "bad_signature") return { result: "invalid", checkedOn };
  return {
    result: checked,
    checkedOn,
    typeNameZh: found.typeNameZh,
    typeNameEn: found.typeNameEn,
    holderName: maskPersonName(licence.holderName),
    issuerName: licence.issuerName,
    validUntil: licence.validUntil,
  };
}

/** The QR code of each of the signed-in resident's licences, by licence id (one query). */
export async function listMyLicenceCodes(db: Executor, actor: Actor): Promise<Record<string, string>> {
  requirePermission(actor, "portal:citizen");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const holders = await walletHolders(db, actor.personId, toChinaDate(new Date()));
  const rows = await db
    .select({ id: licences.id, identifier: licences.identifier, version: licences.version })
    .from(licences)
    .where(inArray(licences.holderPersonId, holders.map((h) => h.id)));
  const { privateKey } = licenceKeys();
  return Object.fromEntries(rows.map((r) => [r.id, makeVerificationCode(r.identifier, r.version, privateKey)]));
}
