import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { apiKeys, departments } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { createApiKeySchema } from "./key-schemas";

/**
 * Keys of other departments' systems. A key is `ow_<prefix>_<secret>`: the prefix (8 hex
 * characters, unique) names it in lists and logs; the secret is 32 random bytes. Only a SHA-256
 * of the whole key is stored — the key is random, so a slow password hash would add nothing —
 * and the full key is shown once, when it is created.
 */
const KEY_PATTERN = /^ow_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export const hashApiKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

export type CreatedApiKey = { id: string; prefix: string; key: string; label: string };

/** Creates a key for a department; the returned `key` is the only time anyone sees it. */
export async function createApiKey(
  db: Executor,
  actor: Actor,
  input: z.output<typeof createApiKeySchema>,
  requestId?: string,
): Promise<CreatedApiKey> {
  requirePermission(actor, "admin:manage");
  const [dept] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
  if (!dept) throw new AppError("NOT_FOUND", "errors.notFound", { internal: "api key for an unknown department" });
  // A prefix collision (1 in 4 billion per pair) is retried with a fresh key rather than failing.
  for (let attempt = 0; attempt < 5; attempt++) {
    const prefix = randomBytes(4).toString("hex");
    const key = `ow_${prefix}_${randomBytes(32).toString("base64url")}`;
    const [row] = await db
      .insert(apiKeys)
      .values({
        departmentId: dept.id,
        label: input.label,
        prefix,
        keyHash: hashApiKey(key),
        rateLimitPerMinute: input.rateLimitPerMinute,
        createdByUserId: actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: apiKeys.id });
    if (!row) continue;
    await recordAudit(db, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "api_key.create",
      entityType: "api_key",
      entityId: row.id,
      requestId,
      detail: { prefix, departmentId: dept.id, label: input.label, rateLimitPerMinute: input.rateLimitPerMinute },
    });
    return { id: row.id, prefix, key, label: input.label };
  }
  throw new Error("could not find a free API key prefix");
}

export type ApiKeyRow = {
  id: string;
  prefix: string;
  label: string;
  departmentZh: string;
  departmentEn: string;
  rateLimitPerMinute: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** Every key, active first, newest first; never the hash. */
export async function listApiKeys(db: Executor, actor: Actor): Promise<ApiKeyRow[]> {
  requirePermission(actor, "admin:manage");
  return db
    .select({
      id: apiKeys.id,
      prefix: apiKeys.prefix,
      label: apiKeys.label,
      departmentZh: departments.nameZh,
      departmentEn: departments.nameEn,
      rateLimitPerMinute: apiKeys.rateLimitPerMinute,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .innerJoin(departments, eq(departments.id, apiKeys.departmentId))
    .orderBy(sql`${apiKeys.revokedAt} IS NOT NULL`, desc(apiKeys.createdAt), asc(apiKeys.id));
}

/** Departments a key can be made for, for the admin's form. */
export async function listKeyDepartments(db: Executor, actor: Actor) {
  requirePermission(actor, "admin:manage");
  return db
    .select({ id: departments.id, code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn })
    .from(departments)
    .orderBy(asc(departments.code));
}

/** Revokes a key at once: the next request with it is refused. Revoking twice is a conflict. */
export async function revokeApiKey(db: Executor, actor: Actor, { id }: { id: string }, requestId?: string, now = new Date()) {
  requirePermission(actor, "admin:manage");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: now, revokedByUserId: actor.id })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, prefix: apiKeys.prefix });
    if (!row) {
      const [exists] = await tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, id));
      throw exists
        ? new AppError("CONFLICT", "library.apiKeys.alreadyRevoked")
        : new AppError("NOT_FOUND", "errors.notFound", { internal: "no such api key" });
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      actorRole: actor.role,
      action: "api_key.revoke",
      entityType: "api_key",
      entityId: row.id,
      requestId,
      detail: { prefix: row.prefix },
    });
    return row;
  });
}

/** The calling system, as every /api/v1 operation receives it. */
export type ApiCaller = {
  keyId: string;
  prefix: string;
  departmentId: string;
  departmentCode: string;
  departmentNameZh: string;
  departmentNameEn: string;
  rateLimitPerMinute: number;
};

/** last_used_at is written at most once a minute per key, so a busy key does not write every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * `Authorization: Bearer ow_…` → the calling department, or UNAUTHENTICATED for a missing,
 * malformed, unknown or revoked key (one answer for all, so a caller learns nothing about keys).
 * One indexed lookup by hash (api_keys.key_hash is unique).
 */
export async function authenticateApiKey(db: Executor, header: string | null | undefined, now = new Date()): Promise<ApiCaller> {
  const unauthenticated = (why: string) => new AppError("UNAUTHENTICATED", "errors.api.unauthenticated", { internal: why });
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  const key = match?.[1];
  if (!key || !KEY_PATTERN.test(key)) throw unauthenticated("missing or malformed api key");
  const [row] = await db
    .select({
      keyId: apiKeys.id,
      prefix: apiKeys.prefix,
      departmentId: apiKeys.departmentId,
      departmentCode: departments.code,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
      rateLimitPerMinute: apiKeys.rateLimitPerMinute,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .innerJoin(departments, eq(departments.id, apiKeys.departmentId))
    .where(eq(apiKeys.keyHash, hashApiKey(key)));
  if (!row) throw unauthenticated("unknown api key");
  if (row.revokedAt) throw unauthenticated(`revoked api key ${row.prefix}`);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
  }
  const { revokedAt: _r, lastUsedAt: _l, ...caller } = row;
  return caller;
}
