"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext, useState, useTransition, type ReactNode } from "react";
import { revealApplicantPhoneAction } from "@/app/(clerk)/counter/applications/[id]/actions";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import type { RevealedPhones } from "@/lib/applications/reveal-applicant-phone";

const Revealed = createContext<{ phones: RevealedPhones | null; set: (p: RevealedPhones) => void } | null>(null);

/** The part of the page whose masked numbers all show whole once the clerk asks for them. */
export function ApplicantPhoneReveal({ className, children }: { className?: string; children: ReactNode }) {
  const [phones, set] = useState<RevealedPhones | null>(null);
  return (
    <Revealed.Provider value={{ phones, set }}>
      <div className={className}>{children}</div>
    </Revealed.Provider>
  );
}

/** A masked number: the applicant's (field null) or a form answer's; whole once revealed. */
export function PhoneNumber({ masked, field = null }: { masked: string; field?: string | null }) {
  const phones = useContext(Revealed)?.phones;
  const whole = phones ? (field === null ? phones.phone : phones.answers[field]) : undefined;
  return <span className="font-mono">{whole ?? masked}</span>;
}

/** 显示完整号码: asks the server for the numbers, which logs the read for the applicant to see. */
export function RevealPhoneButton({ applicationId }: { applicationId: string }) {
  const t = useTranslations("counter.phone");
  const hydrated = useHydrated();
  const context = useContext(Revealed);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  if (context?.phones) {
    return (
      <p role="status" className="text-xs text-muted-foreground">
        {t("shown")}
      </p>
    );
  }
  const reveal = () =>
    startTransition(async () => {
      const result = await revealApplicantPhoneAction({ applicationId });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(null);
      context?.set(result.data);
    });

  return (
    <div className="grid justify-items-start gap-1">
      <Button type="button" size="sm" variant="outline" disabled={!hydrated || pending} onClick={reveal}>
        {t("show")}
      </Button>
      <p className="text-xs text-muted-foreground">{t("hint")}</p>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
