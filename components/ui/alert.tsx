import * as React from "react";

import { cn } from "@/lib/utils";

export type AlertVariant = "default" | "destructive" | "success" | "warning";

const alertVariantClasses: Record<AlertVariant, string> = {
  default: "border-border bg-card text-card-foreground [&>svg]:text-foreground",
  destructive:
    "border-destructive/50 bg-destructive/10 text-destructive [&>svg]:text-destructive",
  success:
    "border-success/50 bg-success/10 text-success [&>svg]:text-success",
  warning:
    "border-warning/70 bg-warning/15 text-foreground [&>svg]:text-warning-foreground",
};

export type AlertProps = React.ComponentProps<"div"> & {
  variant?: AlertVariant;
};

/**
 * Inline message box. Renders role="alert" by default (announced when it appears);
 * pass role="status" for non-urgent messages.
 */
export function Alert({
  className,
  variant = "default",
  role = "alert",
  ...props
}: AlertProps) {
  return (
    <div
      data-slot="alert"
      data-variant={variant}
      role={role}
      className={cn(
        "relative grid w-full grid-cols-[0_1fr] items-start gap-y-0.5 rounded-lg border px-4 py-3 text-sm",
        "has-[>svg]:grid-cols-[calc(var(--spacing)*4)_1fr] has-[>svg]:gap-x-3 [&>svg]:size-4 [&>svg]:translate-y-0.5",
        alertVariantClasses[variant],
        className,
      )}
      {...props}
    />
  );
}

export function AlertTitle({
  className,
  ...props
}: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-title"
      className={cn(
        "col-start-2 min-h-4 font-semibold leading-snug tracking-tight",
        className,
      )}
      {...props}
    />
  );
}

export function AlertDescription({
  className,
  ...props
}: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn(
        "col-start-2 grid justify-items-start gap-1 text-sm [&_p]:leading-relaxed",
        className,
      )}
      {...props}
    />
  );
}
