"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lookupResidentAction } from "@/app/(clerk)/counter/lookup/actions";
import { applyActionFailure } from "@/components/forms/apply-action-result";
import { TextField } from "@/components/forms/text-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { lookupResidentSchema, type LookupResidentInput } from "@/lib/persons/lookup-schemas";
import type { ResidentLookup } from "@/lib/persons/lookup-resident";

/**
 * 刷身份证: the number is posted to a server action (never a URL) and the form is cleared once
 * the resident is found, so the full number does not stay on screen.
 */
export function LookupPanel() {
  const t = useTranslations("counter.lookup");
  const ts = useTranslations("status");
  const tl = useTranslations("counter.licenceStatus");
  const en = useLocale() === "en";
  const hydrated = useHydrated();
  const [found, setFound] = useState<ResidentLookup | null>(null);
  const form = useForm<LookupResidentInput>({
    resolver: zodResolver(lookupResidentSchema, undefined, { raw: true }),
    defaultValues: { idNumber: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFound(null);
    const result = await lookupResidentAction(values);
    if (!result.ok) return applyActionFailure(form.setError, result);
    form.reset({ idNumber: "" });
    setFound(result.data);
  });

  return (
    <div className="grid gap-6">
      <form onSubmit={submit} noValidate method="post" aria-label={t("formLabel")} className="grid max-w-md gap-4">
        {errors.root?.server ? (
          <Alert variant="destructive">
            <AlertDescription>{errors.root.server.message}</AlertDescription>
          </Alert>
        ) : null}
        <TextField
          id="lookup-id-number"
          label={t("idNumber")}
          hint={t("idNumberHint")}
          autoComplete="off"
          spellCheck={false}
          inputMode="text"
          maxLength={20}
          required
          error={errors.idNumber}
          {...form.register("idNumber")}
        />
        <div>
          <Button type="submit" disabled={!hydrated || isSubmitting}>
            {t("submit")}
          </Button>
        </div>
      </form>

      {found ? (
        <section aria-label={t("resultLabel")} className="grid gap-6">
          <Card>
            <CardHeader>
              <CardTitle as="h2">{found.name}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="text-muted-foreground">{t("idNumber")}</dt>
                <dd className="font-mono" data-testid="lookup-id-masked">
                  {found.idMasked}
                </dd>
                <dt className="text-muted-foreground">{t("sexAge")}</dt>
                <dd>{t("sexAgeValue", { sex: found.sex, age: found.age })}</dd>
                <dt className="text-muted-foreground">{t("hukou")}</dt>
                <dd>{found.hukouAddress ?? t("noHukou")}</dd>
                <dt className="text-muted-foreground">{t("residence")}</dt>
                <dd>{found.residenceAddress}</dd>
                <dt className="text-muted-foreground">{t("phone")}</dt>
                <dd className="font-mono">{found.phoneMasked ?? "—"}</dd>
              </dl>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("applications")}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3">
              {found.applications.length === 0 ? (
                <p className="text-muted-foreground">{t("noApplications")}</p>
              ) : (
                <Table aria-label={t("applications")}>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("number")}</TableHead>
                      <TableHead>{t("service")}</TableHead>
                      <TableHead>{t("status")}</TableHead>
                      <TableHead>{t("dueOn")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {found.applications.map((a) => (
                      <TableRow key={a.id}>
                        <TableCell className="font-mono text-xs">
                          <Link href={`/counter/applications/${a.id}`} className="text-primary underline-offset-4 hover:underline">
                            {a.number}
                          </Link>
                        </TableCell>
                        <TableCell>{en ? a.serviceNameEn : a.serviceNameZh}</TableCell>
                        <TableCell>{ts(a.status)}</TableCell>
                        <TableCell>{a.dueOn ?? "—"}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
              {found.otherApplications > 0 ? (
                <p className="text-sm text-muted-foreground">{t("otherApplications", { count: found.otherApplications })}</p>
              ) : null}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("licences")}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3">
              <p className="text-sm text-muted-foreground">{t("licencesLogged")}</p>
              {found.licences.length === 0 ? (
                <p className="text-muted-foreground">{t("noLicences")}</p>
              ) : (
                <Table aria-label={t("licences")}>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("licenceType")}</TableHead>
                      <TableHead>{t("licenceNumber")}</TableHead>
                      <TableHead>{t("issuer")}</TableHead>
                      <TableHead>{t("validity")}</TableHead>
                      <TableHead>{t("licenceStatus")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {found.licences.map((l) => (
                      <TableRow key={l.id}>
                        <TableCell>{en ? l.typeEn : l.typeZh}</TableCell>
                        <TableCell className="font-mono text-xs">{l.licenceNumber}</TableCell>
                        <TableCell>{l.issuerName}</TableCell>
                        <TableCell>
                          {l.issuedOn} – {l.validUntil ?? t("noExpiry")}
                        </TableCell>
                        <TableCell>
                          <Badge variant={l.status === "valid" ? "success" : "destructive"}>{tl(l.status)}</Badge>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </section>
      ) : null}
    </div>
  );
}
