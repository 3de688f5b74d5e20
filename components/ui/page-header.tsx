import * as React from "react";

import { cn } from "@/lib/utils";

export type PageHeaderProps = Omit<React.ComponentProps<"div">, "title"> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Buttons / links shown beside the title (below it on small screens). */
  actions?: React.ReactNode;
  /** Heading element for the title; defaults to h1. */
  titleAs?: "h1" | "h2";
};

export function PageHeader({
  title,
  description,
  actions,
  titleAs = "h1",
  className,
  ...props
}: PageHeaderProps) {
  const Heading = titleAs;
  return (
    <div
      data-slot="page-header"
      className={cn(
        "flex flex-col gap-4 border-b border-border pb-4 sm:flex-row sm:items-end sm:justify-between",
        className,
      )}
      {...props}
    >
      <div className="min-w-0 space-y-1">
        <Heading className="text-2xl font-semibold tracking-tight text-foreground">
          {title}
        </Heading>
        {description ? (
          <p className="text-sm text-muted-foreground">{description}</p>
        ) : null}
      </div>
      {actions ? (
        <div
          data-slot="page-header-actions"
          className="flex shrink-0 flex-wrap items-center gap-2"
        >
          {actions}
        </div>
      ) : null}
    </div>
  );
}
