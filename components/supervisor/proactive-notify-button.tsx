"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { notifyEligibleResidentsAction } from "@/app/(supervisor)/supervisor/proactive/[code]/actions";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Outcome = { ok: true; newlyNotified: number; eligible: number } | { ok: false; message: string };

/** "一键通知全部": one action; the answer says how many were newly told (0 on a repeat). */
export function ProactiveNotifyButton({ serviceCode, recipients }: { serviceCode: string; recipients: number }) {
  const t = useTranslations("proactive");
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function notifyAll() {
    setPending(true);
    try {
      const result = await notifyEligibleResidentsAction({ serviceCode });
      setOutcome(result.ok ? { ok: true, ...result.data } : { ok: false, message: result.message });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground">{t("notifyConfirm", { count: recipients })}</p>
      <div>
        <Button type="button" onClick={notifyAll} disabled={!hydrated || pending}>
          {pending ? t("notifying") : t("notifyAll")}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {outcome?.ok ? (
          <Alert>
            <AlertDescription>{t("notified", { count: outcome.newlyNotified, eligible: outcome.eligible })}</AlertDescription>
          </Alert>
        ) : null}
      </div>
      {outcome && !outcome.ok ? (
        <Alert variant="destructive">
          <AlertDescription>{outcome.message}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
