"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { requestCorrectionAction } from "@/app/(citizen)/my/corrections/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { TextField } from "@/components/forms/text-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField, formFieldDescribedBy } from "@/components/ui/form-field";
import { CORRECTION_REASON_MAX, requestCorrectionSchema, type RequestCorrectionInput } from "@/lib/corrections/schemas";

type Props = {
  /** The field's register path, e.g. "person.hukouAddress". */
  prefill: string;
  label: string;
  shown: string;
  registerName: string;
  subjectPersonId: string | null;
  serviceCode: string | null;
  testId: string;
};

/**
 * "数据有误？": the resident says a pre-filled value is wrong. The request goes to the department
 * that keeps the register (decided on the server); the resident follows it on /my/corrections.
 */
export function CorrectionDialog({ prefill, label, shown, registerName, subjectPersonId, serviceCode, testId }: Props) {
  const t = useTranslations("corrections.dialog");
  const tv = useTranslations("validation");
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<"created" | "existing" | null>(null);
  const defaults: RequestCorrectionInput = { prefill, subjectPersonId, serviceCode, proposedValue: "", reason: "" };
  const form = useForm<RequestCorrectionInput>({
    resolver: zodResolver(requestCorrectionSchema, undefined, { raw: true }),
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;
  const reasonError = errors.reason?.message
    ? errors.reason.type === "server" || !tv.has(errors.reason.message)
      ? errors.reason.message
      : tv(errors.reason.message)
    : undefined;

  const submit = form.handleSubmit(async (values) => {
    const result = await requestCorrectionAction(values);
    if (!result.ok) return applyActionFailure(form.setError, result);
    setSent(result.data.created ? "created" : "existing");
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          form.reset(defaults);
          setSent(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="link" size="sm" className="h-auto justify-self-start px-0 text-xs" disabled={!hydrated} data-testid={testId}>
          {t("trigger")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        {/* The dialog is portalled out of the apply form in the DOM, but React events still bubble to it. */}
        <form
          onSubmit={(e) => {
            e.stopPropagation();
            void submit(e);
          }}
          noValidate
          className="grid gap-4"
          aria-label={t("title")}
        >
          <DialogHeader>
            <DialogTitle>{t("title")}</DialogTitle>
            <DialogDescription>{t("description", { register: registerName })}</DialogDescription>
          </DialogHeader>
          <dl className="grid gap-1 text-sm">
            <dt className="font-medium">{label}</dt>
            <dd className="rounded-md bg-muted px-3 py-2">{shown}</dd>
          </dl>
          {sent ? (
            <Alert variant="success" role="status">
              <AlertDescription>
                {t(sent === "created" ? "sent" : "alreadyOpen", { register: registerName })}{" "}
                <Link href="/my/corrections" className="underline">
                  {t("follow")}
                </Link>
              </AlertDescription>
            </Alert>
          ) : (
            <>
              {errors.root?.server ? (
                <Alert variant="destructive">
                  <AlertDescription>{errors.root.server.message}</AlertDescription>
                </Alert>
              ) : null}
              <TextField id={`${testId}-proposed`} label={t("proposed")} hint={t("proposedHint")} error={errors.proposedValue} {...form.register("proposedValue")} />
              <FormField id={`${testId}-reason`} label={t("reason")} error={reasonError} required>
                <textarea
                  id={`${testId}-reason`}
                  rows={3}
                  maxLength={CORRECTION_REASON_MAX}
                  className="w-full rounded-md border border-input bg-background px-3 py-2 text-sm shadow-sm focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive"
                  aria-invalid={reasonError ? true : undefined}
                  aria-required
                  aria-describedby={formFieldDescribedBy(`${testId}-reason`, { error: reasonError })}
                  {...form.register("reason")}
                />
              </FormField>
            </>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {sent ? t("done") : t("cancel")}
              </Button>
            </DialogClose>
            {sent ? null : (
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? t("sending") : t("send")}
              </Button>
            )}
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
