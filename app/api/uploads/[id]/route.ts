import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { expectedError } from "@/lib/errors";
import { getUploadForViewerOrThrow } from "@/lib/uploads/get-upload-for-viewer";
import { routeProblem } from "@/lib/api/route-problem";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** The file itself, to its owner or a clerk whose scope covers the application; 404 to everyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const requestId = randomUUID();
  try {
    const { id } = await params;
    if (!z.uuid().safeParse(id).success) return notFound();
    const actor = await getCurrentUser();
    if (!actor) return notFound();
    const file = await getUploadForViewerOrThrow(await getDb(), actor, id);
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.content.byteLength),
        "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    const code = expectedError(error)?.code;
    // Not yours and not there look the same.
    if (code === "NOT_FOUND" || code === "FORBIDDEN") return notFound();
    return routeProblem(error, requestId);
  }
}
