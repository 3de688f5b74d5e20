import "server-only";
import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { userTotp } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "./actor";
import { beginTotpEnrolment, checkSecondFactor, confirmTotpEnrolment, lockTotp, removeSecondFactor } from "./second-factor";

/** A resident's own code, to confirm turning two-step verification on or off. */
export const secondFactorCodeInputSchema = z.object({ code: z.string().trim().regex(/^[0-9]{6}$/, { message: "code.format" }) });

export async function getSecondFactorStatus(db: Executor, actor: Actor): Promise<{ enabled: boolean }> {
  requirePermission(actor, "portal:citizen");
  const [row] = await db.select({ confirmedAt: userTotp.confirmedAt }).from(userTotp).where(eq(userTotp.userId, actor.id));
  return { enabled: Boolean(row?.confirmedAt) };
}

/** Residents opt in (staff always have it): a fresh secret and its QR code, confirmed by the first code. */
export async function startResidentEnrolment(db: Executor, actor: Actor): Promise<{ secret: string; qr: string }> {
  requirePermission(actor, "portal:citizen");
  const { secret, uri } = await db.transaction(async (tx) => {
    const existing = await lockTotp(tx, actor.id);
    if (existing?.confirmed) throw new AppError("CONFLICT", "errors.twoFactor.alreadyOn");
    return beginTotpEnrolment(tx, actor.id, actor.displayName);
  });
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, qr: `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}` };
}

export async function confirmResidentEnrolment(db: Executor, actor: Actor, input: z.output<typeof secondFactorCodeInputSchema>, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  requirePermission(actor, "portal:citizen");
  return db.transaction(async (tx) => {
    const totp = await lockTotp(tx, actor.id);
    if (!totp) throw new AppError("CONFLICT", "errors.twoFactor.notStarted");
    if (totp.confirmed) throw new AppError("CONFLICT", "errors.twoFactor.alreadyOn");
    const check = await checkSecondFactor(tx, actor.id, totp, input.code, now);
    if (!check.ok) throw new AppError("VALIDATION", "errors.signIn.codeWrong", { fieldErrors: { code: "validation.code.wrong" } });
    const recoveryCodes = await confirmTotpEnrolment(tx, actor.id, now);
    await recordAudit(tx, { actorUserId: actor.id, actorRole: actor.role, action: "auth.second_factor_enrolled", entityType: "user", entityId: actor.id, personId: actor.personId });
    return { recoveryCodes };
  });
}

/** Turning it off takes a current code, so a borrowed session alone cannot. */
export async function turnOffResidentSecondFactor(db: Executor, actor: Actor, input: z.output<typeof secondFactorCodeInputSchema>, now = new Date()): Promise<void> {
  requirePermission(actor, "portal:citizen");
  await db.transaction(async (tx) => {
    const totp = await lockTotp(tx, actor.id);
    if (!totp?.confirmed) throw new AppError("CONFLICT", "errors.twoFactor.notOn");
    const check = await checkSecondFactor(tx, actor.id, totp, input.code, now);
    if (!check.ok) throw new AppError("VALIDATION", "errors.signIn.codeWrong", { fieldErrors: { code: check.reason === "used" ? "validation.code.used" : "validation.code.wrong" } });
    await removeSecondFactor(tx, actor.id);
    await recordAudit(tx, { actorUserId: actor.id, actorRole: actor.role, action: "auth.second_factor_removed", entityType: "user", entityId: actor.id, personId: actor.personId });
  });
}
