import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, type Application } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createApplication } from "./factories";

/** The Actor of a department clerk (and/or comprehensive-window clerk) for lib calls in tests. */
export function clerkActor(over: Partial<Actor> & { id: string }): Actor {
  return { role: "clerk", displayName: "测试窗口", personId: null, departmentId: null, centreId: null, ...over };
}

/** A submitted application with the given columns overwritten (due dates, status, channel…). */
export async function createQueuedApplication(
  db: Executor,
  applicantPersonId: string,
  serviceId: string,
  set: Partial<typeof applications.$inferInsert> = {},
): Promise<Application> {
  const app = await createApplication(db, applicantPersonId, serviceId);
  if (Object.keys(set).length === 0) return app;
  const [updated] = await db.update(applications).set(set).where(eq(applications.id, app.id)).returning();
  if (!updated) throw new Error("application not updated");
  return updated;
}

// --- Materials (library licences, uploads) ---
import { randomUUID } from "node:crypto";
import { applicationMaterials, serviceMaterials, uploadContents, uploads } from "@/db/schema";

let position = 0;

/** A material of `serviceId` (kind licence when `licenceTypeId` is given, else upload). */
export async function createServiceMaterial(db: Executor, serviceId: string, licenceTypeId?: string) {
  position += 1;
  const [material] = await db
    .insert(serviceMaterials)
    .values({
      serviceId,
      position,
      nameZh: `材料${position}`,
      nameEn: `Material ${position}`,
      kind: licenceTypeId ? "licence" : "upload",
      licenceTypeId: licenceTypeId ?? null,
    })
    .returning();
  if (!material) throw new Error("service material not created");
  return material;
}

/** Attaches a library licence to an application as a new material of its service. */
export async function attachLibraryMaterial(db: Executor, app: Application, licence: { id: string; licenceTypeId: string }) {
  const material = await createServiceMaterial(db, app.serviceId, licence.licenceTypeId);
  const [row] = await db
    .insert(applicationMaterials)
    .values({ applicationId: app.id, personId: app.applicantPersonId, serviceMaterialId: material.id, source: "library", licenceId: licence.id })
    .returning();
  if (!row) throw new Error("application material not created");
  return row;
}

/** Stores a small PDF for the applicant and attaches it to the application as an upload material. */
export async function attachUploadMaterial(db: Executor, app: Application, attach = true) {
  const content = Buffer.from("%PDF-1.4\n% test\n");
  const [upload] = await db
    .insert(uploads)
    .values({
      ownerPersonId: app.applicantPersonId,
      applicationId: attach ? app.id : null,
      fileName: "证明.pdf",
      contentType: "application/pdf",
      sizeBytes: content.byteLength,
      sha256: "0".repeat(64),
      storageKey: `test/${randomUUID()}`,
    })
    .returning();
  if (!upload) throw new Error("upload not created");
  await db.insert(uploadContents).values({ uploadId: upload.id, content });
  if (!attach) return { upload, material: null };
  const sm = await createServiceMaterial(db, app.serviceId);
  const [material] = await db
    .insert(applicationMaterials)
    .values({ applicationId: app.id, personId: app.applicantPersonId, serviceMaterialId: sm.id, source: "upload", uploadId: upload.id })
    .returning();
  return { upload, material: material ?? null };
}
