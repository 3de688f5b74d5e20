"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { processApplicationAction } from "@/app/(clerk)/counter/applications/[id]/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, formFieldDescribedBy } from "@/components/ui/form-field";
import type { StaffAction } from "@/lib/applications/lifecycle/transitions";
import type { DeliveryMethod } from "@/lib/workflows/workflow-schema";
import { processApplicationSchema, type ProcessAction } from "@/lib/applications/process-schemas";

type Props = {
  applicationId: string;
  version: number;
  /** What this user may do now: the lifecycle's answer (lib/applications/lifecycle), computed on the server. */
  allowed: StaffAction[];
  onTheSpot: boolean;
  /** The current review step's level (1 初审, 2 复审), when it is a review. */
  reviewLevel: 1 | 2 | null;
  /** The legal basis a decision cites, in the page's language. */
  legalBasis: string | null;
  /** How this service may deliver its result. */
  deliveryMethods: DeliveryMethod[];
  /** Set when separation of duties keeps this user from deciding. */
  heldBack: "separationOfDuties" | null;
  /** Completed, refused, rejected or withdrawn. */
  closed: boolean;
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
  opinion?: string;
  method?: DeliveryMethod;
  trackingNo?: string;
  idChecked?: boolean;
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
  const none = props.allowed.length === 0;
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
        {props.heldBack ? (
          <Alert>
            <AlertDescription>{t("heldBack")}</AlertDescription>
          </Alert>
        ) : null}
        {none && !props.heldBack ? <p className="text-sm text-muted-foreground">{t(props.closed ? "closed" : "nothingToDo")}</p> : null}
        {props.allowed.map((action) => (
          <ActionForm key={`${action}-${props.version}`} {...props} action={action} onOutcome={setOutcome} />
        ))}
      </CardContent>
    </Card>
  );
}

function ActionForm({
  applicationId,
  version,
  outputLicence,
  materials,
  onTheSpot,
  reviewLevel,
  legalBasis,
  deliveryMethods,
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
      ...(action === "reject" || action === "refuse" ? { reason: "" } : {}),
      ...(action === "approve" || (action === "accept" && onTheSpot) ? { note: "" } : {}),
      ...(action === "review" ? { opinion: "agree", note: "" } : {}),
      ...(action === "deliver" ? { method: deliveryMethods[0], trackingNo: "", idChecked: false } : {}),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const msg = (e?: { message?: string }) => e?.message;
  // The shared schema's own messages are zod's; the form says it in the clerk's words.
  const reasonError = errors.reason ? (errors.reason.type === "server" ? msg(errors.reason) : t("reasonRequired")) : undefined;
  const materialsError = errors.materialIds ? t("materialsRequired") : undefined;
  const noteError = errors.note ? (errors.note.type === "server" ? msg(errors.note) : t("reasonRequired")) : undefined;
  const id = (name: string) => `${action}-${name}`;
  // The decider's note: optional, but required by the server when granting against the service's rule.
  const decisionNote = (
    <FormField id={id("note")} label={t("approve.note")} error={noteError}>
      <textarea
        id={id("note")}
        rows={2}
        maxLength={500}
        className={textareaClass}
        aria-invalid={noteError ? true : undefined}
        aria-describedby={formFieldDescribedBy(id("note"), { error: noteError })}
        {...form.register("note")}
      />
    </FormField>
  );
  const trackingError = errors.trackingNo ? t("deliver.trackingRequired") : undefined;
  const idCheckError = errors.idChecked ? t("deliver.idCheckRequired") : undefined;
  const method = useWatch({ control: form.control, name: "method" });
  // 即办件: the window's acceptance is also the decision.
  const key = action === "accept" && onTheSpot ? "acceptOnTheSpot" : action === "review" && reviewLevel === 2 ? "review2" : action;

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
    <form onSubmit={submit} noValidate method="post" aria-label={t(`${key}.title`)} className="grid gap-3 border-t pt-4 first:border-t-0 first:pt-0">
      <h3 className="font-medium">{t(`${key}.title`)}</h3>
      <input type="hidden" {...form.register("version")} />
      {errors.root?.server ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.server.message}</AlertDescription>
        </Alert>
      ) : null}
      {action === "accept" && onTheSpot ? (
        <>
          <p className="text-sm text-muted-foreground">{outputLicence ? t("approve.issues", { licence: outputLicence }) : t("approve.noLicence")}</p>
          {decisionNote}
        </>
      ) : null}
      {action === "review" ? (
        <>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">{t("review.opinion")}</legend>
            {(["agree", "disagree"] as const).map((o) => (
              <label key={o} className="flex items-center gap-2 text-sm">
                <input type="radio" value={o} {...form.register("opinion")} />
                {t(`review.${o}`)}
              </label>
            ))}
          </fieldset>
          <FormField id={id("note")} label={t("review.note")} error={noteError} required>
            <textarea
              id={id("note")}
              rows={3}
              maxLength={550}
              className={textareaClass}
              aria-invalid={noteError ? true : undefined}
              aria-required
              aria-describedby={formFieldDescribedBy(id("note"), { error: noteError })}
              {...form.register("note")}
            />
          </FormField>
        </>
      ) : null}
      {action === "approve" || action === "refuse" ? (
        <p className="text-sm text-muted-foreground">{t("approve.basis", { basis: legalBasis ?? "—" })}</p>
      ) : null}
      {action === "deliver" ? (
        <>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">{t("deliver.method")}</legend>
            {deliveryMethods.map((m) => (
              <label key={m} className="flex items-center gap-2 text-sm">
                <input type="radio" value={m} {...form.register("method")} />
                {t(`deliver.methods.${m}`)}
              </label>
            ))}
          </fieldset>
          {method === "post" ? (
            <FormField id={id("trackingNo")} label={t("deliver.trackingNo")} error={trackingError} required>
              <input
                id={id("trackingNo")}
                className={textareaClass}
                maxLength={40}
                aria-invalid={trackingError ? true : undefined}
                aria-describedby={formFieldDescribedBy(id("trackingNo"), { error: trackingError })}
                {...form.register("trackingNo")}
              />
            </FormField>
          ) : null}
          {method === "collect" ? (
            <div className="grid gap-1">
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" aria-invalid={idCheckError ? true : undefined} {...form.register("idChecked")} />
                {t("deliver.idChecked")}
              </label>
              {idCheckError ? (
                <p role="alert" className="text-sm font-medium text-destructive">
                  {idCheckError}
                </p>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
      {action === "approve" ? (
        <>
          <p className="text-sm text-muted-foreground">
            {outputLicence ? t("approve.issues", { licence: outputLicence }) : t("approve.noLicence")}
          </p>
          {decisionNote}
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
      {action === "requestSupplement" || action === "reject" || action === "refuse" ? (
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
        <Button
          type="submit"
          variant={action === "reject" || action === "refuse" ? "destructive" : action === "requestSupplement" ? "outline" : "default"}
          disabled={!hydrated || isSubmitting}
        >
          {t(`${key}.submit`)}
        </Button>
      </div>
    </form>
  );
}
