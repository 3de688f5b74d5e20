"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { VerificationResult, type ShownVerification } from "./verification-result";

const MAX_BYTES = 2 * 1024 * 1024;

/** Upload a licence PDF and show whether it is genuine and current (POST /verify/file). */
export function LicenceFileCheck() {
  const t = useTranslations("licenceFile.verify");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ name: string; v: ShownVerification } | null>(null);

  async function check(e: React.FormEvent) {
    e.preventDefault();
    setResult(null);
    if (!file) return setError(t("needFile"));
    if (file.size > MAX_BYTES) return setError(t("tooLarge"));
    setError(null);
    setBusy(true);
    try {
      const response = await fetch("/verify/file", { method: "POST", body: file, headers: { "Content-Type": "application/pdf" } });
      if (response.status === 413) return setError(t("tooLarge"));
      if (!response.ok) return setError(t("failed"));
      setResult({ name: file.name, v: (await response.json()) as ShownVerification });
    } catch {
      setError(t("failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={check} noValidate className="grid gap-4" aria-label={t("uploadHeading")}>
      <div className="grid gap-2">
        <span id="licence-file-label" className="text-sm font-medium">
          {t("fileLabel")}
        </span>
        <FilePicker
          id="licence-file"
          accept="application/pdf,.pdf"
          label={t("fileLabel")}
          buttonText={t("choose")}
          noFileText={t("noFile")}
          invalid={Boolean(error)}
          describedBy={error ? "licence-file-error" : undefined}
          onFile={(f) => {
            setFile(f);
            setError(null);
            setResult(null);
          }}
        />
      </div>
      {error ? (
        <Alert variant="destructive" id="licence-file-error" role="alert">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("checking") : t("submit")}
        </Button>
      </div>
      <div aria-live="polite">{result ? <VerificationResult v={result.v} heading={t("resultFor", { name: result.name })} /> : null}</div>
    </form>
  );
}
