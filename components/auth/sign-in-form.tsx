"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { citizenSignInAction, staffSignInAction } from "@/app/(public)/sign-in/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { TextField } from "@/components/forms/text-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { citizenSignInSchema, staffSignInSchema, type SignInInput } from "@/lib/auth/schemas";
import { RecoveryCodes } from "./recovery-codes";

const kinds = {
  citizen: { schema: citizenSignInSchema, action: citizenSignInAction, maxLength: 18 },
  staff: { schema: staffSignInSchema, action: staffSignInAction, maxLength: 12 },
} as const;

type Step =
  | { step: "password" }
  | { step: "code" }
  | { step: "enrol"; secret: string; qr: string }
  | { step: "recovery"; codes: string[]; redirectTo: string };

/**
 * Sign-in for residents (resident ID number) or staff (staff number): the password, then — for
 * staff always, for residents who turned it on — the authenticator's code. A staff member
 * without an authenticator enrols one here on first sign-in and is shown recovery codes once.
 * The login and password stay in the form between steps; nothing is kept anywhere else.
 */
export function SignInForm({ kind }: { kind: keyof typeof kinds }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const { schema, action, maxLength } = kinds[kind];
  const [step, setStep] = useState<Step>({ step: "password" });
  const form = useForm<SignInInput>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: { login: "", password: "", code: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyActionFailure(form.setError, result);
    const next = result.data;
    if (next.step === "done") {
      if (next.recoveryCodes) return setStep({ step: "recovery", codes: next.recoveryCodes, redirectTo: next.redirectTo });
      router.push(next.redirectTo);
      router.refresh();
      return;
    }
    form.setValue("code", "");
    form.clearErrors();
    setStep(next);
  });

  if (step.step === "recovery") {
    return (
      <RecoveryCodes
        codes={step.codes}
        onDone={() => {
          router.push(step.redirectTo);
          router.refresh();
        }}
      />
    );
  }

  const restart = () => {
    form.reset({ login: form.getValues("login"), password: "", code: "" });
    setStep({ step: "password" });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={t(`${kind}.tab`)}>
      {errors.root?.server ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.server.message}</AlertDescription>
        </Alert>
      ) : null}
      {step.step === "password" ? (
        <>
          <TextField
            id={`${kind}-login`}
            label={t(`${kind}.login`)}
            hint={t(`${kind}.loginHint`)}
            autoComplete="username"
            maxLength={maxLength}
            required
            error={errors.login}
            {...form.register("login")}
          />
          <TextField
            id={`${kind}-password`}
            type="password"
            label={t("password")}
            autoComplete="current-password"
            required
            error={errors.password}
            {...form.register("password")}
          />
        </>
      ) : null}
      {step.step === "enrol" ? (
        <div className="grid gap-3">
          <h2 className="text-lg font-semibold">{t("enrol.title")}</h2>
          <p className="text-sm text-muted-foreground">{t("enrol.description")}</p>
          {/* A data: URL drawn on the server; next/image would only pass it through. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={step.qr} alt={t("enrol.qrAlt")} width={192} height={192} className="justify-self-center bg-white" />
          <p className="text-sm">
            {t("enrol.manual")} <code className="break-all font-mono" data-testid="totp-secret">{step.secret}</code>
          </p>
        </div>
      ) : null}
      {step.step === "code" || step.step === "enrol" ? (
        <TextField
          id={`${kind}-code`}
          label={t("code.label")}
          hint={step.step === "code" ? t("code.hint") : t("code.enrolHint")}
          autoComplete="one-time-code"
          inputMode={step.step === "enrol" ? "numeric" : "text"}
          maxLength={11}
          required
          autoFocus
          error={errors.code}
          {...form.register("code")}
        />
      ) : null}
      <Button type="submit" disabled={!hydrated || isSubmitting}>
        {isSubmitting
          ? t("signingIn")
          : step.step === "password"
            ? t("submit")
            : step.step === "enrol"
              ? t("enrol.submit")
              : t("code.submit")}
      </Button>
      {step.step !== "password" ? (
        <Button type="button" variant="ghost" onClick={restart}>
          {t("code.back")}
        </Button>
      ) : null}
    </form>
  );
}
