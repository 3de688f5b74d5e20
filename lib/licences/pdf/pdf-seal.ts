import { sign, verify, type KeyObject } from "node:crypto";

/**
 * The seal of a licence PDF: an Ed25519 signature by the licence library over every byte of the
 * file except the signature itself, written as 128 lower-case hex digits in the document
 * catalogue (`/OWSeal <…>`), the way a PDF signature's /ByteRange leaves out its /Contents.
 *
 * Why the bytes and not the embedded metadata: a signature over the metadata alone would still
 * pass after someone edits the printed page (a name, a date, the QR code) as long as the
 * metadata stays; over the bytes, a change to any byte outside the seal breaks the signature,
 * and a change inside it is a different signature, which does not verify either. Digits must be
 * lower case, so even flipping "a" to "A" (the same value) is refused. The message is
 * domain-separated ("onewindow-licence-pdf/v1\n" first), so neither a QR code's signature nor a
 * licence record's can stand in for a PDF's.
 *
 * Anyone can redo the check with the library's public key and no software of ours: cut the 128
 * digits out of the file, put the domain line in front, verify Ed25519.
 */
export const SEAL_KEY = "OWSeal";
export const LICENCE_KEY = "OWLicence";
export const SEAL_HEX_LENGTH = 128;
export const PDF_SEAL_DOMAIN = "onewindow-licence-pdf/v1\n";

const MARKER = Buffer.from(`/${SEAL_KEY} <`, "latin1");

/** Offset of the seal's first hex digit, or null unless the file has exactly one well-formed seal. */
function locateSeal(bytes: Buffer): number | null {
  const first = bytes.indexOf(MARKER);
  if (first < 0 || bytes.indexOf(MARKER, first + 1) >= 0) return null;
  const start = first + MARKER.length;
  const end = start + SEAL_HEX_LENGTH;
  if (end >= bytes.length || bytes[end] !== 0x3e /* ">" */) return null;
  return /^[0-9a-f]+$/.test(bytes.toString("latin1", start, end)) ? start : null;
}

function signedMessage(bytes: Buffer, start: number): Buffer {
  return Buffer.concat([Buffer.from(PDF_SEAL_DOMAIN, "utf8"), bytes.subarray(0, start), bytes.subarray(start + SEAL_HEX_LENGTH)]);
}

/** Fills the blank seal renderLicencePdf left. */
export function sealPdf(pdf: Uint8Array, privateKey: KeyObject): Buffer {
  const bytes = Buffer.from(pdf);
  const start = locateSeal(bytes);
  if (start === null || bytes.toString("latin1", start, start + SEAL_HEX_LENGTH) !== "0".repeat(SEAL_HEX_LENGTH)) {
    throw new Error("sealPdf: the document has no single blank seal");
  }
  const signature = sign(null, signedMessage(bytes, start), privateKey).toString("hex");
  bytes.write(signature, start, "latin1");
  return bytes;
}

export type PdfSealCheck =
  | { ok: false; reason: "not_pdf" | "no_seal" | "bad_signature" }
  | { ok: true; identifier: string; version: number };

/**
 * Checks the seal and, only if it holds, reads which licence the file is (identifier and
 * version). Says nothing about the licence being current: the caller asks the library.
 */
export function readPdfSeal(pdf: Uint8Array, publicKey: KeyObject): PdfSealCheck {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  if (bytes.length < 8 || bytes.toString("latin1", 0, 5) !== "%PDF-") return { ok: false, reason: "not_pdf" };
  const start = locateSeal(bytes);
  if (start === null) return { ok: false, reason: "no_seal" };
  let genuine = false;
  try {
    genuine = verify(null, signedMessage(bytes, start), publicKey, Buffer.from(bytes.toString("latin1", start, start + SEAL_HEX_LENGTH), "hex"));
  } catch {
    genuine = false;
  }
  if (!genuine) return { ok: false, reason: "bad_signature" };
  const named = [...bytes.toString("latin1").matchAll(new RegExp(`/${LICENCE_KEY} \\(([0-9A-Z.]{10,150})~(\\d{1,3})\\)`, "g"))];
  if (named.length !== 1) return { ok: false, reason: "no_seal" };
  return { ok: true, identifier: named[0]![1]!, version: Number(named[0]![2]) };
}
