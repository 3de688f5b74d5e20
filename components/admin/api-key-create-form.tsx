"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createApiKeyAction } from "@/app/(admin)/admin/api-keys/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, formFieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SelectNative } from "@/components/ui/select-native";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/api/key-schemas";

type Department = { id: string; name: string };

/** New API key for a department; the key comes back once and is shown with a copy button. */
export function ApiKeyCreateForm({ departments }: { departments: Department[] }) {
  const t = useTranslations("library.apiKeys");
  const tr = useTranslations();
  const hydrated = useHydrated();
  const router = useRouter();
  const [created, setCreated] = useState<{ key: string; label: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useForm<CreateApiKeyInput>({
    resolver: zodResolver(createApiKeySchema, undefined, { raw: true }),
    defaultValues: { departmentId: "", label: "", rateLimitPerMinute: "600" },
  });
  const { errors, isSubmitting } = form.formState;
  const msg = (e?: { type: string; message?: string }) =>
    e?.message ? (e.type === "server" || !tr.has(e.message) ? e.message : tr(e.message)) : undefined;
  const deptError = msg(errors.departmentId);
  const labelError = msg(errors.label);
  const rateError = msg(errors.rateLimitPerMinute as { type: string; message?: string } | undefined);

  const submit = form.handleSubmit(async (values) => {
    setCopied(false);
    const result = await createApiKeyAction(values);
    if (!result.ok) return applyActionFailure(form.setError, result);
    setCreated({ key: result.data.key, label: result.data.label });
    form.reset({ departmentId: "", label: "", rateLimitPerMinute: "600" });
    router.refresh();
  });

  return (
    <div className="grid gap-4">
      {created ? (
        <Alert variant="success" role="status" aria-live="polite">
          <AlertTitle>{t("createdTitle")}</AlertTitle>
          <AlertDescription className="grid gap-2">
            <p>{t("createdHint")}</p>
            <div className="flex flex-wrap items-center gap-2">
              <code data-testid="new-api-key" className="break-all rounded bg-background px-2 py-1 font-mono text-xs text-foreground">
                {created.key}
              </code>
              <Button
                type="button"
                size="sm"
                variant="outline"
                onClick={async () => {
                  await navigator.clipboard?.writeText(created.key).catch(() => undefined);
                  setCopied(true);
                }}
              >
                {copied ? t("copied") : t("copy")}
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="grid gap-4 md:grid-cols-[1fr_1fr_12rem_auto] md:items-end" aria-label={t("createHeading")}>
        {errors.root?.server ? (
          <Alert variant="destructive" className="md:col-span-4">
            <AlertDescription>{errors.root.server.message}</AlertDescription>
          </Alert>
        ) : null}
        <FormField id="api-key-department" label={t("department")} error={deptError} required>
          <SelectNative
            id="api-key-department"
            aria-invalid={deptError ? true : undefined}
            aria-describedby={formFieldDescribedBy("api-key-department", { error: deptError })}
            {...form.register("departmentId")}
          >
            <option value="">{t("chooseDepartment")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectNative>
        </FormField>
        <FormField id="api-key-label" label={t("label")} hint={t("labelHint")} error={labelError} required>
          <Input
            id="api-key-label"
            maxLength={80}
            aria-invalid={labelError ? true : undefined}
            aria-describedby={formFieldDescribedBy("api-key-label", { error: labelError, hint: t("labelHint") })}
            {...form.register("label")}
          />
        </FormField>
        <FormField id="api-key-rate" label={t("rateLimit")} error={rateError}>
          <Input
            id="api-key-rate"
            type="number"
            inputMode="numeric"
            min={1}
            aria-invalid={rateError ? true : undefined}
            aria-describedby={formFieldDescribedBy("api-key-rate", { error: rateError })}
            {...form.register("rateLimitPerMinute")}
          />
        </FormField>
        <Button type="submit" disabled={!hydrated || isSubmitting}>
          {isSubmitting ? t("creating") : t("create")}
        </Button>
      </form>
    </div>
  );
}
