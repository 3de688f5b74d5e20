import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { persons } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { maskResidentId } from "@/lib/id-number";
import { maskPhone } from "./mask-phone";

export type MyProfile = {
  name: string;
  maskedIdNumber: string;
  birthDate: string;
  residenceAddress: string;
  phoneMasked: string | null;
};

/** The signed-in resident's own summary. The ID number leaves lib masked: the home page does not need it whole. */
export async function getMyProfile(db: Executor, actor: Actor): Promise<MyProfile> {
  requirePermission(actor, "portal:citizen");
  if (!actor.personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const row = (
    await db
      .select({
        name: persons.name,
        idNumber: persons.idNumber,
        birthDate: persons.birthDate,
        residenceAddress: persons.residenceAddress,
        phone: persons.phone,
      })
      .from(persons)
      .where(eq(persons.id, actor.personId))
  )[0];
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return {
    name: row.name,
    maskedIdNumber: maskResidentId(row.idNumber),
    birthDate: row.birthDate,
    residenceAddress: row.residenceAddress,
    phoneMasked: maskPhone(row.phone),
  };
}
