import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./client";
import { attachUploadMaterial } from "@/lib/testing/clerk-factories";
import { createApplication, createDepartment, createLicence, createPerson, createService } from "@/lib/testing/factories";
import { applicationEvents, auditLog, licenceAccessLog } from "./schema";
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

describe("licence_access_log (谁用了我的数据) names one thing per read and is append-only", () => {
  async function reads() {
    const person = await createPerson(h.db);
    const service = await createService(h.db, (await createDepartment(h.db)).id);
    const application = await createApplication(h.db, person.id, service.id);
    const licence = await createLicence(h.db, { holderPersonId: person.id });
    const { upload } = await attachUploadMaterial(h.db, application, true);
    const base = { holderPersonId: person.id, actorLabel: "测试（窗口人员）", purpose: "测试", applicationId: application.id };
    return { person, licence, upload, base };
  }

  it("keeps a file read and a phone read as it keeps a licence read", async () => {
    const { upload, base } = await reads();
    const rows = await h.db
      .insert(licenceAccessLog)
      .values([
        { ...base, uploadId: upload.id },
        { ...base, registerField: "phone" },
      ])
      .returning();
    for (const row of rows) {
      const where = eq(licenceAccessLog.id, row.id);
      expect(await errorOf(h.db.update(licenceAccessLog).set({ purpose: "rewritten" }).where(where))).toMatch(/licence_access_log is append-only: UPDATE/);
      expect(await errorOf(h.db.delete(licenceAccessLog).where(where))).toMatch(/licence_access_log is append-only: DELETE/);
      expect(await h.db.select().from(licenceAccessLog).where(where)).toHaveLength(1);
    }
    expect(await errorOf(h.db.execute(sql`TRUNCATE licence_access_log`))).toMatch(/licence_access_log is append-only: TRUNCATE/);
  });

  it("refuses a read naming nothing, two things, an unknown register field, or another person's file", async () => {
    const { licence, upload, base } = await reads();
    expect(await errorOf(h.db.insert(licenceAccessLog).values(base))).toMatch(/licence_access_log_one_item/);
    expect(await errorOf(h.db.insert(licenceAccessLog).values({ ...base, licenceId: licence.id, uploadId: upload.id }))).toMatch(/licence_access_log_one_item/);
    expect(await errorOf(h.db.execute(sql`INSERT INTO licence_access_log (register_field, holder_person_id, actor_label, purpose) VALUES ('id_number', ${base.holderPersonId}, 'x', 'x')`))).toMatch(
      /licence_access_log_register_field/,
    );
    const stranger = await createPerson(h.db);
    expect(await errorOf(h.db.insert(licenceAccessLog).values({ ...base, holderPersonId: stranger.id, uploadId: upload.id }))).toMatch(/licence_access_log_upload_fk/);
  });
});
