import { z } from "zod";
import { assertIsoDay } from "@/lib/eligibility/rules";
import { AppError } from "@/lib/errors";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** Keyset cursor of the residents list: "<applicant id>.<subject id>" (record ids, never ID numbers). */
export const CURSOR = new RegExp(`^(${UUID})\\.(${UUID})$`);

export const serviceCodeSchema = z.string().trim().min(1).max(64).regex(/^[a-z0-9_]+$/);

export const listProactiveResidentsSchema = z.object({
  serviceCode: serviceCodeSchema,
  after: z.string().regex(CURSOR).optional(),
});
export type ListProactiveResidentsInput = z.infer<typeof listProactiveResidentsSchema>;

export const notifyEligibleResidentsSchema = z.object({ serviceCode: serviceCodeSchema });
export type NotifyEligibleResidentsInput = z.infer<typeof notifyEligibleResidentsSchema>;

export function proactiveToday(today: string): string {
  try {
    assertIsoDay(today);
  } catch (cause) {
    throw new AppError("VALIDATION", "errors.validation", { internal: `bad today: ${today}`, cause });
  }
  return today;
}

export function encodeCursor(personId: string, subjectPersonId: string): string {
  return `${personId}.${subjectPersonId}`;
}

export function decodeCursor(cursor: string | undefined): { personId: string; subjectPersonId: string } | null {
  const m = cursor ? CURSOR.exec(cursor) : null;
  return m?.[1] && m[2] ? { personId: m[1], subjectPersonId: m[2] } : null;
}
