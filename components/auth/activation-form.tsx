"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { activateAccountAction } from "@/app/(public)/activate/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { TextField } from "@/components/forms/text-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { activationSchema, type ActivationInput } from "@/lib/auth/schemas";

/** Real-name activation: ID number, name and phone must match the population register. */
export function ActivationForm() {
  const t = useTranslations("activate");
  const router = useRouter();
  const form = useForm<ActivationInput>({
    resolver: zodResolver(activationSchema, undefined, { raw: true }),
    defaultValues: { idNumber: "", name: "", phone: "", password: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await activateAccountAction(values);
    if (!result.ok) return applyActionFailure(form.setError, result);
    router.push(result.data.redirectTo);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={t("title")}>
      {errors.root?.server ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.server.message}</AlertDescription>
        </Alert>
      ) : null}
      <TextField id="activate-id-number" label={t("idNumber")} maxLength={18} required error={errors.idNumber} {...form.register("idNumber")} />
      <TextField id="activate-name" label={t("name")} autoComplete="name" required error={errors.name} {...form.register("name")} />
      <TextField
        id="activate-phone"
        type="tel"
        label={t("phone")}
        hint={t("phoneHint")}
        autoComplete="tel"
        maxLength={11}
        required
        error={errors.phone}
        {...form.register("phone")}
      />
      <TextField
        id="activate-password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        required
        error={errors.password}
        {...form.register("password")}
      />
      <TextField
        id="activate-confirm-password"
        type="password"
        label={t("confirmPassword")}
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
        {...form.register("confirmPassword")}
      />
      <Button type="submit" disabled={!hydrated || isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
