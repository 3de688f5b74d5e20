import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/detect-file-type";
import { storeUpload } from "@/lib/uploads/store-upload";
import { routeProblem } from "@/lib/api/route-problem";

// Room for the multipart envelope around a file at the size limit.
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

const tooLarge = () => new AppError("VALIDATION", "errors.uploads.invalid", { fieldErrors: { file: "validation.uploads.tooLarge" } });

/** Stores one file (multipart field `file`) for the signed-in resident; the application claims it on submit. */
export async function POST(request: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    const actor = await getCurrentUser();
    if (!actor) throw new AppError("UNAUTHENTICATED", "errors.unauthenticated");
    // Refuse an oversized body before buffering it.
    if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) throw tooLarge();
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) {
      throw new AppError("VALIDATION", "errors.uploads.invalid", { fieldErrors: { file: "validation.uploads.required" } });
    }
    if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const stored = await storeUpload(await getDb(), actor, { fileName: file.name, bytes });
    return Response.json(stored, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return routeProblem(error, requestId);
  }
}
