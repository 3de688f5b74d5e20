"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { decideCorrectionAction } from "@/app/(clerk)/counter/corrections/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { TextField } from "@/components/forms/text-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, formFieldDescribedBy } from "@/components/ui/form-field";
import { CORRECTION_REASON_MAX, decideCorrectionSchema, type DecideCorrectionInput } from "@/lib/corrections/schemas";

type Props = { id: string; version: number; proposedValue: string; correctable: boolean };

/** Correct the register (the proposed value, or the clerk's) or decline with a reason the resident sees. */
export function CorrectionDecisionForm({ id, version, proposedValue, correctable }: Props) {
  const t = useTranslations("corrections.decide");
  const tv = useTranslations("validation");
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useForm<DecideCorrectionInput>({
    resolver: zodResolver(decideCorrectionSchema, undefined, { raw: true }),
    defaultValues: { id, version, decision: correctable ? "correct" : "decline", value: proposedValue, note: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const decision = useWatch({ control: form.control, name: "decision" });
  const noteError = errors.note?.message
    ? errors.note.type === "server" || !tv.has(errors.note.message)
      ? errors.note.message
      : tv(errors.note.message)
    : undefined;

  const submit = form.handleSubmit(async (values) => {
    const result = await decideCorrectionAction(values);
    if (!result.ok) return applyActionFailure(form.setError, result);
    router.refresh();
  });

  return (
    <form onSubmit={submit} noValidate className="grid gap-4" aria-label={t("title")}>
      {errors.root?.server ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.server.message}</AlertDescription>
        </Alert>
      ) : null}
      {correctable ? null : (
        <Alert variant="warning">
          <AlertDescription>{t("notCorrectable")}</AlertDescription>
        </Alert>
      )}
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">{t("decision")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="correct" disabled={!correctable} {...form.register("decision")} />
          {t("correct")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="decline" {...form.register("decision")} />
          {t("decline")}
        </label>
      </fieldset>
      {decision === "correct" ? (
        <TextField id="correction-value" label={t("value")} hint={t("valueHint")} error={errors.value} {...form.register("value")} />
      ) : null}
      <FormField id="correction-note" label={t("note")} hint={t("noteHint")} error={noteError} required={decision === "decline"}>
        <textarea
          id="correction-note"
          rows={3}
          maxLength={CORRECTION_REASON_MAX}
          className="w-full rounded-md border border-input bg-background px-3 py-2 text-sm shadow-sm focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive"
          aria-invalid={noteError ? true : undefined}
          aria-describedby={formFieldDescribedBy("correction-note", { error: noteError, hint: t("noteHint") })}
          {...form.register("note")}
        />
      </FormField>
      <Button type="submit" disabled={!hydrated || isSubmitting} className="justify-self-start">
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
