"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { processApplicationAction } from "@/app/(clerk)/counter/applications/[id]/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, formFieldDescribedBy } from "@/components/ui/form-field";
import type { ApplicationStatus } from "@/lib/applications/statuses";
import { processApplicationSchema, type ProcessAction } from "@/lib/applications/process-schemas";

type Props = {
  applicationId: string;
  version: number;
  status: ApplicationStatus;
  onTheSpot: boolean;
  /** The licence approval issues into the library, in the page's language. */
  outputLicence: string | null;
  /** The application's materials (application_materials ids) a supplement request may name. */
  materials: { id: string; name: string; requested: boolean }[];
};

type Outcome = { kind: "done"; action: ProcessAction } | { kind: "conflict"; message: string };

type FormValues = {
  action: ProcessAction;
  applicationId: string;
  version: number;
  reason?: string;
  note?: string;
  materialIds?: string[];
};

const textareaClass =
  "w-full rounded-md border border-input bg-background px-3 py-2 text-sm shadow-sm focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive";

/**
 * The clerk's decisions. Each form posts the version the page was rendered with; if another
 * clerk acted first the server refuses it and says who and when, and the page offers a reload.
 */
export function ApplicationActions(props: Props) {
  const t = useTranslations("counter.actions");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { status, onTheSpot } = props;
  const can = {
    accept: status === "submitted",
    requestSupplement: status === "submitted" || status === "accepted",
    reject: status === "submitted" || status === "accepted" || status === "supplement_requested",
    approve: status === "accepted" || status === "approved" || (status === "submitted" && onTheSpot),
  };
  const none = !Object.values(can).some(Boolean);

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-6">
        {outcome?.kind === "conflict" ? (
          <Alert variant="destructive">
            <AlertDescription>
              {outcome.message}{" "}
              <a href={`/counter/applications/${props.applicationId}`} className="font-medium underline">
                {t("reload")}
              </a>
            </AlertDescription>
          </Alert>
        ) : null}
        {outcome?.kind === "done" ? (
          <p role="status" className="text-sm font-medium text-success">
            {t(`done.${outcome.action}`)}
          </p>
        ) : null}
        {none ? <p className="text-sm text-muted-foreground">{t("nothingToDo")}</p> : null}
        {can.accept ? <ActionForm key={`accept-${props.version}`} {...props} action="accept" onOutcome={setOutcome} /> : null}
        {can.approve ? <ActionForm key={`approve-${props.version}`} {...props} action="approve" onOutcome={setOutcome} /> : null}
        {can.requestSupplement ? <ActionForm key={`requestSupplement-${props.version}`} {...props} action="requestSupplement" onOutcome={setOutcome} /> : null}
        {can.reject ? <ActionForm key={`reject-${props.version}`} {...props} action="reject" onOutcome={setOutcome} /> : null}
      </CardContent>
    </Card>
  );
}

function ActionForm({
  applicationId,
  version,
  outputLicence,
  materials,
  action,
  onOutcome,
}: Props & { action: ProcessAction; onOutcome: (o: Outcome) => void }) {
  const t = useTranslations("counter.actions");
  const router = useRouter();
  const hydrated = useHydrated();
  const form = useForm<FormValues>({
    resolver: zodResolver(processApplicationSchema, undefined, { raw: true }) as never,
    defaultValues: {
      action,
      applicationId,
      version,
      ...(action === "requestSupplement" ? { materialIds: [], reason: "" } : {}),
      ...(action === "reject" ? { reason: "" } : {}),
      ...(action === "approve" ? { note: "" } : {}),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const msg = (e?: { message?: string }) => e?.message;
  // The shared schema's own messages are zod's; the form says it in the clerk's words.
  const reasonError = errors.reason ? (errors.reason.type === "server" ? msg(errors.reason) : t("reasonRequired")) : undefined;
  const materialsError = errors.materialIds ? t("materialsRequired") : undefined;
  const id = (name: string) => `${action}-${name}`;

  const submit = form.handleSubmit(async (values) => {
    const result = await processApplicationAction(values as never);
    if (!result.ok) {
      // A lost race is said once, above the forms, with the reload link.
      if (result.code === "CONFLICT") return onOutcome({ kind: "conflict", message: result.message });
      return applyActionFailure(form.setError, result);
    }
    onOutcome({ kind: "done", action });
    router.refresh();
  });

  return (
    <form onSubmit={submit} noValidate method="post" aria-label={t(`${action}.title`)} className="grid gap-3 border-t pt-4 first:border-t-0 first:pt-0">
      <h3 className="font-medium">{t(`${action}.title`)}</h3>
      <input type="hidden" {...form.register("version")} />
      {errors.root?.server ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.server.message}</AlertDescription>
        </Alert>
      ) : null}
      {action === "approve" ? (
        <>
          <p className="text-sm text-muted-foreground">
            {outputLicence ? t("approve.issues", { licence: outputLicence }) : t("approve.noLicence")}
          </p>
          <FormField id={id("note")} label={t("approve.note")}>
            <textarea id={id("note")} rows={2} maxLength={500} className={textareaClass} {...form.register("note")} />
          </FormField>
        </>
      ) : null}
      {action === "requestSupplement" ? (
        <fieldset
          className="grid gap-2"
          aria-invalid={materialsError ? true : undefined}
          aria-describedby={materialsError ? id("materials-error") : undefined}
        >
          <legend className="mb-1 text-sm font-medium">{t("requestSupplement.materials")}</legend>
          <p className="text-sm text-muted-foreground">{t("requestSupplement.onceHint")}</p>
          {materials.map((m) => (
            <label key={m.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={m.id} {...form.register("materialIds")} />
              {m.name}
            </label>
          ))}
          {materialsError ? (
            <p id={id("materials-error")} role="alert" className="text-sm font-medium text-destructive">
              {materialsError}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {action === "requestSupplement" || action === "reject" ? (
        <FormField id={id("reason")} label={t(`${action}.reason`)} error={reasonError} required>
          <textarea
            id={id("reason")}
            rows={3}
            maxLength={550}
            className={textareaClass}
            aria-invalid={reasonError ? true : undefined}
            aria-required
            aria-describedby={formFieldDescribedBy(id("reason"), { error: reasonError })}
            {...form.register("reason")}
          />
        </FormField>
      ) : null}
      <div>
        <Button type="submit" variant={action === "reject" ? "destructive" : action === "accept" || action === "approve" ? "default" : "outline"} disabled={!hydrated || isSubmitting}>
          {t(`${action}.submit`)}
        </Button>
      </div>
    </form>
  );
}
