"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setUiModeAction } from "@/app/(public)/mode/actions";
import { Button } from "@/components/ui/button";
import type { UiMode } from "@/lib/preferences/ui-mode";
import { cn } from "@/lib/utils";

/**
 * 长辈版 ⇄ 标准版. In the header a toggle button (aria-pressed) named by its visible text; on a
 * page ("panel") a plain button that says what it will do. The label comes from the server
 * component that places it (no client message runtime on every page for one word).
 */
export function ModeSwitch({ mode, label, className, variant = "header" }: { mode: UiMode; label: string; className?: string; variant?: "header" | "panel" }) {
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
      {label}
    </Button>
  );
}
