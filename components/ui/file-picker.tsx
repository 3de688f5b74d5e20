"use client";

import { useState } from "react";
import { cn } from "@/lib/utils";
import { buttonVariants } from "./button";

export type FilePickerProps = {
  id: string;
  accept?: string;
  disabled?: boolean;
  invalid?: boolean;
  /** Ids of the hint or error the input is described by (the chosen file's name is added). */
  describedBy?: string;
  /** What a screen reader announces for the input, e.g. "上传 居民身份证". */
  label: string;
  /** The visible button text, in the page's language (not the browser's "Choose File"). */
  buttonText: string;
  /** Shown next to the button until a file is chosen (or after, if the caller keeps its own name). */
  noFileText: string;
  /** The name to show, when the caller knows it better (a file already stored); else the chosen file's. */
  fileName?: string | null;
  onFile: (file: File) => void;
  className?: string;
};

/**
 * A file input in the page's language: the native input stays (keyboard, screen readers,
 * Playwright's setInputFiles all work on it) but is visually hidden; a styled label is the
 * button, and the chosen file's name sits beside it instead of "No file chosen".
 */
export function FilePicker({ id, accept, disabled, invalid, describedBy, label, buttonText, noFileText, fileName, onFile, className }: FilePickerProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = fileName ?? chosen;
  return (
    <span className={cn("inline-flex flex-wrap items-center gap-3", className)}>
      <input
        id={id}
        type="file"
        className="peer sr-only"
        accept={accept}
        disabled={disabled}
        aria-label={label}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={[describedBy, `${id}-chosen`].filter(Boolean).join(" ")}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return;
          setChosen(file.name);
          onFile(file);
        }}
      />
      <label
        htmlFor={id}
        aria-hidden
        className={cn(
          buttonVariants({ variant: "outline" }),
          "cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-ring peer-focus-visible:ring-offset-2 peer-disabled:cursor-not-allowed peer-disabled:opacity-50",
        )}
      >
        {buttonText}
      </label>
      <span id={`${id}-chosen`} className="break-all text-sm text-muted-foreground">
        {shown ?? noFileText}
      </span>
    </span>
  );
}
