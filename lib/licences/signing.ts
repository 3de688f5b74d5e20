import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

/** The fields a licence signature covers (GB/T 36903 core metadata plus the certificate's own). */
export type SignedLicenceFields = {
  identifier: string;
  licenceTypeCode: string;
  licenceNumber: string;
  holderName: string;
  holderCode: string;
  holderCodeType: string;
  issuerCode: string;
  issuedOn: string;
  validFrom: string;
  validUntil: string | null;
  version: number;
  fields: Record<string, string>;
};

/**
 * One canonical byte string per licence: keys sorted, no whitespace, so any engine or language
 * that rebuilds the same fields verifies the same signature.
 */
export function canonicalLicenceBytes(f: SignedLicenceFields): Buffer {
  const sortedFields = Object.fromEntries(
    Object.keys(f.fields)
      .sort()
      .map((k) => [k, f.fields[k]]),
  );
  const ordered = {
    fields: sortedFields,
    holderCode: f.holderCode,
    holderCodeType: f.holderCodeType,
    holderName: f.holderName,
    identifier: f.identifier,
    issuedOn: f.issuedOn,
    issuerCode: f.issuerCode,
    licenceNumber: f.licenceNumber,
    licenceTypeCode: f.licenceTypeCode,
    validFrom: f.validFrom,
    validUntil: f.validUntil,
    version: f.version,
  };
  return Buffer.from(JSON.stringify(ordered), "utf8");
}

/** Ed25519 private key from a 32-byte seed (hex or base64url), the form kept in secrets. */
export function signingKeyFromSeed(seed: string): KeyObject {
  const raw = /^[0-9a-f]{64}$/i.test(seed) ? Buffer.from(seed, "hex") : Buffer.from(seed, "base64url");
  if (raw.length !== 32) throw new RangeError("Ed25519 seed must be 32 bytes");
  // PKCS#8 wrapper for a raw Ed25519 seed (RFC 8410).
  const der = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), raw]);
  return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
}

export function publicKeyOf(privateKey: KeyObject): KeyObject {
  return createPublicKey(privateKey);
}

export function signLicence(f: SignedLicenceFields, privateKey: KeyObject): string {
  return sign(null, canonicalLicenceBytes(f), privateKey).toString("base64url");
}

export function verifyLicenceSignature(
  f: SignedLicenceFields,
  signature: string,
  publicKey: KeyObject,
): boolean {
  try {
    return verify(null, canonicalLicenceBytes(f), publicKey, Buffer.from(signature, "base64url"));
  } catch {
    return false;
  }
}
