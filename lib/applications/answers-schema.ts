import { z } from "zod";
import type { ServiceFormField } from "@/db/schema/catalogue";
import { residentIdSchema } from "@/lib/auth/schemas";

/** Zod for one form field, from its catalogue definition; messages are catalogue keys. */
function fieldSchema(field: ServiceFormField): z.ZodType<string, string> {
  let s: z.ZodType<string, string>;
  switch (field.type) {
    case "date":
      s = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "answers.date" });
      break;
    case "number":
      s = z.string().trim().regex(/^\d+(\.\d+)?$/, { message: "answers.number" });
      break;
    case "phone":
      s = z.string().trim().regex(/^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/, { message: "phone.format" });
      break;
    case "id_number":
      s = residentIdSchema;
      break;
    case "select": {
      const values = (field.options ?? []).map((o) => o.value);
      s = z.string().refine((v) => values.includes(v), { message: "answers.choose" });
      break;
    }
    case "textarea":
      s = z.string().trim().max(1000, { message: "answers.tooLong" });
      break;
    default:
      s = z.string().trim().max(200, { message: "answers.tooLong" });
  }
  if (!field.required) {
    return z.union([z.literal(""), s]);
  }
  return z.string().trim().min(1, { message: "answers.required" }).pipe(s);
}

/**
 * The answers a resident types, validated the same way in the browser and on the server.
 * Locked (register) fields are not part of it: the server reads those from the register.
 */
export function buildAnswersSchema(fields: ServiceFormField[], lockedNames: ReadonlySet<string>) {
  const shape: Record<string, z.ZodType<string, string>> = {};
  for (const field of fields) if (!lockedNames.has(field.name)) shape[field.name] = fieldSchema(field);
  return z.object(shape).strict();
}

/** What the submit action receives; the answers are checked against the service afterwards. */
export const submitApplicationSchema = z.object({
  serviceCode: z.string().regex(/^[a-z0-9_]{2,64}$/),
  subjectPersonId: z.uuid().nullable(),
  idempotencyKey: z.uuid(),
  answers: z.record(z.string(), z.string().max(1000)),
  consent: z.literal(true, { message: "answers.consent" }),
  /** Material id → upload id, for materials the library cannot supply. */
  uploads: z
    .record(z.uuid(), z.uuid())
    .refine((r) => Object.keys(r).length <= 50)
    .default({}),
});
export type SubmitApplicationInput = z.input<typeof submitApplicationSchema>;
