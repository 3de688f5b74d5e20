"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { citizenSignInAction, staffSignInAction } from "@/app/(public)/sign-in/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { TextField } from "@/components/forms/text-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { citizenSignInSchema, staffSignInSchema, type SignInInput } from "@/lib/auth/schemas";

const kinds = {
  citizen: { schema: citizenSignInSchema, action: citizenSignInAction, maxLength: 18 },
  staff: { schema: staffSignInSchema, action: staffSignInAction, maxLength: 12 },
} as const;

/** Sign-in for residents (resident ID number) or staff (staff number); the same form shape. */
export function SignInForm({ kind }: { kind: keyof typeof kinds }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const { schema, action, maxLength } = kinds[kind];
  const form = useForm<SignInInput>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: { login: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyActionFailure(form.setError, result);
    router.push(result.data.redirectTo);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={t(`${kind}.tab`)}>
      {errors.root?.server ? (
        <Alert variant="destructive">
          <AlertDescription>{errors.root.server.message}</AlertDescription>
        </Alert>
      ) : null}
      <TextField
        id={`${kind}-login`}
        label={t(`${kind}.login`)}
        hint={t(`${kind}.loginHint`)}
        autoComplete="username"
        maxLength={maxLength}
        required
        error={errors.login}
        {...form.register("login")}
      />
      <TextField
        id={`${kind}-password`}
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        error={errors.password}
        {...form.register("password")}
      />
      <Button type="submit" disabled={!hydrated || isSubmitting}>
        {isSubmitting ? t("signingIn") : t("submit")}
      </Button>
    </form>
  );
}
