/** Electronic licence identifier (电子证照标识), GB/T 36904-2018. */

import { isValidUscc } from "./uscc";

// OID arc for Chinese e-licences: iso(1).member-body(2).cn(156).3005.2
const PREFIX = "1.2.156.3005.2";
const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const IDENTIFIER_PATTERN =
  /^1\.2\.156\.3005\.2\.([0-9A-Z]{18}\d{3})\.([0-9A-Z]{18})\.([0-9A-Z]{1,32})\.(\d{3})\.([0-9A-Z])$/;

export interface LicenceIdentifier {
  /** Defining authority's USCC + 3-digit licence type number. */
  typeCode: string;
  issuerUscc: string;
  serial: string;
  version: number;
}

export type LicenceIdentifierError = "format" | "type_code" | "issuer" | "check_char";

export type ParseLicenceIdentifierResult =
  | { ok: true; value: LicenceIdentifier }
  | { ok: false; error: LicenceIdentifierError };

/**
 * ISO 7064 MOD 37,36 over the dot-less concatenation of type code, issuer,
 * serial and version. Throws RangeError on characters outside 0-9A-Z.
 */
export function licenceIdentifierCheckChar(body: string): string {
  if (!/^[0-9A-Z]+$/.test(body)) {
    throw new RangeError(`licence identifier body must be non-empty 0-9A-Z: ${body}`);
  }
  let p = 36;
  for (let i = 0; i < body.length; i++) {
    let s = (p + ALNUM.indexOf(body.charAt(i))) % 36;
    if (s === 0) s = 36;
    p = (2 * s) % 37;
  }
  // p is in 1..36, so exactly one c in 0..35 gives (p + c) mod 36 = 1.
  return ALNUM.charAt((37 - p) % 36);
}

function checkBody(typeCode: string, issuerUscc: string, serial: string, version: string): string {
  return `${typeCode}${issuerUscc}${serial}${version}`;
}

export function parseLicenceIdentifier(s: string): ParseLicenceIdentifierResult {
  // Upper-casing is safe: every component is defined over upper-case letters only.
  const match = IDENTIFIER_PATTERN.exec(s.trim().toUpperCase());
  if (!match) return { ok: false, error: "format" };
  const [, typeCode = "", issuerUscc = "", serial = "", version = "", check = ""] = match;

  if (!isValidUscc(typeCode.slice(0, 18))) return { ok: false, error: "type_code" };
  if (!isValidUscc(issuerUscc)) return { ok: false, error: "issuer" };
  if (licenceIdentifierCheckChar(checkBody(typeCode, issuerUscc, serial, version)) !== check) {
    return { ok: false, error: "check_char" };
  }
  return { ok: true, value: { typeCode, issuerUscc, serial, version: Number(version) } };
}

export function isValidLicenceIdentifier(s: string): boolean {
  return parseLicenceIdentifier(s).ok;
}

/** Throws RangeError on any component that parseLicenceIdentifier would reject. */
export function makeLicenceIdentifier(parts: LicenceIdentifier): string {
  const { typeCode, issuerUscc, serial, version } = parts;
  if (!/^[0-9A-Z]{18}\d{3}$/.test(typeCode) || !isValidUscc(typeCode.slice(0, 18))) {
    throw new RangeError(`type code must be a valid USCC + 3 digits: ${typeCode}`);
  }
  if (!isValidUscc(issuerUscc)) {
    throw new RangeError(`issuer must be a valid USCC: ${issuerUscc}`);
  }
  if (!/^[0-9A-Z]{1,32}$/.test(serial)) {
    throw new RangeError(`serial must be 1-32 chars of 0-9A-Z: ${serial}`);
  }
  if (!Number.isInteger(version) || version < 0 || version > 999) {
    throw new RangeError(`version must be an integer 0-999: ${version}`);
  }
  const v = String(version).padStart(3, "0");
  const check = licenceIdentifierCheckChar(checkBody(typeCode, issuerUscc, serial, v));
  return [PREFIX, typeCode, issuerUscc, serial, v, check].join(".");
}
