"use client";

import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The recovery codes, shown once right after enrolment; only their hashes are kept. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("signIn.recovery");
  return (
    <section className="grid gap-4" aria-labelledby="recovery-title">
      <h2 id="recovery-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <Alert role="status">
        <AlertDescription>{t("description")}</AlertDescription>
      </Alert>
      <ol className="grid grid-cols-2 gap-2 font-mono text-sm" aria-label={t("listLabel")}>
        {codes.map((code) => (
          <li key={code} className="rounded border bg-background px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ol>
      <Button type="button" onClick={onDone}>
        {t("done")}
      </Button>
    </section>
  );
}
