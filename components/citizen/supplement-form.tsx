"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { answerSupplementAction } from "@/app/(citizen)/my/applications/[id]/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { answerSupplementSchema, type AnswerSupplementInput } from "@/lib/applications/process-schemas";
import { FilePicker } from "@/components/ui/file-picker";

export type SupplementFormMaterial = {
  id: string;
  nameZh: string;
  nameEn: string;
  previousUpload: { id: string; fileName: string } | null;
  library: { typeNameZh: string; typeNameEn: string; licenceNumber: string; issuerName: string; validUntil: string | null } | null;
};

type Props = {
  applicationId: string;
  version: number;
  reason: string | null;
  requestedOn: string | null;
  materials: SupplementFormMaterial[];
};

/**
 * 补正: the clerk's reason and exactly the materials they named. Each is replaced by a file
 * uploaded here, or — where the library now holds a valid licence for it — taken from the
 * library without an upload. Submitting resubmits the application once, however often it is
 * clicked.
 */
export function SupplementForm({ applicationId, version, reason, requestedOn, materials }: Props) {
  const t = useTranslations("track.supplement");
  const tl = useTranslations("labels");
  const en = useLocale() === "en";
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState<string | null>(null);
  const [fileNames, setFileNames] = useState<Record<string, string>>({});
  const [uploadErrors, setUploadErrors] = useState<Record<string, string>>({});
  const form = useForm<AnswerSupplementInput>({
    resolver: zodResolver(answerSupplementSchema, undefined, { raw: true }),
    defaultValues: { applicationId, version, uploads: {} },
  });
  const { errors, isSubmitting } = form.formState;
  const chosen = useWatch({ control: form.control, name: "uploads" }) ?? {};

  async function upload(materialId: string, file: File) {
    setBusy(materialId);
    setUploadErrors((e) => ({ ...e, [materialId]: "" }));
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/api/uploads", { method: "POST", body });
      const json = (await response.json().catch(() => null)) as { id?: string; fileName?: string; detail?: string } | null;
      if (!response.ok || !json?.id || !json.fileName) throw new Error(json?.detail ?? t("uploadFailed"));
      form.setValue("uploads", { ...(form.getValues("uploads") ?? {}), [materialId]: json.id });
      form.clearErrors(`uploads.${materialId}`);
      setFileNames((n) => ({ ...n, [materialId]: json.fileName ?? file.name }));
    } catch (error) {
      setUploadErrors((e) => ({ ...e, [materialId]: error instanceof Error ? error.message : t("uploadFailed") }));
    } finally {
      setBusy(null);
    }
  }

  const submit = form.handleSubmit(async (values) => {
    // Only what still needs a file is sent; a library material needs none.
    const uploads = values.uploads ?? {};
    const missing = materials.filter((m) => !m.library && !uploads[m.id]);
    if (missing.length > 0) {
      for (const m of missing) form.setError(`uploads.${m.id}`, { type: "server", message: t("uploadRequired") });
      form.setError("root.server", { type: "server", message: t("incomplete") });
      return;
    }
    const result = await answerSupplementAction({ applicationId, version, uploads });
    if (!result.ok) return applyActionFailure(form.setError, result);
    router.refresh();
  });

  return (
    <form onSubmit={submit} noValidate className="grid gap-4" aria-label={t("title")}>
      <Alert variant="warning">
        <AlertTitle>{requestedOn ? t("requestedOn", { date: requestedOn }) : t("requested")}</AlertTitle>
        <AlertDescription>{reason ?? t("noReason")}</AlertDescription>
      </Alert>
      <p className="text-sm text-muted-foreground">{t("hint")}</p>
      {errors.root?.server ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{errors.root.server.message}</AlertDescription>
        </Alert>
      ) : null}
      <ul className="grid gap-4" aria-label={t("materialsLabel")}>
        {materials.map((m) => {
          const name = en ? m.nameEn : m.nameZh;
          const inputId = `supplement-${m.id}`;
          const fieldError = errors.uploads?.[m.id]?.message ?? uploadErrors[m.id];
          const stored = chosen[m.id] ? fileNames[m.id] : undefined;
          return (
            <li key={m.id} className="grid gap-2 rounded-md border p-3 text-sm" data-testid={`supplement-${m.id}`}>
              <span className="font-medium">{name}</span>
              {m.previousUpload ? (
                <span className="text-muted-foreground">
                  {t("previous")}{" "}
                  <a href={`/api/uploads/${m.previousUpload.id}`} target="_blank" rel="noopener noreferrer" className="underline">
                    {m.previousUpload.fileName}
                  </a>
                </span>
              ) : null}
              {m.library ? (
                <span className="flex flex-wrap items-center gap-2">
                  <Badge variant="success">{t("fromLibraryBadge")}</Badge>
                  {t("fromLibrary", {
                    name: en ? m.library.typeNameEn : m.library.typeNameZh,
                    number: m.library.licenceNumber,
                    issuer: m.library.issuerName,
                    until: m.library.validUntil ?? t("openEnded"),
                  })}
                </span>
              ) : null}
              {stored ? <span>{t("stored", { name: stored })}</span> : null}
              <FilePicker
                id={inputId}
                accept="application/pdf,image/png,image/jpeg"
                disabled={busy !== null || isSubmitting}
                invalid={Boolean(fieldError)}
                describedBy={fieldError ? `${inputId}-error` : undefined}
                label={`${t("uploadButton")} ${name}`}
                buttonText={stored ? t("replace") : m.library ? t("uploadInstead") : t("uploadButton")}
                noFileText={tl("file.noFile")}
                fileName={stored ?? null}
                onFile={(file) => void upload(m.id, file)}
              />
              {busy === m.id ? <span role="status">{t("uploading")}</span> : null}
              {fieldError ? (
                <p id={`${inputId}-error`} role="alert" className="font-medium text-destructive">
                  {fieldError}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div>
        <Button type="submit" disabled={!hydrated || isSubmitting || busy !== null}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
