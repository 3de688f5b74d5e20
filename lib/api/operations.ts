import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { licenceMetadataSchema } from "@/lib/licences/core-metadata";
import { issueLicenceForDepartment, issueLicenceSchema } from "@/lib/licences/issue-for-department";
import { licenceIdentifierSchema, revokeLicence, revokeLicenceSchema } from "@/lib/licences/revoke-licence";
import { searchLicences, searchLicencesSchema } from "@/lib/licences/search-licences";
import type { SystemActor } from "@/lib/licences/system-actor";
import { verificationResultSchema, verifyLicenceByIdentifier } from "@/lib/licences/verify-by-identifier";

/** What every operation's `run` receives besides the database. */
export type OperationContext = { system: SystemActor; requestId: string; now: Date };

/**
 * One /api/v1 operation: its route, the zod schemas its body and answer follow (the OpenAPI
 * document is generated from the same schemas), and the one lib call it makes. Route handlers
 * and contract tests both go through `runApiOperation`, so the tests drive exactly what runs.
 */
export type ApiOperation<B extends z.ZodType = z.ZodType> = {
  operationId: string;
  method: "GET" | "POST";
  /** OpenAPI path template below /api/v1, e.g. "/licences/{identifier}/revoke". */
  path: string;
  /** The route file that serves it, relative to app/api/v1 (checked by the OpenAPI test). */
  routeFile: string;
  summary: string;
  description: string;
  tags: string[];
  /** Path parameters and their schemas. */
  params?: Record<string, z.ZodType<string>>;
  body?: B;
  /** Writes: an Idempotency-Key header is required and a retry replays the first answer. */
  idempotent: boolean;
  successStatus: 200 | 201;
  response: z.ZodType;
  responseName: string;
  /** Problem statuses the operation can answer besides 401, 422 and 429. */
  problems: number[];
  run: (db: Executor, input: { body: z.output<B>; params: Record<string, string> }, ctx: OperationContext) => Promise<unknown>;
};

const define = <B extends z.ZodType>(op: ApiOperation<B>) => op as unknown as ApiOperation;

export const revokeResponseSchema = z.object({
  identifier: z.string(),
  status: z.literal("revoked"),
  statusReason: z.string(),
  statusChangedAt: z.iso.datetime({ offset: true }),
  flaggedApplications: z.number().int().meta({ description: "Open applications that relied on it, now flagged for their clerks" }),
});

export const searchResponseSchema = z.object({ licences: z.array(licenceMetadataSchema) });

export const operations: ApiOperation[] = [
  define({
    operationId: "issueLicence",
    method: "POST",
    path: "/licences",
    routeFile: "licences/route.ts",
    summary: "Issue a licence to a resident (签发证照)",
    description:
      "Issues a signed licence of one of the calling department's own types to the resident with this ID number. " +
      "A still-valid licence of the same type becomes superseded. Requires an Idempotency-Key: a retry with the same key " +
      "and body returns the first answer (one licence); the same key with another body is refused (422).",
    tags: ["licences"],
    body: issueLicenceSchema,
    idempotent: true,
    successStatus: 201,
    response: licenceMetadataSchema,
    responseName: "LicenceMetadata",
    problems: [403, 404],
    run: (db, { body }, ctx) => issueLicenceForDepartment(db, ctx.system, body, { requestId: ctx.requestId, now: ctx.now }),
  }),
  define({
    operationId: "revokeLicence",
    method: "POST",
    path: "/licences/{identifier}/revoke",
    routeFile: "licences/[identifier]/revoke/route.ts",
    summary: "Revoke a licence (注销证照)",
    description:
      "Revokes one of the calling department's licences with a reason. Every open application that relies on it is " +
      "flagged for its clerk and the resident is told what to renew. Requires an Idempotency-Key.",
    tags: ["licences"],
    params: { identifier: licenceIdentifierSchema },
    body: revokeLicenceSchema,
    idempotent: true,
    successStatus: 200,
    response: revokeResponseSchema,
    responseName: "RevokedLicence",
    problems: [403, 404, 409],
    run: (db, { body, params }, ctx) =>
      revokeLicence(db, ctx.system, params.identifier ?? "", body, { requestId: ctx.requestId, now: ctx.now }),
  }),
  define({
    operationId: "searchLicences",
    method: "POST",
    path: "/licences/search",
    routeFile: "licences/search/route.ts",
    summary: "A resident's licences of given types (调阅证照)",
    description:
      "Lists the resident's licences of the given types with GB/T 36903 core metadata and the effective status. " +
      "The ID number travels in the body, never in a URL. The purpose is required and every licence returned is logged " +
      "in the resident's “who used my data”. Holder codes are masked unless the caller issues the type. A read: no Idempotency-Key.",
    tags: ["licences"],
    body: searchLicencesSchema,
    idempotent: false,
    successStatus: 200,
    response: searchResponseSchema,
    responseName: "LicenceSearchResult",
    problems: [404],
    run: (db, { body }, ctx) => searchLicences(db, ctx.system, body, { now: ctx.now }),
  }),
  define({
    operationId: "verifyLicence",
    method: "GET",
    path: "/licences/{identifier}/verification",
    routeFile: "licences/[identifier]/verification/route.ts",
    summary: "Verify a licence by identifier (核验证照)",
    description:
      "Checks the library's Ed25519 signature over the licence's canonical fields, then its effective status today. " +
      "Minimal metadata only (holder's name masked). The check is recorded in the licence's verification history.",
    tags: ["licences"],
    params: { identifier: licenceIdentifierSchema },
    idempotent: false,
    successStatus: 200,
    response: verificationResultSchema,
    responseName: "LicenceVerification",
    problems: [404],
    run: (db, { params }, ctx) => verifyLicenceByIdentifier(db, ctx.system, params.identifier ?? "", { now: ctx.now }),
  }),
];

export const operationById = (id: string): ApiOperation => {
  const op = operations.find((o) => o.operationId === id);
  if (!op) throw new Error(`no API operation ${id}`);
  return op;
};

