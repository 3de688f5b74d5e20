"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { prepareIntakeAction } from "@/app/(clerk)/counter/intake/actions";
import { IntakeApplication } from "@/components/clerk/intake-application";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { TextField } from "@/components/forms/text-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectNative } from "@/components/ui/select-native";
import type { CounterApplyPage, IntakeService } from "@/lib/applications/prepare-counter-application";
import { prepareCounterApplicationSchema, type PrepareCounterApplicationInput } from "@/lib/applications/prepare-counter-application-schema";

/**
 * 窗口收件: the clerk swipes or types the walk-in resident's ID number and picks a service; the
 * server pre-fills the form and checks the library exactly as online. The number is posted
 * with a server action, never put in a URL, and kept only in this page's memory.
 */
export function IntakeForm({ services }: { services: IntakeService[] }) {
  const t = useTranslations("intake");
  const en = useLocale() === "en";
  const hydrated = useHydrated();
  const [prepared, setPrepared] = useState<{ page: CounterApplyPage; key: string } | null>(null);
  const form = useForm<PrepareCounterApplicationInput>({
    resolver: zodResolver(prepareCounterApplicationSchema, undefined, { raw: true }),
    defaultValues: { idNumber: "", serviceCode: "", subjectPersonId: null },
  });
  const { errors, isSubmitting } = form.formState;
  const tv = useTranslations("validation");
  const serviceError = errors.serviceCode?.message ? (tv.has(errors.serviceCode.message) ? tv(errors.serviceCode.message) : errors.serviceCode.message) : undefined;

  async function prepare(values: PrepareCounterApplicationInput) {
    const result = await prepareIntakeAction(values);
    if (!result.ok) {
      setPrepared(null);
      return applyActionFailure(form.setError, result);
    }
    setPrepared({ page: result.data, key: crypto.randomUUID() });
  }

  return (
    <div className="grid gap-6">
      <form onSubmit={form.handleSubmit(prepare)} noValidate className="grid gap-4 md:grid-cols-[1fr_1fr_auto] md:items-end" aria-label={t("lookupLabel")}>
        {errors.root?.server ? (
          <Alert variant="destructive" className="md:col-span-3">
            <AlertDescription>{errors.root.server.message}</AlertDescription>
          </Alert>
        ) : null}
        <TextField id="intake-id" label={t("idNumber")} hint={t("idNumberHint")} autoComplete="off" error={errors.idNumber} {...form.register("idNumber")} />
        <FormField id="intake-service" label={t("service")} error={serviceError}>
          <SelectNative id="intake-service" aria-invalid={serviceError ? true : undefined} {...form.register("serviceCode")}>
            <option value="">{t("choose")}</option>
            {services.map((s) => (
              <option key={s.code} value={s.code}>
                {en ? s.nameEn : s.nameZh}
              </option>
            ))}
          </SelectNative>
        </FormField>
        <Button type="submit" disabled={!hydrated || isSubmitting}>
          {isSubmitting ? t("looking") : t("lookup")}
        </Button>
      </form>
      {prepared ? (
        <IntakeApplication
          key={prepared.key}
          page={prepared.page}
          idempotencyKey={prepared.key}
          onChooseChild={(subjectPersonId) => void prepare({ ...form.getValues(), subjectPersonId })}
          onRestart={() => {
            setPrepared(null);
            form.reset({ idNumber: "", serviceCode: "", subjectPersonId: null });
          }}
        />
      ) : null}
    </div>
  );
}
