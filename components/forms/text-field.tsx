"use client";

import { useTranslations } from "next-intl";
import type { FieldError } from "react-hook-form";
import { FormField, formFieldDescribedBy } from "@/components/ui/form-field";
import { Input, type InputProps } from "@/components/ui/input";

type TextFieldProps = Omit<InputProps, "id"> & {
  id: string;
  label: string;
  hint?: string;
  error?: FieldError;
};

/**
 * An input with its label, hint and error. Client-side zod errors carry a catalogue key and
 * are translated here; server errors (type "server") arrive already translated.
 */
export function TextField({ id, label, hint, error, required, ...inputProps }: TextFieldProps) {
  const t = useTranslations("validation");
  const message = error?.message
    ? error.type === "server" || !t.has(error.message)
      ? error.message
      : t(error.message)
    : undefined;
  return (
    <FormField id={id} label={label} hint={hint} error={message} required={required}>
      <Input
        id={id}
        aria-invalid={message ? true : undefined}
        aria-describedby={formFieldDescribedBy(id, { error: message, hint })}
        aria-required={required || undefined}
        {...inputProps}
      />
    </FormField>
  );
}
