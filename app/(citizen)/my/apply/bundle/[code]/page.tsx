import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ApplyForm } from "@/components/citizen/apply-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { uploadableOutcomes } from "@/lib/applications/claim-uploads";
import { loadDraft } from "@/lib/applications/drafts";
import { prepareBundle, type BundleMaterial } from "@/lib/applications/prepare-bundle";
import { orNotFound, requirePageUser } from "@/lib/auth/page";

const paramsSchema = z.object({ for: z.uuid().optional() });

const badge: Record<BundleMaterial["outcome"], BadgeVariant> = {
  library: "success",
  expiring: "warning",
  unusable: "destructive",
  missing: "outline",
  awaiting: "success",
  upload: "outline",
  form: "secondary",
  bundle: "success",
};

export default async function BundlePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageUser("citizen");
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const subject = paramsSchema.safeParse(query);
  const db = await getDb();
  const [t, locale, page, saved] = await Promise.all([
    getTranslations("apply"),
    getLocale(),
    orNotFound(prepareBundle(db, actor, { bundleCode: code, subjectPersonId: subject.success ? (subject.data.for ?? null) : null })),
    loadDraft(db, actor, { kind: "bundle", code }),
  ]);
  // A draft typed for another child is not poured into this child's form.
  const draft = saved && saved.subjectPersonId === page.subjectId ? saved : null;
  const en = locale === "en";
  const b = page.bundle;
  const child = page.subjectOptions.find((c) => c.id === page.subjectId);
  const c = page.counts;
  return (
    <div className="grid gap-6">
      <PageHeader title={en ? b.nameEn : b.nameZh} description={t("bundle.intro")} />
      <p className="max-w-3xl text-muted-foreground">{en ? b.descriptionEn : b.descriptionZh}</p>
      {page.subjectOptions.length > 1 ? (
        <nav aria-label={t("chooseChild")} className="flex flex-wrap items-center gap-2 text-sm">
          <span>{t("chooseChild")}</span>
          {page.subjectOptions.map((o) => (
            <Link
              key={o.id}
              href={`/my/apply/bundle/${b.code}?for=${o.id}`}
              aria-current={o.id === page.subjectId ? "true" : undefined}
              className={`rounded-md border px-3 py-1 ${o.id === page.subjectId ? "bg-primary text-primary-foreground" : ""}`}
            >
              {o.name}（{o.birthDate}）
            </Link>
          ))}
        </nav>
      ) : null}
      {page.forChild && !page.subjectId ? (
        <Alert variant="warning">
          <AlertDescription>{page.subjectOptions.length === 0 ? t("noChild") : t("pickChild")}</AlertDescription>
        </Alert>
      ) : (
        <>
          {child ? <p className="text-sm font-medium">{t("bundle.forChild", { name: child.name })}</p> : null}
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle as="h2">{t("bundle.includedTitle")}</CardTitle>
              </CardHeader>
              <CardContent>
                {page.included.length === 0 ? (
                  <p className="text-muted-foreground">{t("bundle.none")}</p>
                ) : (
                  <ul className="grid gap-2 text-sm" aria-label={t("bundle.includedTitle")}>
                    {page.included.map((s) => (
                      <li key={s.code} data-service={s.code}>
                        {t("bundle.includedLine", {
                          service: en ? s.nameEn : s.nameZh,
                          days: s.onTheSpot ? 0 : s.promisedLimitDays,
                          date: s.completeBy,
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle as="h2">{t("bundle.skippedTitle")}</CardTitle>
              </CardHeader>
              <CardContent>
                {page.skipped.length === 0 ? (
                  <p className="text-sm text-muted-foreground">{t("bundle.noneSkipped")}</p>
                ) : (
                  <ul className="grid gap-2 text-sm" aria-label={t("bundle.skippedTitle")}>
                    {page.skipped.map((s) => (
                      <li key={s.code} data-service={s.code} data-reason={s.reason}>
                        {en ? s.nameEn : s.nameZh}：{t(`bundle.skipped.${s.reason}`)}
                      </li>
                    ))}
                  </ul>
                )}
              </CardContent>
            </Card>
          </div>
          {page.included.length === 0 ? null : (
            <div className="grid gap-6 lg:grid-cols-5">
              <Card className="lg:col-span-3">
                <CardHeader>
                  <CardTitle as="h2">{t("bundle.formTitle")}</CardTitle>
                </CardHeader>
                <CardContent>
                  <ApplyForm
                    target={{ kind: "bundle", bundleCode: b.code, services: page.included.map((s) => s.code) }}
                    fields={page.fields}
                    prefilled={page.prefilled}
                    subjectId={page.subjectId}
                    draft={draft}
                    libraryCount={c.library}
                    uploadable={page.materials
                      .filter((m) => uploadableOutcomes.has(m.outcome))
                      .map((m) => ({
                        id: m.key,
                        nameZh: m.required ? m.nameZh : `${m.nameZh}${t("materials.optional")}`,
                        nameEn: m.required ? m.nameEn : `${m.nameEn} ${t("materials.optional")}`,
                      }))}
                  />
                </CardContent>
              </Card>
              <Card className="lg:col-span-2">
                <CardHeader>
                  <CardTitle as="h2">{t("materials.title")}</CardTitle>
                </CardHeader>
                <CardContent className="grid gap-4">
                  <p className="text-sm font-medium" data-testid="bundle-counts">
                    {t("bundle.counts", { total: c.total, library: c.library, upload: c.toUpload })}
                  </p>
                  {c.fromBundle > 0 ? <p className="text-sm">{t("bundle.fromBundle", { count: c.fromBundle })}</p> : null}
                  <p className="text-xs text-muted-foreground">
                    {t("bundle.perService", { perService: c.perService, certificates: c.certificatesPerService })}
                  </p>
                  <ul className="grid gap-3" aria-label={t("materials.title")}>
                    {page.materials.map((m) => (
                      <li key={m.key} className="rounded-md border p-3 text-sm" data-outcome={m.outcome} data-required={m.required}>
                        <div className="flex items-start justify-between gap-2">
                          <span className="font-medium">
                            {en ? m.nameEn : m.nameZh}
                            {!m.required ? <span className="ml-1 text-muted-foreground">{t("materials.optional")}</span> : null}
                          </span>
                          <Badge variant={badge[m.outcome]}>{m.outcome === "bundle" ? t("bundle.outcomeBundle") : t(`materials.outcome.${m.outcome}`)}</Badge>
                        </div>
                        {m.outcome === "bundle" && m.issuedBy ? (
                          <p className="mt-1 text-muted-foreground">{t("bundle.detailBundle", { service: en ? m.issuedBy.nameEn : m.issuedBy.nameZh })}</p>
                        ) : m.licence ? (
                          <p className="mt-1 text-muted-foreground">
                            {t(m.outcome === "unusable" ? `materials.detail.${m.unusableReason ?? "expired"}` : `materials.detail.${m.outcome}`, {
                              licence: en ? m.licence.typeNameEn : m.licence.typeNameZh,
                              holder: m.licence.holderName,
                              issuer: m.licence.issuerName,
                              validUntil: m.licence.validUntil ?? t("materials.indefinite"),
                            })}
                          </p>
                        ) : m.outcome === "awaiting" && m.awaiting ? (
                          <p className="mt-1 text-muted-foreground">
                            {t("materials.detail.awaiting", { service: en ? m.awaiting.nameEn : m.awaiting.nameZh, number: m.awaiting.number })}
                          </p>
                        ) : m.outcome === "missing" ? (
                          <p className="mt-1 text-muted-foreground">{t("materials.detail.missing")}</p>
                        ) : null}
                        <p className="mt-1 text-xs text-muted-foreground">
                          {t("bundle.usedBy", { services: m.services.map((s) => (en ? s.nameEn : s.nameZh)).join(en ? ", " : "、") })}
                        </p>
                      </li>
                    ))}
                  </ul>
                </CardContent>
              </Card>
            </div>
          )}
        </>
      )}
    </div>
  );
}
