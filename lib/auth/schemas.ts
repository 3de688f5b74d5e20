import { z } from "zod";
import { parseResidentId } from "@/lib/id-number";
import { passwordSchema } from "./password-policy";

/** Parses a resident ID number; the issue's message key says which part is wrong. */
export const residentIdSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const parsed = parseResidentId(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `idNumber.${parsed.error}` });
      return z.NEVER;
    }
    return parsed.value.id;
  });

export const staffNoSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,3}[0-9]{3,6}$/, { message: "staffNo.format" });

const signInPassword = z.string().min(1, { message: "password.required" }).max(128);

/** Citizens sign in with their resident ID number, staff with their staff number. */
export const citizenSignInSchema = z.object({ login: residentIdSchema, password: signInPassword });
export const staffSignInSchema = z.object({ login: staffNoSchema, password: signInPassword });
export type SignInInput = z.input<typeof citizenSignInSchema>;

export const activationSchema = z
  .object({
    idNumber: residentIdSchema,
    name: z
      .string()
      .trim()
      .min(2, { message: "name.required" })
      .max(30, { message: "name.tooLong" }),
    phone: z
      .string()
      .trim()
      .regex(/^1[3-9][0-9]{9}$/, { message: "phone.format" }),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: "password.mismatch",
    path: ["confirmPassword"],
  });
export type ActivationInput = z.input<typeof activationSchema>;
