"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { submitApplicationAction } from "@/app/(citizen)/my/apply/[code]/actions";
import { submitBundleAction } from "@/app/(citizen)/my/apply/bundle/[code]/actions";
import { CorrectionDialog } from "@/components/citizen/correction-dialog";
import { DraftControls } from "@/components/citizen/draft-controls";
import { MaterialUploads, type ChosenUpload, type UploadableMaterial } from "@/components/citizen/material-uploads";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { TextField } from "@/components/forms/text-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, formFieldDescribedBy } from "@/components/ui/form-field";
import { SelectNative } from "@/components/ui/select-native";
import type { ServiceFormField } from "@/db/schema/catalogue";
import { buildAnswersSchema } from "@/lib/applications/answers-schema";
import { optionLabel } from "@/lib/i18n/labels";
import type { PrefilledField } from "@/lib/applications/prefill";

/** What the form files: one service, or a life-event bundle (the services the resident was shown). */
export type ApplyTarget =
  | { kind: "service"; serviceCode: string }
  | { kind: "bundle"; bundleCode: string; services: string[] };

type Props = {
  target: ApplyTarget;
  fields: ServiceFormField[];
  prefilled: PrefilledField[];
  subjectId: string | null;
  libraryCount: number;
  /** Materials the library cannot supply, which the resident may upload instead of bringing. */
  uploadable: UploadableMaterial[];
  /** A draft saved earlier for this form (and this child), restored into it. */
  draft?: RestoredDraft | null;
};

export type RestoredDraft = { answers: Record<string, string>; uploads: Record<string, ChosenUpload>; updatedAt: string };

type Values = { answers: Record<string, string>; consent: boolean };

/**
 * The application form, for one service or a whole bundle: register values shown locked with
 * their source, the rest typed by the resident (each field once), uploads for what the library
 * cannot supply, then a check-your-answers step before filing. One idempotency key per form
 * visit, so a double click or a retry files one application (or one bundle group).
 */
