"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { setUiModeAction } from "@/app/(public)/mode/actions";
import { Button } from "@/components/ui/button";
import type { UiMode } from "@/lib/preferences/ui-mode";
import { cn } from "@/lib/utils";

/**
 * 长辈版 ⇄ 标准版. In the header a toggle button (aria-pressed) named by its visible text; on a
 * page ("panel") a plain button that says what it will do.
 */
export function ModeSwitch({ mode, className, variant = "header" }: { mode: UiMode; className?: string; variant?: "header" | "panel" }) {
  const t = useTranslations("elderly");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const elderly = mode === "elderly";
  return (
    <Button
      type="button"
      variant={variant === "header" ? "secondary" : "outline"}
      size="sm"
      disabled={pending}
      aria-pressed={variant === "header" ? elderly : undefined}
      className={cn("gap-1", className)}
      onClick={() =>
        startTransition(async () => {
          await setUiModeAction(elderly ? "normal" : "elderly");
          router.refresh();
        })
      }
    >
      {variant === "header" ? t("switch") : elderly ? t("turnOff") : t("turnOn")}
    </Button>
  );
}
