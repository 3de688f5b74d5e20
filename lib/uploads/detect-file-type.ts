/** The types a resident may upload, each recognised by its leading bytes. */
export const uploadTypes = ["application/pdf", "image/png", "image/jpeg"] as const;
export type UploadContentType = (typeof uploadTypes)[number];

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const signatures: { type: UploadContentType; magic: number[] }[] = [
  { type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
];

/**
 * The content type from the file's own bytes. The name and the browser's claimed type are
 * both under the uploader's control, so neither is consulted.
 */
export function detectFileType(bytes: Uint8Array): UploadContentType | null {
  for (const { type, magic } of signatures) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

/** A display name safe to store and echo: the last path segment, no control characters, ≤ 100 chars. */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim();
  const chars = Array.from(cleaned.replace(/^\.+/, ""));
  return chars.length === 0 ? "file" : chars.slice(0, 100).join("");
}
