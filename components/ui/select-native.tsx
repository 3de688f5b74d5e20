import * as React from "react";

import { cn } from "@/lib/utils";

export type SelectNativeProps = React.ComponentProps<"select"> & {
  /** Classes for the wrapper that positions the chevron. */
  wrapperClassName?: string;
};

/** Styled native `<select>`; pass `<option>` / `<optgroup>` children. */
export function SelectNative({
  className,
  wrapperClassName,
  multiple,
  children,
  ...props
}: SelectNativeProps) {
  return (
    <div
      data-slot="select-native-wrapper"
      className={cn("relative w-full", wrapperClassName)}
    >
      <select
        data-slot="select-native"
        multiple={multiple}
        className={cn(
          "w-full min-w-0 appearance-none rounded-md border border-input bg-background text-base text-foreground shadow-sm transition-colors md:text-sm",
          multiple ? "px-2 py-1" : "h-10 py-2 pr-9 pl-3",
          "focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background",
          "disabled:cursor-not-allowed disabled:opacity-50",
          "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive",
          className,
        )}
        {...props}
      >
        {children}
      </select>
      {multiple ? null : (
        <svg
          aria-hidden="true"
          focusable="false"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          strokeLinecap="round"
          strokeLinejoin="round"
          className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
        >
          <path d="m6 9 6 6 6-6" />
        </svg>
      )}
    </div>
  );
}
