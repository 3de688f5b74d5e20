import { z } from "zod";
import { operations, type ApiOperation } from "./operations";
import { PROBLEM_BASE } from "./problem";

const problemSchema = z.object({
  type: z.url().meta({ description: `A URI under ${PROBLEM_BASE} naming the problem` }),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().meta({ description: "What went wrong, in the negotiated language (Accept-Language: zh-CN default, en)" }),
  detailI18n: z.object({ "zh-CN": z.string(), en: z.string() }),
  code: z.string(),
  requestId: z.string(),
  errors: z
    .array(
      z.object({
        pointer: z.string().meta({ description: "JSON pointer (RFC 6901) into the request body" }),
        detail: z.string(),
        code: z.string(),
      }),
    )
    .optional(),
});

const problemTitles: Record<number, string> = {
  401: "Missing, invalid or revoked API key",
  403: "The calling department does not issue this licence type",
  404: "No such licence, licence type or resident",
  409: "The licence's status does not allow this",
  422: "Invalid request body, missing Idempotency-Key, or an Idempotency-Key reused with another body",
  429: "Rate limit exceeded (see Retry-After)",
};

const bodyName = (op: ApiOperation) => `${op.operationId[0]!.toUpperCase()}${op.operationId.slice(1)}Request`;

type JsonSchema = Record<string, unknown>;

/** JSON Schemas for a set of named zod schemas, cross-referenced as #/components/schemas/<name>. */
function componentSchemas(named: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }) as {
    schemas: Record<string, JsonSchema>;
  };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]),
  );
}

/** The JSON Schema a request body must follow, as the OpenAPI document states it (tests compare the two). */
export function requestBodySchema(op: ApiOperation): JsonSchema | null {
  if (!op.body) return null;
  return componentSchemas({ [bodyName(op)]: op.body }, "input")[bodyName(op)] ?? null;
}

/** OpenAPI 3.1 for /api/v1, generated from the operations' own zod schemas. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const requests = Object.fromEntries(operations.filter((o) => o.body).map((o) => [bodyName(o), o.body!]));
  const responses = Object.fromEntries(operations.map((o) => [o.responseName, o.response]));
  const schemas = {
    ...componentSchemas(requests, "input"),
    ...componentSchemas({ ...responses, Problem: problemSchema }, "output"),
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters: unknown[] = Object.entries(op.params ?? {}).map(([name, schema]) => ({
      name,
      in: "path",
      required: true,
      description: "Licence identifier (证照标识, GB/T 36904)",
      schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }),
    }));
    if (op.idempotent) {
      parameters.push({
        name: "Idempotency-Key",
        in: "header",
        required: true,
        description: "Unique per logical request (1–200 visible ASCII characters); a retry with the same key and body replays the first answer",
        schema: { type: "string", minLength: 1, maxLength: 200 },
      });
    }
    const problemStatuses = [...new Set([401, 422, 429, ...op.problems])].sort();
    paths[`/api/v1${op.path}`] ??= {};
    paths[`/api/v1${op.path}`]![op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      description: op.description,
      tags: op.tags,
      security: [{ apiKey: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${bodyName(op)}` } } } } }
        : {}),
      responses: {
        [String(op.successStatus)]: {
          description: op.successStatus === 201 ? "Created" : "OK",
          headers: { "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" }, "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" }, "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" } },
          content: { "application/json": { schema: { $ref: `#/components/schemas/${op.responseName}` } } },
        },
        ...Object.fromEntries(problemStatuses.map((s) => [String(s), { $ref: `#/components/responses/Problem${s}` }])),
      },
    };
  }
  const intHeader = (description: string) => ({ description, schema: { type: "integer" } });
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "一窗通办 电子证照库 API (OneWindow licence library)",
      version: "1.0.0",
      description:
        "For other departments' systems: issue, revoke, read and verify e-licences. Authenticate with the department's API key " +
        "(Authorization: Bearer ow_<prefix>_<secret>, created by the portal's administrator). Errors are RFC 9457 problem documents.",
    },
    servers: [{ url: "/" }],
    tags: [{ name: "licences", description: "电子证照库" }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "ow_<prefix>_<secret>", description: "The department's API key" },
      },
      headers: {
        "RateLimit-Limit": intHeader("Requests allowed per one-minute window"),
        "RateLimit-Remaining": intHeader("Requests left in this window"),
        "RateLimit-Reset": intHeader("Seconds until the window resets"),
        "Retry-After": intHeader("Seconds to wait before retrying"),
      },
      responses: Object.fromEntries(
        Object.entries(problemTitles).map(([status, description]) => [
          `Problem${status}`,
          {
            description,
            ...(status === "429" ? { headers: { "Retry-After": { $ref: "#/components/headers/Retry-After" } } } : {}),
            content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
          },
        ]),
      ),
      schemas,
    },
  };
}
