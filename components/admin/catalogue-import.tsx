"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { importCatalogueAction, type IssueText } from "@/app/(admin)/admin/services/actions";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { FormField } from "@/components/ui/form-field";

/** Reads a .json or .csv catalogue file in the browser and imports it; lists every problem by path if refused. */
export function CatalogueImport() {
  const t = useTranslations("catalogueAdmin.import");
  const hydrated = useHydrated();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; text: string } | { ok: false; title: string; issues: IssueText[] } | null>(null);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    const text = await file.text();
    const kind = file.name.toLowerCase().endsWith(".csv") ? "csv" : "json";
    const r = await importCatalogueAction({ kind, text });
    setBusy(false);
    if (!r.ok) return setResult({ ok: false, title: r.message, issues: [] });
    if (r.data.ok) {
      setResult({ ok: true, text: t("done", { created: r.data.created, published: r.data.published, unchanged: r.data.unchanged }) });
      router.refresh();
    } else setResult({ ok: false, title: t("failed", { count: r.data.issues.length }), issues: r.data.issues });
  };

  return (
    <form className="grid gap-4" aria-label={t("title")} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <FormField id="catalogue-file" label={t("file")}>
        <FilePicker
          id="catalogue-file"
          accept=".json,.csv,application/json,text/csv"
          label={t("file")}
          buttonText={t("choose")}
          noFileText={t("noFile")}
          onFile={setFile}
        />
      </FormField>
      <div>
        <Button type="submit" disabled={!hydrated || busy || !file}>
          {busy ? t("importing") : t("submit")}
        </Button>
      </div>
      <div aria-live="polite">
        {result?.ok ? (
          <Alert variant="success" role="status">
            <AlertDescription>{result.text}</AlertDescription>
          </Alert>
        ) : result ? (
          <Alert variant="destructive" role="alert">
            <AlertTitle>{result.title}</AlertTitle>
            {result.issues.length > 0 ? (
              <AlertDescription>
                <ul className="list-disc pl-5">
                  {result.issues.map((i) => (
                    <li key={`${i.path}:${i.text}`}>
                      <code className="font-mono text-xs">{i.path}</code> {i.text}
                    </li>
                  ))}
                </ul>
              </AlertDescription>
            ) : null}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
