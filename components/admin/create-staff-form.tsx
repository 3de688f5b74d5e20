"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createStaffAccountAction } from "@/app/(admin)/admin/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { TextField } from "@/components/forms/text-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, formFieldDescribedBy } from "@/components/ui/form-field";
import { SelectNative } from "@/components/ui/select-native";
import { createStaffSchema, STAFF_ROLES, type CreateStaffInput } from "@/lib/admin/staff-schemas";

type Option = { id: string; name: string };

/** Opens a staff account with a first password; the person sets up two-step verification at first sign-in. */
export function CreateStaffForm({ departments, centres }: { departments: Option[]; centres: Option[] }) {
  const t = useTranslations("adminHome.create");
  const tn = useTranslations("nav");
  const tv = useTranslations("validation");
  const router = useRouter();
  const hydrated = useHydrated();
  const [created, setCreated] = useState<string | null>(null);
  const empty: CreateStaffInput = { staffNo: "", displayName: "", role: "clerk", departmentId: "", centreId: "", password: "" };
  const form = useForm<CreateStaffInput>({ resolver: zodResolver(createStaffSchema, undefined, { raw: true }), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;
  const msg = (e?: { type: string; message?: string }) => (e?.message ? (e.type === "server" || !tv.has(e.message) ? e.message : tv(e.message)) : undefined);

  const submit = form.handleSubmit(async (values) => {
    setCreated(null);
    const result = await createStaffAccountAction(values);
    if (!result.ok) return applyActionFailure(form.setError, result);
    setCreated(result.data.staffNo);
    form.reset(empty);
    router.refresh();
  });

  const select = (name: "role" | "departmentId" | "centreId", label: string, options: Option[], blank?: string) => {
    const id = `staff-${name}`;
    const error = msg(errors[name] as { type: string; message?: string } | undefined);
    return (
      <FormField id={id} label={label} error={error}>
        <SelectNative id={id} aria-invalid={error ? true : undefined} aria-describedby={formFieldDescribedBy(id, { error })} {...form.register(name)}>
          {blank ? <option value="">{blank}</option> : null}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectNative>
      </FormField>
    );
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-4 md:grid-cols-2" aria-label={t("title")}>
      {created ? (
        <Alert variant="success" role="status" className="md:col-span-2">
          <AlertDescription>{t("created", { staffNo: created })}</AlertDescription>
        </Alert>
      ) : null}
      {errors.root?.server ? (
        <Alert variant="destructive" className="md:col-span-2">
          <AlertDescription>{errors.root.server.message}</AlertDescription>
        </Alert>
      ) : null}
      <TextField id="staff-no" label={t("staffNo")} hint={t("staffNoHint")} required maxLength={12} error={errors.staffNo} {...form.register("staffNo")} />
      <TextField id="staff-name" label={t("name")} required maxLength={30} error={errors.displayName} {...form.register("displayName")} />
      {select("role", t("role"), STAFF_ROLES.map((r) => ({ id: r, name: tn(`role.${r}`) })))}
      {select("departmentId", t("department"), departments, t("none"))}
      {select("centreId", t("centre"), centres, t("none"))}
      <TextField id="staff-password" type="password" label={t("password")} hint={t("passwordHint")} autoComplete="new-password" required error={errors.password} {...form.register("password")} />
      <div className="md:col-span-2">
        <Button type="submit" disabled={!hydrated || isSubmitting}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
