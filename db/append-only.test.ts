import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./client";
import { createApplication, createDepartment, createPerson, createService } from "@/lib/testing/factories";
import { applicationEvents, auditLog } from "./schema";
import { createTestDatabase } from "./testing";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (e) {
    const err = e as { message?: string; cause?: { message?: string } };
    return `${err.message ?? ""} ${err.cause?.message ?? ""}`;
  }
}

describe("audit_log is append-only, enforced by the database", () => {
  it("accepts inserts", async () => {
    const [row] = await h.db
      .insert(auditLog)
      .values({ action: "test.append", entityType: "test" })
      .returning();
    expect(row?.id).toBeGreaterThan(0);
  });

  it("rejects UPDATE", async () => {
    const [row] = await h.db.insert(auditLog).values({ action: "test.update", entityType: "test" }).returning();
    const message = await errorOf(h.db.update(auditLog).set({ action: "rewritten" }).where(eq(auditLog.id, row!.id)));
    expect(message).toMatch(/audit_log is append-only: UPDATE/);
    const [after] = await h.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(after?.action).toBe("test.update");
  });

  it("rejects DELETE", async () => {
    const [row] = await h.db.insert(auditLog).values({ action: "test.delete", entityType: "test" }).returning();
    expect(await errorOf(h.db.delete(auditLog).where(eq(auditLog.id, row!.id)))).toMatch(
      /audit_log is append-only: DELETE/,
    );
    expect(await h.db.select().from(auditLog).where(eq(auditLog.id, row!.id))).toHaveLength(1);
  });

  it("rejects TRUNCATE", async () => {
    expect(await errorOf(h.db.execute(sql`TRUNCATE audit_log`))).toMatch(/audit_log is append-only: TRUNCATE/);
  });

  it("rejects changes to application events too", async () => {
    const person = await createPerson(h.db);
    const service = await createService(h.db, (await createDepartment(h.db)).id);
    const application = await createApplication(h.db, person.id, service.id);
    const where = eq(applicationEvents.applicationId, application.id);
    expect(await errorOf(h.db.delete(applicationEvents).where(where))).toMatch(/application_events is append-only: DELETE/);
    expect(await errorOf(h.db.update(applicationEvents).set({ note: "x" }).where(where))).toMatch(
      /application_events is append-only: UPDATE/,
    );
    expect(await h.db.select().from(applicationEvents).where(where)).toHaveLength(1);
  });
});
