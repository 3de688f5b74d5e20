"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/(public)/locale/actions";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/config";

/**
 * Switches between 中文 and English; the choice lives in a cookie, not the URL. The button shows
 * the other language's name in that language; its accessible name starts with the same words
 * (WCAG 2.5.3) and says what it does. White on the header's blue (~6.8:1). Its words come from
 * the server (SiteHeader), so pages with no other client translations ship no message runtime.
 */
export function LocaleSwitch({ next, label }: { next: Locale; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
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
      <span className="sr-only">（{label}）</span>
    </Button>
  );
}
