"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { bookAppointmentAction } from "@/app/(citizen)/my/appointments/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SlotDay } from "@/lib/appointments/list-available-slots";
import { bookAppointmentSchema, type BookAppointmentInput } from "@/lib/appointments/schemas";

/** The slot grid: one radio per half hour with its seats left, grouped by day; books the chosen one. */
export function BookAppointmentForm({ serviceCode, days }: { serviceCode: string; days: SlotDay[] }) {
  const t = useTranslations("appointments.book");
  const tv = useTranslations("validation");
  const format = useFormatter();
  const router = useRouter();
  const [bookedAt, setBookedAt] = useState<string | null>(null);
  const form = useForm<BookAppointmentInput>({
    resolver: zodResolver(bookAppointmentSchema, undefined, { raw: true }),
    defaultValues: { serviceCode, slotId: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const slotError = errors.slotId?.message
    ? errors.slotId.type === "server" || !tv.has(errors.slotId.message)
      ? errors.slotId.message
      : tv(errors.slotId.message)
    : undefined;
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit", hour12: false });

  const submit = form.handleSubmit(async (values) => {
    setBookedAt(null);
    const result = await bookAppointmentAction({ serviceCode, slotId: values.slotId });
    if (!result.ok) {
      applyActionFailure(form.setError, result);
      // The grid is stale (someone took the seat): show the current one.
      router.refresh();
      return;
    }
    setBookedAt(result.data.startsAt);
    form.reset({ serviceCode, slotId: "" });
    router.refresh();
  });

  return (
    <form onSubmit={submit} noValidate className="grid gap-4" aria-label={t("slotsTitle")}>
      {errors.root?.server ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.server.message}</AlertDescription>
        </Alert>
      ) : null}
      {bookedAt ? (
        <Alert role="status">
          <AlertDescription>
            {t("booked", { time: format.dateTime(new Date(bookedAt), { dateStyle: "medium", timeStyle: "short" }) })}
          </AlertDescription>
        </Alert>
      ) : null}
      <fieldset className="grid gap-4" aria-invalid={slotError ? true : undefined} aria-describedby={slotError ? "slot-error" : undefined}>
        <legend className="mb-2 text-sm font-medium">{t("slotLegend")}</legend>
        {days.map((d) => (
          <div key={d.day} role="group" aria-label={d.day} className="grid gap-2">
            <p className="text-sm font-medium">
              {format.dateTime(new Date(`${d.day}T12:00:00+08:00`), { dateStyle: "full" })}
            </p>
            <div className="flex flex-wrap gap-2">
              {d.slots.map((s) => (
                <label
                  key={s.id}
                  className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/10"
                >
                  <input type="radio" value={s.id} {...form.register("slotId")} />
                  <span>
                    {time(s.startsAt)}–{time(s.endsAt)}
                  </span>
                  <span className="text-muted-foreground">{t("seatsLeft", { count: s.seatsLeft })}</span>
                </label>
              ))}
            </div>
          </div>
        ))}
        {slotError ? (
          <p id="slot-error" role="alert" className="text-sm font-medium text-destructive">
            {slotError}
          </p>
        ) : null}
      </fieldset>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
