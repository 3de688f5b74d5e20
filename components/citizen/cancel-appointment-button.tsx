"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { cancelAppointmentAction } from "@/app/(citizen)/my/appointments/actions";
import { Button } from "@/components/ui/button";

/** "取消预约" on one of my appointments; a refusal is shown next to the button. */
export function CancelAppointmentButton({ appointmentId, label }: { appointmentId: string; label: string }) {
  const t = useTranslations("appointments.mine");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const cancel = () =>
    startTransition(async () => {
      setError(null);
      const result = await cancelAppointmentAction({ appointmentId });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      router.refresh();
    });

  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button type="button" variant="outline" size="sm" onClick={cancel} disabled={pending} aria-label={`${t("cancel")}：${label}`}>
        {t("cancel")}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-destructive">
          {error}
        </span>
      ) : null}
    </span>
  );
}