export function ApplyForm({ target, fields, prefilled, subjectId, libraryCount, uploadable, draft = null }: Props) {
  const prefix = target.kind === "bundle" ? "bundle." : "";
  const t = useTranslations("apply");
  const tv = useTranslations("validation");
  const en = useLocale() === "en";
  const router = useRouter();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [reviewing, setReviewing] = useState(false);
  const uploadableIds = new Set(uploadable.map((m) => m.id));
  const [uploads, setUploads] = useState<Record<string, ChosenUpload>>(() =>
    Object.fromEntries(Object.entries(draft?.uploads ?? {}).filter(([material]) => uploadableIds.has(material))),
  );
  const locked = useMemo(() => new Map(prefilled.filter((p) => p.locked).map((p) => [p.name, p])), [prefilled]);
  const prefilledByName = new Map(prefilled.map((p) => [p.name, p]));
  const editable = fields.filter((f) => !locked.has(f.name));
  const schema = useMemo(
    () =>
      z.object({
        answers: buildAnswersSchema(fields, new Set(locked.keys())),
        consent: z.boolean().refine((v) => v, { message: "answers.consent" }),
      }),
    [fields, locked],
  );
  const registerDefaults = Object.fromEntries(editable.map((f) => [f.name, prefilledByName.get(f.name)?.display ?? ""]));
  const form = useForm<Values>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: { answers: { ...registerDefaults, ...pick(draft?.answers, editable) }, consent: false },
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();
  const label = (f: ServiceFormField) => (en ? f.labelEn : f.labelZh);
  const draftTarget = target.kind === "service" ? { kind: "service" as const, code: target.serviceCode } : { kind: "bundle" as const, code: target.bundleCode };
  const correction = (f: ServiceFormField, shown: string) => {
    const source = prefilledByName.get(f.name);
    return source && f.prefill ? (
      <CorrectionDialog
        prefill={f.prefill}
        label={label(f)}
        shown={shown}
        registerName={t(`registers.${source.register}`)}
        subjectPersonId={f.prefill.startsWith("child.") ? subjectId : null}
        serviceCode={target.kind === "service" ? target.serviceCode : null}
        testId={`correct-${f.name}`}
      />
    ) : null;
  };
  const msg = (m?: string) => (m ? (tv.has(m) ? tv(m) : m) : undefined);

  const toReview = form.handleSubmit(() => setReviewing(true));
  const submit = form.handleSubmit(async (values) => {
    const common = {
      subjectPersonId: subjectId,
      idempotencyKey,
      answers: values.answers,
      consent: true as const,
      uploads: Object.fromEntries(Object.entries(uploads).map(([materialId, u]) => [materialId, u.id])),
    };
    const result =
      target.kind === "service"
        ? await submitApplicationAction({ ...common, serviceCode: target.serviceCode }).then((r) =>
            r.ok ? { ...r, href: `/my/applications/${r.data.id}` } : r,
          )
        : await submitBundleAction({ ...common, bundleCode: target.bundleCode, services: target.services }).then((r) =>
            r.ok ? { ...r, href: `/my/bundles/${r.data.groupId}` } : r,
          );
    if (!result.ok) {
      setReviewing(false);
      return applyActionFailure(form.setError, result);
    }
    router.push(`${result.href}?submitted=1`);
  });

  // Read when the review step renders; the inputs are not shown (nor editable) then.
  const values = form.getValues();
  return (
    <form onSubmit={reviewing ? submit : toReview} noValidate className="grid gap-4" aria-label={t(`${prefix}formLabel`)}>
      {errors.root?.server ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.server.message}</AlertDescription>
        </Alert>
      ) : null}
      {fields.map((f) => {
        const fixed = locked.get(f.name);
        if (fixed) {
          const shown = f.type === "select" ? (f.options?.find((o) => o.value === fixed.display)?.[en ? "labelEn" : "labelZh"] ?? fixed.display) : fixed.display;
          return (
            <div key={f.name} className="grid gap-1">
              <span className="text-sm font-medium">{label(f)}</span>
              <span className="rounded-md bg-muted px-3 py-2" data-testid={`locked-${f.name}`}>
                {shown}
              </span>
              <span className="flex flex-wrap items-center gap-x-3 text-xs text-muted-foreground">
                {t("source", { register: t(`registers.${fixed.register}`), date: fixed.updatedAt.slice(0, 10) })}
                {correction(f, shown)}
              </span>
            </div>
          );
        }
        const error = errors.answers?.[f.name];
        const id = `answer-${f.name}`;
        if (reviewing) {
          return (
            <div key={f.name} className="grid gap-1">
              <span className="text-sm font-medium">{label(f)}</span>
              <span className="px-3 py-2">{values.answers[f.name] ? optionLabel(f, values.answers[f.name], en ? "en" : "zh-CN") : t("notGiven")}</span>
            </div>
          );
        }
        if (f.type === "select") {
          const message = error?.type === "server" ? error.message : msg(error?.message);
          return (
            <FormField key={f.name} id={id} label={label(f)} error={message} required={f.required}>
              <SelectNative id={id} aria-invalid={message ? true : undefined} aria-describedby={formFieldDescribedBy(id, { error: message })} {...form.register(`answers.${f.name}`)}>
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
        const source = prefilledByName.get(f.name);
        return (
          <div key={f.name} className="grid gap-1">
            <TextField
              id={id}
              label={label(f)}
              type={f.type === "date" ? "date" : f.type === "phone" ? "tel" : "text"}
              required={f.required}
              error={error}
              {...form.register(`answers.${f.name}`)}
            />
            {source ? (
              <span className="flex flex-wrap items-center gap-x-3 text-xs text-muted-foreground">
                {t("sourceEditable", { register: t(`registers.${source.register}`), date: source.updatedAt.slice(0, 10) })}
                {correction(f, source.display)}
              </span>
            ) : null}
          </div>
        );
      })}
      <MaterialUploads
        materials={uploadable}
        chosen={uploads}
        disabled={reviewing}
        onChange={(materialId, upload) => setUploads((u) => ({ ...u, [materialId]: upload }))}
      />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" disabled={reviewing} {...form.register("consent")} />
        <span>{t(`${prefix}consent`, { count: libraryCount })}</span>
      </label>
      {errors.consent ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {msg(errors.consent.message)}
        </p>
      ) : null}
      <div className="flex gap-3">
        {reviewing ? (
          <>
            <Button type="button" variant="outline" onClick={() => setReviewing(false)} disabled={isSubmitting}>
              {t("back")}
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? t("submitting") : t("submit")}
            </Button>
          </>
        ) : (
          <Button type="submit" disabled={!hydrated}>
            {t("review")}
          </Button>
        )}
      </div>
      {reviewing ? null : (
        <DraftControls
          target={draftTarget}
          subjectId={subjectId}
          restoredAt={draft?.updatedAt ?? null}
          snapshot={() => ({
            answers: pick(form.getValues().answers, editable),
            uploads: Object.fromEntries(Object.entries(uploads).map(([materialId, u]) => [materialId, u.id])),
          })}
          onDiscarded={() => {
            form.reset({ answers: registerDefaults, consent: false });
            setUploads({});
          }}
        />
      )}
    </form>
  );
}

/** The answers of the form's own editable fields, as text (a draft never carries anything else). */
function pick(answers: Record<string, unknown> | undefined, editable: ServiceFormField[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of editable) {
    const v = answers?.[f.name];
    if (typeof v === "string") out[f.name] = v;
  }
  return out;
}
