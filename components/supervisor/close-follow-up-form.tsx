"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { closeFollowUpAction } from "@/app/(supervisor)/supervisor/follow-ups/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, formFieldDescribedBy } from "@/components/ui/form-field";
import { ACTION_TAKEN_MAX, closeFollowUpSchema, type CloseFollowUpInput } from "@/lib/metrics/follow-up-schemas";

/** Closes one follow-up with what was done; the version it was shown with guards against a double close. */
export function CloseFollowUpForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("followUps");
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useForm<CloseFollowUpInput>({
    resolver: zodResolver(closeFollowUpSchema, undefined, { raw: true }),
    defaultValues: { id, version, actionTaken: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const message = errors.actionTaken?.message;
  const error = message ? (errors.actionTaken?.type === "server" || !t.has(message) ? message : t(message)) : undefined;
  const fieldId = `action-${id}`;

  const submit = form.handleSubmit(async (values) => {
    const result = await closeFollowUpAction({ id, version, actionTaken: values.actionTaken });
    if (!result.ok) return applyActionFailure(form.setError, result);
    router.refresh();
  });

  return (
    <form onSubmit={submit} noValidate className="grid gap-2" aria-label={t("close")}>
      {errors.root?.server ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.server.message}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id={fieldId} label={t("actionLabel")} hint={t("actionHint")} error={error} required>
        <textarea
          id={fieldId}
          rows={3}
          maxLength={ACTION_TAKEN_MAX + 50}
          className="w-full rounded-md border border-input bg-background px-3 py-2 text-sm shadow-sm focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive"
          aria-invalid={error ? true : undefined}
          aria-required
          aria-describedby={formFieldDescribedBy(fieldId, { error, hint: t("actionHint") })}
          {...form.register("actionTaken")}
        />
      </FormField>
      <div>
        <Button type="submit" disabled={!hydrated || isSubmitting}>
          {t("close")}
        </Button>
      </div>
    </form>
  );
}
