"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { confirmEnrolmentAction, startEnrolmentAction, turnOffSecondFactorAction } from "@/app/(citizen)/my/security/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { TextField } from "@/components/forms/text-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RecoveryCodes } from "./recovery-codes";

const codeSchema = z.object({ code: z.string().trim().regex(/^[0-9]{6}$/, { message: "code.format" }) });
type CodeInput = z.input<typeof codeSchema>;

/** A resident turns two-step verification on (QR code, first code, recovery codes) or off (a current code). */
export function TwoFactorSettings({ enabled }: { enabled: boolean }) {
  const t = useTranslations("twoFactor");
  const tc = useTranslations("signIn.code");
  const te = useTranslations("signIn.enrol");
  const router = useRouter();
  const hydrated = useHydrated();
  const [enrolment, setEnrolment] = useState<{ secret: string; qr: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const form = useForm<CodeInput>({ resolver: zodResolver(codeSchema, undefined, { raw: true }), defaultValues: { code: "" } });
  const { errors, isSubmitting } = form.formState;

  if (codes) return <RecoveryCodes codes={codes} onDone={() => (setCodes(null), setEnrolment(null), router.refresh())} />;

  const submit = form.handleSubmit(async (values) => {
    const result = enabled ? await turnOffSecondFactorAction(values) : await confirmEnrolmentAction(values);
    if (!result.ok) return applyActionFailure(form.setError, result);
    form.reset({ code: "" });
    if ("recoveryCodes" in result.data) setCodes(result.data.recoveryCodes);
    else router.refresh();
  });

  const codeForm = (submitLabel: string) => (
    <form onSubmit={submit} noValidate className="grid max-w-sm gap-3" aria-label={submitLabel}>
      {errors.root?.server ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.server.message}</AlertDescription>
        </Alert>
      ) : null}
      <TextField id="two-factor-code" label={tc("label")} hint={tc("enrolHint")} inputMode="numeric" autoComplete="one-time-code" maxLength={6} required error={errors.code} {...form.register("code")} />
      <Button type="submit" disabled={!hydrated || isSubmitting}>
        {submitLabel}
      </Button>
    </form>
  );

  if (enabled) {
    return (
      <div className="grid gap-4">
        <Alert variant="success" role="status">
          <AlertDescription>{t("on")}</AlertDescription>
        </Alert>
        <p className="text-sm text-muted-foreground">{t("offHint")}</p>
        {codeForm(t("turnOff"))}
      </div>
    );
  }
  if (!enrolment) {
    return (
      <div className="grid gap-4">
        <p>{t("off")}</p>
        {startError ? (
          <Alert variant="destructive">
            <AlertDescription>{startError}</AlertDescription>
          </Alert>
        ) : null}
        <Button
          type="button"
          className="justify-self-start"
          disabled={!hydrated}
          onClick={async () => {
            const result = await startEnrolmentAction({});
            if (result.ok) setEnrolment(result.data);
            else setStartError(result.message);
          }}
        >
          {t("turnOn")}
        </Button>
      </div>
    );
  }
  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted-foreground">{t("scan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server */}
      <img src={enrolment.qr} alt={te("qrAlt")} width={192} height={192} className="bg-white" />
      <p className="text-sm">
        {te("manual")} <code className="break-all font-mono" data-testid="totp-secret">{enrolment.secret}</code>
      </p>
      {codeForm(te("submit"))}
    </div>
  );
}
