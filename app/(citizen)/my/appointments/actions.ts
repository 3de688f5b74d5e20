"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/action";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { cancelAppointment } from "@/lib/appointments/cancel-appointment";
import { bookAppointmentSchema, cancelAppointmentSchema } from "@/lib/appointments/schemas";

export const bookAppointmentAction = userAction(["citizen"], bookAppointmentSchema, async (input, { db, actor }) => {
  const booked = await bookAppointment(db, actor, input);
  revalidatePath("/my/appointments");
  return { id: booked.id, startsAt: booked.startsAt };
});

export const cancelAppointmentAction = userAction(["citizen"], cancelAppointmentSchema, async (input, { db, actor }) => {
  const cancelled = await cancelAppointment(db, actor, input);
  revalidatePath("/my/appointments");
  return cancelled;
});
