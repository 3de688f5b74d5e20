import { z } from "zod";

/**
 * A material of a bundle, once: a licence by (type, whose), an upload-only material by its
 * catalogue id, and every service's online form as the one shared form.
 */
export const bundleMaterialKey = z
  .string()
  .regex(/^(licence:[0-9a-f-]{36}:(applicant|spouse|child|parent)|material:[0-9a-f-]{36}|form)$/);

/** What the bundle submit action receives; the answers are checked against every service afterwards. */
export const submitBundleSchema = z.object({
  bundleCode: z.string().regex(/^[a-z0-9_]{2,64}$/),
  subjectPersonId: z.uuid().nullable(),
  idempotencyKey: z.uuid(),
  answers: z.record(z.string(), z.string().max(1000)),
  consent: z.literal(true, { message: "answers.consent" }),
  /** The services the resident saw listed; if the plan has changed since, nothing is filed. */
  services: z.array(z.string().regex(/^[a-z0-9_]{2,64}$/)).max(20).optional(),
  /** Bundle material key → upload id, for materials the library cannot supply. */
  uploads: z
    .record(bundleMaterialKey, z.uuid())
    .refine((r) => Object.keys(r).length <= 50)
    .default({}),
});
export type SubmitBundleInput = z.input<typeof submitBundleSchema>;
