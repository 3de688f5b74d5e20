import type { Database, Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/api/keys";
import { operationById } from "@/lib/api/operations";
import type { ApiResponse } from "@/lib/api/problem";
import { runApiOperation } from "@/lib/api/run-operation";
import { createStaffUser } from "./factories";

/** An administrator, as the admin pages' lib calls receive it. */
export async function createAdminActor(db: Executor): Promise<Actor> {
  const user = await createStaffUser(db, "Test#Pass2026", { role: "admin", displayName: "测试管理员" });
  return { id: user.id, role: "admin", displayName: user.displayName, personId: null, departmentId: null, centreId: null };
}

/** A fresh API key for `departmentId`, made the way the admin page makes one. */
export async function createDepartmentKey(db: Executor, admin: Actor, departmentId: string, rateLimitPerMinute = 600) {
  return createApiKey(db, admin, { departmentId, label: "测试系统", rateLimitPerMinute });
}

/**
 * Calls an /api/v1 operation as a department's system would — the same code path as the
 * route handler, without a server.
 */
export function callApi(
  db: Database,
  operationId: string,
  {
    key,
    body,
    params,
    idempotencyKey,
    acceptLanguage,
    now,
  }: { key?: string; body?: unknown; params?: Record<string, string>; idempotencyKey?: string; acceptLanguage?: string; now?: Date },
): Promise<ApiResponse> {
  const headers = new Headers({ "Content-Type": "application/json" });
  if (key) headers.set("Authorization", `Bearer ${key}`);
  if (idempotencyKey) headers.set("Idempotency-Key", idempotencyKey);
  if (acceptLanguage) headers.set("Accept-Language", acceptLanguage);
  return runApiOperation(db, operationById(operationId), {
    headers,
    params,
    bodyText: body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body),
    now,
  });
}

import { applicationMaterials, serviceMaterials } from "@/db/schema";

/** Attaches `licenceId` to the application as its library material (a new licence material on the service). */
export async function attachLicence(
  db: Executor,
  application: { id: string; applicantPersonId: string; serviceId: string },
  licence: { id: string; licenceTypeId: string },
  position = 1,
) {
  const [material] = await db
    .insert(serviceMaterials)
    .values({ serviceId: application.serviceId, position, nameZh: "证照", nameEn: "Licence", kind: "licence", licenceTypeId: licence.licenceTypeId })
    .returning();
  if (!material) throw new Error("material not created");
  await db.insert(applicationMaterials).values({
    applicationId: application.id,
    personId: application.applicantPersonId,
    serviceMaterialId: material.id,
    source: "library",
    licenceId: licence.id,
  });
}
