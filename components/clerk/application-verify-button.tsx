"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { verifyLicenceAction } from "@/app/(clerk)/counter/applications/[id]/actions";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";

/** 核验: checks signature, status and validity against the library and records the result. */
export function ApplicationVerifyButton({ applicationId, materialId }: { applicationId: string; materialId: string }) {
  const t = useTranslations("counter.materials");
  const tl = useTranslations("counter.licenceStatus");
  const hydrated = useHydrated();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const verify = () =>
    startTransition(async () => {
      const result = await verifyLicenceAction({ applicationId, materialId });
      if (!result.ok) {
        setMessage({ ok: false, text: result.message });
        return;
      }
      setMessage({ ok: result.data.result === "valid", text: t("verifyResult", { result: tl(result.data.result) }) });
      router.refresh();
    });

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" size="sm" variant="outline" disabled={!hydrated || pending} onClick={verify}>
        {t("verify")}
      </Button>
      {message ? (
        <p role="status" className={message.ok ? "text-sm text-success" : "text-sm text-destructive"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
