import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { licenceAccessLog } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listMyLicenceAccess } from "@/lib/licences/list-my-licence-access";
import { attachUploadMaterial, clerkActor, createQueuedApplication } from "@/lib/testing/clerk-factories";
import { citizenActor, createCitizenUser, createDepartment, createService, createStaffUser } from "@/lib/testing/factories";
import { getUploadForViewerOrThrow, UPLOAD_VIEW_PURPOSE } from "./get-upload-for-viewer";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

/** A resident's application with one uploaded file, and a clerk of the service's department. */
async function setup() {
  const dept = await createDepartment(h.db);
  const clerk = clerkActor({ id: (await createStaffUser(h.db, "x", { departmentId: dept.id })).id, departmentId: dept.id, displayName: "周窗口" });
  const service = await createService(h.db, dept.id);
  const resident = await createCitizenUser(h.db, "Secret2026");
  const app = await createQueuedApplication(h.db, resident.person.id, service.id, { status: "accepted" });
  const { upload } = await attachUploadMaterial(h.db, app);
  const reads = () => h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.holderPersonId, resident.person.id));
  return { dept, clerk, resident, owner: citizenActor(resident), app, upload, reads };
}

describe("opening an uploaded file", () => {
  it("by a clerk in scope is logged once, with its application, and the resident's page lists it", async () => {
    const { dept, clerk, owner, app, upload, reads } = await setup();
    const file = await getUploadForViewerOrThrow(h.db, clerk, upload.id);
    expect(file).toMatchObject({ fileName: "证明.pdf", contentType: "application/pdf" });

    const rows = await reads();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      uploadId: upload.id,
      licenceId: null,
      registerField: null,
      actorUserId: clerk.id,
      actorDepartmentId: dept.id,
      actorLabel: "周窗口（窗口人员）",
      purpose: UPLOAD_VIEW_PURPOSE,
      applicationId: app.id,
    });
    const mine = await listMyLicenceAccess(h.db, owner, { page: 1 });
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({
      item: "upload",
      fileName: "证明.pdf",
      purpose: UPLOAD_VIEW_PURPOSE,
      applicationNumber: app.number,
      departmentNameZh: dept.nameZh,
      licenceNumber: null,
      licenceTypeNameZh: null,
    });
  });

  it("by its owner is not logged", async () => {
    const { owner, upload, reads } = await setup();
    expect((await getUploadForViewerOrThrow(h.db, owner, upload.id)).fileName).toBe("证明.pdf");
    expect(await reads()).toEqual([]);
  });

  it("by a clerk out of scope, another resident or a supervisor is NOT_FOUND (404) and not logged", async () => {
    const { upload, reads } = await setup();
    const other = await createDepartment(h.db);
    const stranger = clerkActor({ id: (await createStaffUser(h.db, "x", { departmentId: other.id })).id, departmentId: other.id });
    const neighbour = citizenActor(await createCitizenUser(h.db, "Secret2026"));
    const supervisor = { ...stranger, role: "supervisor" as const };
    for (const actor of [stranger, neighbour, supervisor]) {
      await expect(getUploadForViewerOrThrow(h.db, actor, upload.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await reads()).toEqual([]);
  });

  it("an unattached upload is never shown to a clerk, and nothing is logged", async () => {
    const { clerk, app, resident } = await setup();
    const { upload } = await attachUploadMaterial(h.db, app, false);
    await expect(getUploadForViewerOrThrow(h.db, clerk, upload.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await h.db.select().from(licenceAccessLog).where(eq(licenceAccessLog.holderPersonId, resident.person.id))).toEqual([]);
  });
});
