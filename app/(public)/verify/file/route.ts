import { getDb } from "@/db";
import { LICENCE_FILE_MAX_BYTES, verifyLicenceFile } from "@/lib/licences/verify-licence-file";

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } });

/** Reads at most `limit` bytes of the body; null when it is longer (the rest is not read). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The verify page's file check (no sign-in): the uploaded PDF as the raw request body, the
 * answer as JSON (lib/licences/verify-licence-file.ts). Too large → 413, empty → 400; nothing
 * the caller sends makes a 5xx, and the file is not stored.
 */
export async function POST(request: Request): Promise<Response> {
  let body: Uint8Array | null;
  try {
    body = await readLimited(request, LICENCE_FILE_MAX_BYTES);
  } catch {
    return json(400, { error: "unreadable" });
  }
  if (body === null) return json(413, { error: "tooLarge" });
  if (body.byteLength === 0) return json(400, { error: "empty" });
  return json(200, await verifyLicenceFile(await getDb(), body));
}
