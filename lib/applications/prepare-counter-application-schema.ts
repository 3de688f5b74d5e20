import { z } from "zod";
import { residentIdSchema } from "@/lib/auth/schemas";
import { submitApplicationSchema } from "./answers-schema";

/** The walk-in resident's ID number is posted (never in a URL) with the service the clerk picked. */
export const prepareCounterApplicationSchema = z.object({
  idNumber: residentIdSchema,
  serviceCode: z.string().regex(/^[a-z0-9_]{2,64}$/, { message: "answers.choose" }),
  subjectPersonId: z.uuid().nullable().default(null),
});
export type PrepareCounterApplicationInput = z.input<typeof prepareCounterApplicationSchema>;

/** What the clerk files: the service's answers for the walk-in resident found at the first step. */
export const fileCounterApplicationSchema = submitApplicationSchema.omit({ uploads: true }).extend({
  applicantPersonId: z.uuid(),
});
export type FileCounterApplicationInput = z.input<typeof fileCounterApplicationSchema>;
