import { buildOpenApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 description of /api/v1, generated from the operations' zod schemas. */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
