"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { fileIntakeAction } from "@/app/(clerk)/counter/intake/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { TextField } from "@/components/forms/text-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SelectNative } from "@/components/ui/select-native";
import { buildAnswersSchema } from "@/lib/applications/answers-schema";
import type { CounterApplyPage, FiledAtCounter } from "@/lib/applications/prepare-counter-application";

type Props = {
  page: CounterApplyPage;
  idempotencyKey: string;
  onChooseChild: (subjectPersonId: string) => void;
  onRestart: () => void;
};

type Values = { answers: Record<string, string>; consent: boolean };

/** The pre-filled form and material check for the walk-in resident, then the filing receipt. */
export function IntakeApplication({ page, idempotencyKey, onChooseChild, onRestart }: Props) {
  const t = useTranslations("intake");
  const ta = useTranslations("apply");
  const tv = useTranslations("validation");
  const en = useLocale() === "en";
  const hydrated = useHydrated();
  const [filed, setFiled] = useState<FiledAtCounter | null>(null);
  const locked = useMemo(() => new Map(page.prefilled.filter((p) => p.locked).map((p) => [p.name, p])), [page.prefilled]);
  const schema = useMemo(
    () => z.object({ answers: buildAnswersSchema(page.fields, new Set(locked.keys())), consent: z.boolean().refine((v) => v, { message: "answers.consent" }) }),
    [page.fields, locked],
  );
  const form = useForm<Values>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: {
      answers: Object.fromEntries(page.fields.filter((f) => !locked.has(f.name)).map((f) => [f.name, page.prefilled.find((p) => p.name === f.name)?.display ?? ""])),
      consent: false,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const msg = (m?: string) => (m ? (tv.has(m) ? tv(m) : m) : undefined);
  const library = page.materials.filter((m) => m.outcome === "library").length;
  const form_ = page.materials.filter((m) => m.outcome === "form").length;

  const submit = form.handleSubmit(async (values) => {
    const result = await fileIntakeAction({
      serviceCode: page.service.code,
      applicantPersonId: page.applicant.personId,
      subjectPersonId: page.subjectId,
      idempotencyKey,
      answers: values.answers,
      consent: true,
    });
    if (!result.ok) return applyActionFailure(form.setError, result);
    setFiled(result.data);
  });

  if (filed) {
    return (
      <Alert variant="success" role="status" className="grid gap-2">
        <AlertDescription>
          <p className="font-semibold">{t("done.title")}</p>
          <p data-testid="intake-receipt">
            {t("done.body", { number: filed.number, total: filed.materialsTotal, library: filed.materialsFromLibrary, counter: filed.materialsAtCounter, date: filed.completeBy })}
          </p>
          <p className="mt-2 flex gap-4">
            <Link href={`/counter/applications/${filed.id}`} className="underline">
              {t("done.open")}
            </Link>
            <button type="button" className="underline" onClick={onRestart}>
              {t("restart")}
            </button>
          </p>
        </AlertDescription>
      </Alert>
    );
  }

  const s = page.service;
  return (
    <section className="grid gap-4" aria-label={t("formLabel")}>
      <h2 className="text-lg font-semibold">
        {en ? s.nameEn : s.nameZh} · {t("applicant", { name: page.applicant.name, id: page.applicant.maskedIdNumber })}
      </h2>
      {page.needsSubject && page.subjectOptions.length > 1 ? (
        <nav aria-label={t("chooseChild")} className="flex flex-wrap items-center gap-2 text-sm">
          <span>{t("chooseChild")}</span>
          {page.subjectOptions.map((c) => (
            <Button key={c.id} type="button" size="sm" variant={c.id === page.subjectId ? "default" : "outline"} onClick={() => onChooseChild(c.id)}>
              {c.name}（{c.birthDate}）
            </Button>
          ))}
        </nav>
      ) : null}
      {page.needsSubject && !page.subjectId ? (
        <Alert variant="warning">
          <AlertDescription>{page.subjectOptions.length === 0 ? t("noChild") : t("pickChild")}</AlertDescription>
        </Alert>
      ) : page.openApplication ? (
        <Alert variant="warning" data-testid="open-application">
          <AlertDescription>{t("openApplication", { number: page.openApplication.number, name: page.openApplication.applicantName })}</AlertDescription>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate className="grid gap-4 lg:grid-cols-2" aria-label={t("formLabel")}>
          <div className="grid content-start gap-4">
            {errors.root?.server ? (
              <Alert variant="destructive">
                <AlertDescription>{errors.root.server.message}</AlertDescription>
              </Alert>
            ) : null}
            {page.fields.map((f) => {
              const label = en ? f.labelEn : f.labelZh;
              const fixed = locked.get(f.name);
              if (fixed) {
                return (
                  <div key={f.name} className="grid gap-1">
                    <span className="text-sm font-medium">{label}</span>
                    <span className="rounded-md bg-muted px-3 py-2" data-testid={`locked-${f.name}`}>
                      {fixed.display}
                    </span>
                    <span className="text-xs text-muted-foreground">{ta("source", { register: ta(`registers.${fixed.register}`), date: fixed.updatedAt.slice(0, 10) })}</span>
                  </div>
                );
              }
              const id = `intake-${f.name}`;
              const error = errors.answers?.[f.name];
              if (f.type === "select") {
                const message = error?.type === "server" ? error.message : msg(error?.message);
                return (
                  <FormField key={f.name} id={id} label={label} error={message} required={f.required}>
                    <SelectNative id={id} aria-invalid={message ? true : undefined} {...form.register(`answers.${f.name}`)}>
                      <option value="">{t("choose")}</option>
                      {f.options?.map((o) => (
                        <option key={o.value} value={o.value}>
                          {en ? o.labelEn : o.labelZh}
                        </option>
                      ))}
                    </SelectNative>
                  </FormField>
                );
              }
              return (
                <TextField
                  key={f.name}
                  id={id}
                  label={label}
                  type={f.type === "date" ? "date" : f.type === "phone" ? "tel" : "text"}
                  required={f.required}
                  error={error}
                  {...form.register(`answers.${f.name}`)}
                />
              );
            })}
          </div>
          <div className="grid content-start gap-3">
            <h3 className="font-medium">{t("materials")}</h3>
            <p className="text-sm" data-testid="intake-summary">
              {t("summary", { total: page.materials.length, library, counter: page.materials.length - library - form_ })}
            </p>
            <ul className="grid gap-2 text-sm" aria-label={t("materials")}>
              {page.materials.map((m) => (
                <li key={m.materialId} className="rounded-md border p-2" data-outcome={m.outcome}>
                  <span className="font-medium">{en ? m.nameEn : m.nameZh}</span>{" "}
                  <Badge variant={m.outcome === "library" ? "success" : m.outcome === "form" ? "secondary" : "outline"}>
                    {m.outcome === "library" ? ta("sourceOf.library") : m.outcome === "form" ? ta("sourceOf.form") : ta("sourceOf.counter")}
                  </Badge>
                  <span className="block text-xs text-muted-foreground">
                    {m.outcome === "library" && m.licence
                      ? t("materialLibrary", { licence: en ? m.licence.typeNameEn : m.licence.typeNameZh, holder: m.licence.holderName, validUntil: m.licence.validUntil ?? t("indefinite") })
                      : m.outcome === "form"
                        ? t("materialForm")
                        : t("materialCounter")}
                  </span>
                </li>
              ))}
            </ul>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-1" {...form.register("consent")} />
              <span>{t("confirm")}</span>
            </label>
            {errors.consent ? (
              <p role="alert" className="text-sm font-medium text-destructive">
                {msg(errors.consent.message)}
              </p>
            ) : null}
            <Button type="submit" disabled={!hydrated || isSubmitting} className="justify-self-start">
              {isSubmitting ? t("submitting") : t("submit")}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
