"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { FilePicker } from "@/components/ui/file-picker";

export type UploadableMaterial = { id: string; nameZh: string; nameEn: string };
export type ChosenUpload = { id: string; fileName: string };

type Props = {
  materials: UploadableMaterial[];
  chosen: Record<string, ChosenUpload>;
  onChange: (materialId: string, upload: ChosenUpload) => void;
  disabled: boolean;
};

/**
 * One optional file input per material the library cannot supply. A file is stored as soon as
 * it is chosen; the application claims it on submit. The server decides the type from the bytes.
 */
export function MaterialUploads({ materials, chosen, onChange, disabled }: Props) {
  const t = useTranslations("apply.upload");
  const tl = useTranslations("labels");
  const en = useLocale() === "en";
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function upload(materialId: string, file: File) {
    setBusy(materialId);
    setErrors((e) => ({ ...e, [materialId]: "" }));
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/api/uploads", { method: "POST", body });
      const json = (await response.json().catch(() => null)) as { id?: string; fileName?: string; detail?: string } | null;
      if (!response.ok || !json?.id || !json.fileName) throw new Error(json?.detail ?? t("failed"));
      onChange(materialId, { id: json.id, fileName: json.fileName });
    } catch (error) {
      setErrors((e) => ({ ...e, [materialId]: error instanceof Error ? error.message : t("failed") }));
    } finally {
      setBusy(null);
    }
  }

  if (materials.length === 0) return null;
  return (
    <fieldset className="grid gap-3 rounded-md border p-3">
      <legend className="px-1 text-sm font-medium">{t("title")}</legend>
      <p className="text-xs text-muted-foreground">{t("hint")}</p>
      {materials.map((m) => {
        const name = en ? m.nameEn : m.nameZh;
        const current = chosen[m.id];
        const error = errors[m.id];
        const inputId = `upload-${m.id}`;
        return (
          <div key={m.id} className="grid gap-1 text-sm" data-testid={`upload-${m.id}`}>
            <span className="font-medium">{name}</span>
            {current ? (
              <span>
                {t("stored", { name: current.fileName })}{" "}
                <a href={`/api/uploads/${current.id}`} target="_blank" rel="noopener noreferrer" className="underline">
                  {t("preview")}
                </a>
              </span>
            ) : disabled ? (
              <span className="text-muted-foreground">{t("none")}</span>
            ) : null}
            {disabled ? null : (
              <FilePicker
                id={inputId}
                accept="application/pdf,image/png,image/jpeg"
                disabled={busy !== null}
                invalid={Boolean(error)}
                describedBy={error ? `${inputId}-error` : undefined}
                label={`${t("button")} ${name}`}
                buttonText={current ? t("replace") : t("button")}
                noFileText={tl("file.noFile")}
                fileName={current?.fileName ?? null}
                onFile={(file) => void upload(m.id, file)}
              />
            )}
            {busy === m.id ? <span role="status">{t("uploading")}</span> : null}
            {error ? (
              <p id={`${inputId}-error`} role="alert" className="font-medium text-destructive">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
