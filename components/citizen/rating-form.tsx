"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { rateApplicationAction } from "@/app/(citizen)/my/applications/[id]/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, formFieldDescribedBy } from "@/components/ui/form-field";
import { POOR_SCORE_MAX, RATING_COMMENT_MAX, rateApplicationSchema, type RateApplicationInput } from "@/lib/applications/track-schemas";


const SCORES = ["1", "2", "3", "4", "5"] as const;

/** 好差评: five labelled choices and a comment, which a poor score must include. */
export function RatingForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("track.rating");
  const tv = useTranslations("validation");
  const router = useRouter();
  const form = useForm<RateApplicationInput>({
    resolver: zodResolver(rateApplicationSchema, undefined, { raw: true }),
    defaultValues: { applicationId, score: "", comment: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const score = useWatch({ control: form.control, name: "score" });
  const poor = score !== "" && Number(score) >= 1 && Number(score) <= POOR_SCORE_MAX;
  const msg = (e?: { type: string; message?: string }) =>
    e?.message ? (e.type === "server" || !tv.has(e.message) ? e.message : tv(e.message)) : undefined;
  const scoreError = msg(errors.score);
  const commentError = msg(errors.comment);
  const commentHint = poor ? t("commentHintPoor") : t("commentHint");

  const submit = form.handleSubmit(async (values) => {
    const result = await rateApplicationAction({ applicationId, score: values.score, comment: values.comment });
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
      <fieldset
        className="grid gap-2"
        aria-invalid={scoreError ? true : undefined}
        aria-describedby={scoreError ? "rating-score-error" : undefined}
      >
        <legend className="mb-2 text-sm font-medium">
          {t("scoreLegend")}
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        </legend>
        <div className="flex flex-wrap gap-2">
          {SCORES.map((s) => (
            <label
              key={s}
              className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/10"
            >
              <input type="radio" value={s} {...form.register("score")} />
              {t(`scores.${s}`)}
            </label>
          ))}
        </div>
        {scoreError ? (
          <p id="rating-score-error" role="alert" className="text-sm font-medium text-destructive">
            {scoreError}
          </p>
        ) : null}
      </fieldset>
      <FormField id="rating-comment" label={t("commentLabel")} hint={commentHint} error={commentError} required={poor}>
        <textarea
          id="rating-comment"
          rows={4}
          maxLength={RATING_COMMENT_MAX + 50}
          className="w-full rounded-md border border-input bg-background px-3 py-2 text-sm shadow-sm focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive"
          aria-invalid={commentError ? true : undefined}
          aria-required={poor || undefined}
          aria-describedby={formFieldDescribedBy("rating-comment", { error: commentError, hint: commentHint })}
          {...form.register("comment")}
        />
      </FormField>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
