import { z } from "zod";
import { residentIdSchema } from "@/lib/auth/schemas";

/**
 * 刷身份证: the ID number a clerk types or scans. Posted to a server action, never put in a URL.
 * The shared resident-ID schema says which part is wrong (length, birth date, check digit …).
 */
export const lookupResidentSchema = z.object({ idNumber: residentIdSchema });
export type LookupResidentInput = z.input<typeof lookupResidentSchema>;
