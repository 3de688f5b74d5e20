"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/(public)/locale/actions";
import { Button } from "@/components/ui/button";

/** Switches between 中文 and English; the choice lives in a cookie, not the URL. */
export function LocaleSwitch() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next = locale === "en" ? "zh-CN" : "en";
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      lang={next}
      aria-label={t("switchLanguage")}
      onClick={() =>
        startTransition(async () => {
          await setLocaleAction(next);
          router.refresh();
        })
      }
    >
      {next === "en" ? "English" : "中文"}
    </Button>
  );
}
