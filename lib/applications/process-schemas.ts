import { z } from "zod";
import { deliveryMethods } from "@/lib/workflows/workflow-schema";

/**
 * What staff may do with an application, one schema for the back-office buttons and the
 * server: the window's 受理 / 补正 / 不予受理 / 送达, the reviewer's 审查 opinion, the approver's
 * 准予 / 不予许可. Which of them a given person may take now is the lifecycle's answer
 * (lib/applications/lifecycle/transitions.ts). No database import: client components load this
 * file. `version` is the application's version the clerk saw; a stale one is a CONFLICT, so of
 * two staff acting at once exactly one wins.
 */
const base = { applicationId: z.uuid(), version: z.coerce.number().int().min(1) };
const reason = z.string().trim().min(2).max(500);
export const reviewOpinions = ["agree", "disagree"] as const;

export const processApplicationSchema = z.discriminatedUnion("action", [
  // On-the-spot (即办) services are decided and completed in the same act.
  // The note is the window's reason when an on-the-spot grant goes against the service's rule.
  z.object({ action: z.literal("accept"), ...base, note: z.string().trim().max(500).optional() }),
  z.object({ action: z.literal("requestSupplement"), ...base, materialIds: z.array(z.uuid()).min(1), reason }),
  z.object({ action: z.literal("reject"), ...base, reason }),
  z.object({ action: z.literal("review"), ...base, opinion: z.enum(reviewOpinions), note: reason }),
  z.object({ action: z.literal("approve"), ...base, note: z.string().trim().max(500).optional() }),
  z.object({ action: z.literal("refuse"), ...base, reason }),
  z
    .object({
      action: z.literal("deliver"),
      ...base,
      method: z.enum(deliveryMethods),
      /** 邮寄: the postal tracking number. */
      trackingNo: z.string().trim().max(40).optional(),
      /** 窗口领取: the clerk checked the collector's ID card. */
      idChecked: z.union([z.boolean(), z.literal("on"), z.literal("true")]).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.method === "post" && !/^[A-Z0-9-]{6,40}$/i.test(v.trackingNo ?? "")) ctx.addIssue({ code: "custom", path: ["trackingNo"], message: "trackingNo" });
      if (v.method === "collect" && !v.idChecked) ctx.addIssue({ code: "custom", path: ["idChecked"], message: "idChecked" });
    }),
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
