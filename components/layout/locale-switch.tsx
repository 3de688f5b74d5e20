"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/(public)/locale/actions";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/config";

/**
 * Switches between 中文 and English; the choice lives in a cookie, not the URL. Its label comes
 * from the server (SiteHeader), so the pages with no other client translations ship no
 * message runtime at all.
 */
export function LocaleSwitch({ next, label }: { next: Locale; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      lang={next}
      aria-label={label}
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
