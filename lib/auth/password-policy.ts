import { z } from "zod";

/** 8–64 characters with letters and digits: the common floor of government portals (等保 2.0). */
export const passwordSchema = z
  .string()
  .min(8, { message: "password.tooShort" })
  .max(64, { message: "password.tooLong" })
  .regex(/[A-Za-z]/, { message: "password.needsLetter" })
  .regex(/[0-9]/, { message: "password.needsDigit" });
