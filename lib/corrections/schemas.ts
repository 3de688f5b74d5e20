import { z } from "zod";
import type { Register } from "@/lib/applications/prefill";

/** The register attributes a form can pre-fill, as `who.attribute` (see resolvePrefill). */
export const PREFILL_PATH = /^(person|spouse|child)\.(name|idNumber|birthDate|sex|phone|residenceAddress|hukouAddress)$/;

export const CORRECTION_REASON_MAX = 500;
export const CORRECTION_VALUE_MAX = 200;

/** "数据有误": which pre-filled value, on whose form, and what the resident says is right. */
export const requestCorrectionSchema = z.object({
  prefill: z.string().regex(PREFILL_PATH),
  /** The child the form is about, when the flagged value is the child's. */
  subjectPersonId: z.uuid().nullable(),
  serviceCode: z
    .string()
    .regex(/^[a-z0-9_]{2,64}$/)
    .nullable()
    .default(null),
  proposedValue: z.string().trim().max(CORRECTION_VALUE_MAX, { message: "answers.tooLong" }).default(""),
  reason: z
    .string()
    .trim()
    .min(1, { message: "answers.required" })
    .max(CORRECTION_REASON_MAX, { message: "answers.tooLong" }),
});
export type RequestCorrectionInput = z.input<typeof requestCorrectionSchema>;

/**
 * What a clerk of the owning department may write back into the base register, per register.
 * Identity data (ID number, birth date, sex) is not changed from a queue: that needs the
 * person and their documents at the counter, so such a request can only be declined here.
 */
export const correctableAttributes: Record<Register, readonly string[]> = {
  hukou: ["name", "hukouAddress"],
  residence: ["residenceAddress", "phone"],
  marital: ["name"],
};

export function isCorrectable(register: string, field: string): boolean {
  return (correctableAttributes as Record<string, readonly string[] | undefined>)[register]?.includes(field) ?? false;
}

/** A corrected value must still be a sensible value of its attribute. */
export function correctedValueSchema(field: string) {
  const base = z.string().trim().min(1, { message: "answers.required" });
  switch (field) {
    case "phone":
      return base.pipe(z.string().regex(/^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/, { message: "phone.format" }));
    case "name":
      return base.pipe(z.string().max(50, { message: "name.tooLong" }));
    default:
      return base.pipe(z.string().max(CORRECTION_VALUE_MAX, { message: "answers.tooLong" }));
  }
}

export const decideCorrectionSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int().min(1),
    decision: z.enum(["correct", "decline"]),
    /** The value to write; empty means the value the resident proposed. */
    value: z.string().trim().max(CORRECTION_VALUE_MAX, { message: "answers.tooLong" }).default(""),
    note: z.string().trim().max(CORRECTION_REASON_MAX, { message: "answers.tooLong" }).default(""),
  })
  .refine((d) => d.decision !== "decline" || d.note.length > 0, { path: ["note"], message: "answers.required" });
export type DecideCorrectionInput = z.input<typeof decideCorrectionSchema>;

export const correctionQueueSchema = z.object({
  status: z.enum(["open", "corrected", "declined", "all"]).catch("all"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** Plain labels of the attributes, for notices that are also sent as SMS (no select syntax there). */
export const attributeLabels: Record<string, { zh: string; en: string }> = {
  name: { zh: "姓名", en: "name" },
  idNumber: { zh: "公民身份号码", en: "resident ID number" },
  birthDate: { zh: "出生日期", en: "date of birth" },
  sex: { zh: "性别", en: "sex" },
  phone: { zh: "联系电话", en: "phone number" },
  residenceAddress: { zh: "居住地址", en: "residence address" },
  hukouAddress: { zh: "户籍地址", en: "household registration address" },
};
