import { z } from "zod";

/**
 * What a clerk may do with an application (受理 / 补正 / 不予受理 / 办结), one schema for the
 * back-office buttons and the server. No database import: client components load this file.
 * `version` is the application's version the clerk saw; a stale one is a CONFLICT, so of two
 * clerks acting at once exactly one wins.
 */
const base = { applicationId: z.uuid(), version: z.coerce.number().int().min(1) };
const reason = z.string().trim().min(2).max(500);

export const processApplicationSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), ...base }),
  z.object({ action: z.literal("requestSupplement"), ...base, materialIds: z.array(z.uuid()).min(1), reason }),
  z.object({ action: z.literal("reject"), ...base, reason }),
  // approve and complete in one step; on-the-spot (即办) services may do this straight from "submitted" (accept+approve+complete)
  z.object({ action: z.literal("approve"), ...base, note: z.string().trim().max(500).optional() }),
]);

export type ProcessApplicationInput = z.output<typeof processApplicationSchema>;
export type ProcessAction = ProcessApplicationInput["action"];

/**
 * The resident's answer to a supplement request (补正): for each material the clerk named
 * (application material id), the upload that replaces it. A named material the library now
 * holds a valid licence for needs no upload — it is taken from the library. Anything the clerk
 * did not name is refused.
 */
export const answerSupplementSchema = z.object({
  applicationId: z.uuid(),
  version: z.coerce.number().int().min(1),
  uploads: z
    .record(z.uuid(), z.uuid())
    .refine((r) => Object.keys(r).length <= 50)
    .default({}),
});
export type AnswerSupplementInput = z.input<typeof answerSupplementSchema>;
