import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { apiKeys, auditLog } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { createDepartment } from "@/lib/testing/factories";
import { createAdminActor } from "@/lib/testing/library-factories";
import { authenticateApiKey, createApiKey, hashApiKey, listApiKeys, revokeApiKey } from "./keys";

let handle: DbHandle;
let admin: Actor;
let departmentId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  admin = await createAdminActor(handle.db);
  departmentId = (await createDepartment(handle.db)).id;
});
afterAll(async () => handle.close());

describe("API keys", () => {
  it("shows a new key once as ow_<prefix>_<secret> and stores only its SHA-256", async () => {
    const created = await createApiKey(handle.db, admin, { departmentId, label: "公安人口系统", rateLimitPerMinute: 600 });
    expect(created.key).toMatch(/^ow_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(`ow_${created.prefix}_`)).toBe(true);
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key.slice(12));
    const listed = await listApiKeys(handle.db, admin);
    expect(listed.find((k) => k.id === created.id)).toMatchObject({ prefix: created.prefix, label: "公安人口系统" });
    expect(JSON.stringify(listed)).not.toContain(row!.keyHash);
    const [audit] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, "api_key.create"), eq(auditLog.entityId, created.id)));
    expect(audit?.actorUserId).toBe(admin.id);
  });

  it("gives distinct prefixes", async () => {
    const keys = await Promise.all([1, 2, 3].map(() => createApiKey(handle.db, admin, { departmentId, label: "批量", rateLimitPerMinute: 10 })));
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(3);
  });

  it("authenticates a live key, records its use cheaply, and refuses it once revoked (audited)", async () => {
    const created = await createApiKey(handle.db, admin, { departmentId, label: "核验系统", rateLimitPerMinute: 600 });
    const t0 = new Date("2026-11-22T08:00:00Z");
    const caller = await authenticateApiKey(handle.db, `Bearer ${created.key}`, t0);
    expect(caller).toMatchObject({ keyId: created.id, departmentId, prefix: created.prefix });
    await authenticateApiKey(handle.db, `Bearer ${created.key}`, new Date("2026-11-22T08:00:30Z"));
    const [used] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(used!.lastUsedAt?.toISOString()).toBe(t0.toISOString()); // not rewritten within the minute

    await revokeApiKey(handle.db, admin, { id: created.id });
    await expect(authenticateApiKey(handle.db, `Bearer ${created.key}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(revokeApiKey(handle.db, admin, { id: created.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const audits = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, "api_key.revoke"), eq(auditLog.entityId, created.id)));
    expect(audits).toHaveLength(1);
  });

  it("refuses malformed headers and non-admins", async () => {
    for (const header of [null, "", "Basic abc", "Bearer ow_short", `Bearer ow_12345678_${"a".repeat(43)}`]) {
      await expect(authenticateApiKey(handle.db, header)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    const clerk: Actor = { ...admin, role: "clerk" };
    await expect(createApiKey(handle.db, clerk, { departmentId, label: "x", rateLimitPerMinute: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listApiKeys(handle.db, clerk)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
