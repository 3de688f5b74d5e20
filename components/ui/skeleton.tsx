import * as React from "react";

import { cn } from "@/lib/utils";

/** Decorative loading placeholder (aria-hidden; announce loading elsewhere). */
export function Skeleton({
  className,
  "aria-hidden": ariaHidden = true,
  ...props
}: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden={ariaHidden}
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}
