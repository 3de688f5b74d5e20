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

// Sign-in takes any password an account could have had (older accounts predate the policy);
// only the length is bounded, so no one can make the server hash a megabyte.
const signInPassword = z.string().min(1, { message: "password.required" }).max(256, { message: "password.tooLong" });

/** The second step: the authenticator's 6 digits, or a recovery code (xxxxx-xxxxx). */
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .max(24, { message: "code.format" })
  .refine((v) => v === "" || /^[0-9]{6}$/.test(v) || /^[a-z0-9]{5}[\s-]?[a-z0-9]{5}$/i.test(v), { message: "code.format" });

/** Citizens sign in with their resident ID number, staff with their staff number; then, if asked, a code. */
export const citizenSignInSchema = z.object({ login: residentIdSchema, password: signInPassword, code: secondFactorCodeSchema.optional() });
export const staffSignInSchema = z.object({ login: staffNoSchema, password: signInPassword, code: secondFactorCodeSchema.optional() });
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
  })
  // Context words (NIST SP 800-63B 5.1.1.2): not the ID number, nor the birth date in it.
  .refine((v) => !v.password.toUpperCase().includes(v.idNumber) && !v.password.includes(v.idNumber.slice(6, 14)), {
    message: "password.personal",
    path: ["password"],
  });
export type ActivationInput = z.input<typeof activationSchema>;
