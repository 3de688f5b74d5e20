import "server-only";
import type { Executor } from "@/db/client";
import { toChinaDate } from "@/lib/calendar/working-days";
import { readPdfSeal } from "./pdf/pdf-seal";
import { licenceKeys } from "./signing-key";
import { verifyNamedLicence, type PublicVerification } from "./verify-code";

/** Licence PDFs are a few hundred KB; anything past this is not one of ours and is not read. */
export const LICENCE_FILE_MAX_BYTES = 2 * 1024 * 1024;

export type FileVerification =
  | { result: "invalid"; reason: "not_pdf" | "no_seal" | "bad_signature" | "unknown"; checkedOn: string }
  | Exclude<PublicVerification, { result: "invalid" }>;

/**
 * The verify page's upload (no sign-in): the seal first — a file with any byte changed, or one
 * not made by the library, is refused before any query — then the licence it names, checked
 * against the library like a QR scan (record signature, today's status) and recorded for the
 * holder (method "pdf"). The file itself is not kept.
 */
export async function verifyLicenceFile(db: Executor, pdf: Uint8Array, { now = new Date() }: { now?: Date } = {}): Promise<FileVerification> {
  const checkedOn = toChinaDate(now);
  if (pdf.byteLength > LICENCE_FILE_MAX_BYTES) return { result: "invalid", reason: "no_seal", checkedOn };
  const seal = readPdfSeal(pdf, licenceKeys().publicKey);
  if (!seal.ok) return { result: "invalid", reason: seal.reason, checkedOn };
  const checked = await verifyNamedLicence(db, seal, { method: "pdf", verifierLabel: "上传文件核验（公众）", now });
  return checked.result === "invalid" ? { result: "invalid", reason: "unknown", checkedOn } : checked;
}

/** The library's public key as raw 32 bytes in base64url, shown on the verify page for offline checks. */
export function licencePublicKeyText(): string {
  const spki = licenceKeys().publicKey.export({ format: "der", type: "spki" });
  return Buffer.from(spki.subarray(spki.length - 32)).toString("base64url");
}
