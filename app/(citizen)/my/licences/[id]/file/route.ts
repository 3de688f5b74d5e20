import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";
import { getMyLicenceFile } from "@/lib/licences/get-my-licence-file";
import { requestOrigin } from "@/lib/licences/request-origin";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** The holder's licence as a sealed PDF (lib/licences/get-my-licence-file.ts); 404 to anyone else. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const actor = await getCurrentUser();
  if (!actor || actor.role !== "citizen") return plain(404, "Not found");
  const locale = await getLocale();
  try {
    const file = await getMyLicenceFile(await getDb(), actor, id, {
      locale: isLocale(locale) ? locale : "zh-CN",
      origin: requestOrigin(request.headers),
    });
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(file.bytes.byteLength),
        "Content-Disposition": `attachment; filename="licence.pdf"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return plain(404, "Not found");
    if (isAppError(error) && error.code === "CONFLICT") return plain(409, "Only a licence in force can be downloaded.");
    throw error;
  }
}
