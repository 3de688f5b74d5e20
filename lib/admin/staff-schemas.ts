import { z } from "zod";
import { roles } from "@/db/schema/enums";
import { passwordSchema } from "@/lib/auth/password-policy";
import { staffNoSchema } from "@/lib/auth/schemas";

/** Every role that is not a resident: new staff kinds appear here without an edit. */
export const STAFF_ROLES = roles.filter((r): r is Exclude<(typeof roles)[number], "citizen"> => r !== "citizen");

const optionalUuid = z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional());

/** A new staff account: its first sign-in enrols the authenticator (two-factor is required for staff). */
export const createStaffSchema = z.object({
  staffNo: staffNoSchema,
  displayName: z.string().trim().min(2, { message: "name.required" }).max(30, { message: "name.tooLong" }),
  role: z.enum(STAFF_ROLES as [string, ...string[]], { message: "admin.roleRequired" }),
  departmentId: optionalUuid,
  centreId: optionalUuid,
  password: passwordSchema,
});
export type CreateStaffInput = z.input<typeof createStaffSchema>;
