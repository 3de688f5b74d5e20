import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Zod schemas for counter appointments, shared by the forms in the browser, the server
 * actions and the page's GET parameters. Messages are keys in the `validation` catalogue.
 * No database import here: client components load this file.
 */

const CODE = /^[a-z0-9_]{1,64}$/;

export const bookAppointmentSchema = z.object({
  serviceCode: z.string({ message: "appointments.serviceRequired" }).regex(CODE, { message: "appointments.serviceRequired" }),
  slotId: z.uuid({ message: "appointments.slotRequired" }),
});
export type BookAppointmentInput = z.input<typeof bookAppointmentSchema>;

export const cancelAppointmentSchema = z.object({
  appointmentId: z.uuid({ message: "invalid" }),
});
export type CancelAppointmentInput = z.input<typeof cancelAppointmentSchema>;

/** The page's `?service=…&centre=…`: anything malformed is simply not chosen. */
export const appointmentSearchSchema = z.object({
  service: z.string().regex(CODE).optional().catch(undefined),
  centre: z.string().regex(CODE).optional().catch(undefined),
});
export type AppointmentSearch = z.output<typeof appointmentSearchSchema>;

export const listSlotsSchema = z.object({
  serviceCode: z.string().regex(CODE),
  centreCode: z.string().regex(CODE),
});
export type ListSlotsInput = z.input<typeof listSlotsSchema>;

export const APPOINTMENT_STATUSES = ["booked", "cancelled", "attended", "no_show"] as const;
export type AppointmentStatusName = (typeof APPOINTMENT_STATUSES)[number];

/** Parses lib input with the shared schema; a refusal names the field and its message key. */
export function parseAppointmentInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "_form";
    fieldErrors[field] ??= `validation.${issue.message}`;
  }
  throw new AppError("VALIDATION", "errors.validation", { fieldErrors });
}
