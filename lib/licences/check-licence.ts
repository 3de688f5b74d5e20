import type { KeyObject } from "node:crypto";
import type { Licence } from "@/db/schema/licences";
import { effectiveLicenceStatus } from "./effective-status";
import { verifyLicenceSignature } from "./signing";

/** What a verification finds: the effective status, or a signature that does not match. */
export type LicenceCheckResult = "valid" | "expired" | "revoked" | "superseded" | "bad_signature";

type CheckedFields = Pick<
  Licence,
  | "identifier"
  | "licenceNumber"
  | "holderName"
  | "holderCode"
  | "holderCodeType"
  | "issuerCode"
  | "issuedOn"
  | "validFrom"
  | "validUntil"
  | "version"
  | "fields"
  | "signature"
  | "status"
>;

/**
 * The one verification every reader uses (clerk's verify button, the API, the QR page): the
 * signature must match the canonical fields — a row edited behind the library's back fails
 * here — and then the effective status on `today` (China date) decides.
 */
export function checkLicence(licence: CheckedFields, licenceTypeCode: string, today: string, publicKey: KeyObject): LicenceCheckResult {
  const signed = verifyLicenceSignature(
    {
      identifier: licence.identifier,
      licenceTypeCode,
      licenceNumber: licence.licenceNumber,
      holderName: licence.holderName,
      holderCode: licence.holderCode,
      holderCodeType: licence.holderCodeType,
      issuerCode: licence.issuerCode,
      issuedOn: licence.issuedOn,
      validFrom: licence.validFrom,
      validUntil: licence.validUntil,
      version: licence.version,
      fields: licence.fields,
    },
    licence.signature,
    publicKey,
  );
  if (!signed) return "bad_signature";
  return effectiveLicenceStatus({ status: licence.status, validUntil: licence.validUntil }, today);
}
