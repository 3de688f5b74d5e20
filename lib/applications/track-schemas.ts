import { z } from "zod";
import { applicationStatuses, type ApplicationStatus } from "@/db/schema/values";
import { AppError } from "@/lib/errors";

/**
 * Zod schemas for tracking an application (withdraw, rate, list), shared by the forms in the
 * browser and the server actions. Messages are keys in the `validation` catalogue. No database
 * import here: client components load this file.
 */


/** Before acceptance, or while a supplement request is outstanding, the resident may withdraw. */
export const WITHDRAWABLE_STATUSES = ["awaiting", "submitted", "supplement_requested"] as const satisfies readonly ApplicationStatus[];

export function canWithdraw(status: ApplicationStatus): boolean {
  return (WITHDRAWABLE_STATUSES as readonly ApplicationStatus[]).includes(status);
}

export const WITHDRAW_REASON_MAX = 200;
export const RATING_COMMENT_MAX = 500;
/** A score at or below this must say why (好差评: a poor rating carries its reason). */
export const POOR_SCORE_MAX = 2;

export const withdrawApplicationSchema = z.object({
  applicationId: z.uuid({ message: "invalid" }),
  reason: z
    .string()
    .trim()
    .max(WITHDRAW_REASON_MAX, { message: "track.reasonTooLong" })
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type WithdrawApplicationInput = z.input<typeof withdrawApplicationSchema>;

export const rateApplicationSchema = z
  .object({
    applicationId: z.uuid({ message: "invalid" }),
    // Radio inputs give strings; the action may receive either.
    score: z.union([z.number(), z.string()], { message: "track.scoreRequired" }).pipe(
      z.coerce
        .number<string | number>({ message: "track.scoreRequired" })
        .int({ message: "track.scoreRequired" })
        .min(1, { message: "track.scoreRequired" })
        .max(5, { message: "track.scoreRequired" }),
    ),
    comment: z
      .string()
      .trim()
      .max(RATING_COMMENT_MAX, { message: "track.commentTooLong" })
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    if (v.score <= POOR_SCORE_MAX && !v.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "track.commentRequired" });
    }
  });
export type RateApplicationInput = z.input<typeof rateApplicationSchema>;

/** `?page=&status=` on the list; anything unreadable falls back to the first page, all statuses. */
export const myApplicationsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  status: z.enum(applicationStatuses).optional().catch(undefined),
});
export type MyApplicationsQuery = z.output<typeof myApplicationsQuerySchema>;

export const MY_APPLICATIONS_PAGE_SIZE = 20;

/**
 * Parses with one of the schemas above, or throws VALIDATION with each field's catalogue key.
 * Lib calls it too, so a rule such as "a poor rating says why" holds whoever calls lib;
 * the schemas accept their own output, so parsing twice is harmless.
 */
export function parseTrackInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "_form";
    fieldErrors[field] ??= `validation.${issue.message}`;
  }
  throw new AppError("VALIDATION", "errors.validation", { fieldErrors });
}
