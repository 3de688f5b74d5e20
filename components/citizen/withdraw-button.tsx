"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { withdrawApplicationAction } from "@/app/(citizen)/my/applications/[id]/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
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
import { WITHDRAW_REASON_MAX, withdrawApplicationSchema, type WithdrawApplicationInput } from "@/lib/applications/track-schemas";


/** "撤回申请": asks for confirmation in a dialog, with an optional reason for the timeline. */
export function WithdrawButton({ applicationId }: { applicationId: string }) {
  const t = useTranslations("track.withdraw");
  const tv = useTranslations("validation");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<WithdrawApplicationInput>({
    resolver: zodResolver(withdrawApplicationSchema, undefined, { raw: true }),
    defaultValues: { applicationId, reason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const reasonError = errors.reason?.message
    ? errors.reason.type === "server" || !tv.has(errors.reason.message)
      ? errors.reason.message
      : tv(errors.reason.message)
    : undefined;

  const submit = form.handleSubmit(async (values) => {
    const result = await withdrawApplicationAction({ applicationId, reason: values.reason });
    if (!result.ok) return applyActionFailure(form.setError, result);
    setOpen(false);
    form.reset({ applicationId, reason: "" });
    router.refresh();
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.clearErrors();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">{t("button")}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <form onSubmit={submit} noValidate className="grid gap-4" aria-label={t("title")}>
          <DialogHeader>
            <DialogTitle>{t("title")}</DialogTitle>
            <DialogDescription>{t("description")}</DialogDescription>
          </DialogHeader>
          {errors.root?.server ? (
            <Alert variant="destructive">
              <AlertDescription>{errors.root.server.message}</AlertDescription>
            </Alert>
          ) : null}
          <FormField id="withdraw-reason" label={t("reasonLabel")} hint={t("reasonHint")} error={reasonError}>
            <textarea
              id="withdraw-reason"
              rows={3}
              maxLength={WITHDRAW_REASON_MAX + 50}
              className="w-full rounded-md border border-input bg-background px-3 py-2 text-sm shadow-sm focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive"
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={formFieldDescribedBy("withdraw-reason", { error: reasonError, hint: t("reasonHint") })}
              {...form.register("reason")}
            />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {t("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={isSubmitting}>
              {t("confirm")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
