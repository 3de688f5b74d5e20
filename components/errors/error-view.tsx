"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * What a route group shows when a page cannot be rendered: most often the database is briefly
 * away. It says so in plain words, offers to try again, and reminds the person that a form they
 * were filling in keeps its input (actions answer failures to the form; nothing is thrown at it).
 */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="mx-auto grid max-w-lg gap-4 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{t("outageTitle")}</h1>
      <p className="text-muted-foreground">{t("outage")}</p>
      <div className="flex justify-center gap-3">
        <Button type="button" onClick={reset}>
          {t("retry")}
        </Button>
        <Button asChild variant="outline">
          <Link href="/">{t("backHome")}</Link>
        </Button>
      </div>
      {error.digest ? <p className="text-xs text-muted-foreground">{t("reference", { digest: error.digest })}</p> : null}
    </div>
  );
}
