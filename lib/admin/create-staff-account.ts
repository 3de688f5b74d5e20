import "server-only";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { createStaffSchema } from "./staff-schemas";

/**
 * An administrator opens a staff account with a first password; the person enrols their
 * authenticator at first sign-in. A taken staff number is a CONFLICT; a clerk without a
 * department or centre is refused by the database's check and answered as such.
 */
export async function createStaffAccount(db: Executor, actor: Actor, input: z.output<typeof createStaffSchema>, requestId?: string) {
  requirePermission(actor, "admin:manage");
  if (isCommonPassword(input.password)) {
    throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { password: "validation.password.common" } });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({
          role: input.role as Role,
          staffNo: input.staffNo,
          displayName: input.displayName,
          departmentId: input.departmentId ?? null,
          centreId: input.centreId ?? null,
          passwordHash,
        })
        .onConflictDoNothing({ target: users.staffNo })
        .returning({ id: users.id, staffNo: users.staffNo });
      if (!created) throw new AppError("CONFLICT", "errors.admin.staffNoTaken", { fieldErrors: { staffNo: "validation.admin.staffNoTaken" } });
      await recordAudit(tx, {
        actorUserId: actor.id,
        actorRole: actor.role,
        action: "admin.staff_created",
        entityType: "user",
        entityId: created.id,
        requestId,
        detail: { staffNo: input.staffNo, role: input.role },
      });
      return { staffNo: input.staffNo };
    });
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === "23514") throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { departmentId: "validation.admin.workplaceRequired" } });
    if (code === "23503") throw new AppError("VALIDATION", "errors.validation", { fieldErrors: { departmentId: "validation.admin.workplaceUnknown" } });
    throw error;
  }
}
