"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/(public)/locale/actions";
import { Button } from "@/components/ui/button";

/**
 * Switches between 中文 and English; the choice lives in a cookie, not the URL. The button shows
 * the other language's name in that language; its accessible name starts with the same words
 * (WCAG 2.5.3) and says what it does. White on the header's blue (~6.8:1).
 */
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
      className="text-primary-foreground hover:bg-white/15 hover:text-primary-foreground"
      onClick={() =>
        startTransition(async () => {
          await setLocaleAction(next);
          router.refresh();
        })
      }
    >
      <span lang={next}>{next === "en" ? "English" : "中文"}</span>
      <span className="sr-only">（{t("switchLanguage")}）</span>
    </Button>
  );
}
