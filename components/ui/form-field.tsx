import * as React from "react";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/** id of the hint element rendered by `FormField` for a control id. */
export function formFieldHintId(id: string): string {
  return `${id}-hint`;
}

/** id of the error element rendered by `FormField` for a control id. */
export function formFieldErrorId(id: string): string {
  return `${id}-error`;
}

/**
 * Value for the control's `aria-describedby`: the error and/or hint ids that
 * `FormField` renders for these props, or undefined when there are none.
 */
export function formFieldDescribedBy(
  id: string,
  { error, hint }: { error?: string | undefined; hint?: string | undefined },
): string | undefined {
  const ids: string[] = [];
  if (error) ids.push(formFieldErrorId(id));
  if (hint) ids.push(formFieldHintId(id));
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export type FormFieldProps = {
  /** id of the form control inside; the label's htmlFor. */
  id: string;
  label: React.ReactNode;
  error?: string | undefined;
  hint?: string | undefined;
  /** Shows a visual required marker (the control itself should carry `required`). */
  required?: boolean;
  className?: string;
  children: React.ReactNode;
};

/**
 * Label + control + hint + error. The consumer sets `aria-invalid` and
 * `aria-describedby` (see `formFieldDescribedBy`) on its control.
 */
export function FormField({
  id,
  label,
  error,
  hint,
  required = false,
  className,
  children,
}: FormFieldProps) {
  return (
    <div
      data-slot="form-field"
      data-invalid={error ? "true" : undefined}
      className={cn("grid gap-2", className)}
    >
      <Label htmlFor={id}>
        {label}
        {required ? (
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        ) : null}
      </Label>
      {children}
      {hint ? (
        <p
          id={formFieldHintId(id)}
          data-slot="form-field-hint"
          className="text-sm text-muted-foreground"
        >
          {hint}
        </p>
      ) : null}
      {error ? (
        <p
          id={formFieldErrorId(id)}
          role="alert"
          data-slot="form-field-error"
          className="text-sm font-medium text-destructive"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}
