import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ApplyForm } from "@/components/citizen/apply-form";
import { MaterialChecklist } from "@/components/citizen/material-checklist";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { loadDraft } from "@/lib/applications/drafts";
import { prepareApplication } from "@/lib/applications/prepare-application";
import { orNotFound, requirePageUser } from "@/lib/auth/page";

/** The outcomes where the library cannot supply the material, so the resident may upload it. */
const uploadableOutcomes = new Set(["missing", "upload", "unusable", "expiring"]);

const paramsSchema = z.object({ for: z.uuid().optional() });

export default async function ApplyPage({
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
    // An unknown service, or a child of another family, is a 404 (issue 15), not a 500.
    orNotFound(prepareApplication(db, actor, { serviceCode: code, subjectPersonId: subject.success ? (subject.data.for ?? null) : null })),
    orNotFound(loadDraft(db, actor, { kind: "service", code })),
  ]);
  // A draft typed for another child is not poured into this child's form.
  const draft = saved && saved.subjectPersonId === page.subjectId ? saved : null;
  const en = locale === "en";
  const s = page.service;
  return (
    <div className="grid gap-6">
      <PageHeader
        title={en ? s.nameEn : s.nameZh}
        description={`${en ? s.departmentEn : s.departmentZh} · ${
          s.onTheSpot ? t("onTheSpot") : t("limits", { promised: s.promisedLimitDays, legal: s.legalLimitDays })
        }`}
      />
      <p className="max-w-3xl text-muted-foreground">{en ? s.descriptionEn : s.descriptionZh}</p>
      {page.needsSubject && page.subjectOptions.length > 1 ? (
        <nav aria-label={t("chooseChild")} className="flex flex-wrap items-center gap-2 text-sm">
          <span>{t("chooseChild")}</span>
          {page.subjectOptions.map((c) => (
            <Link
              key={c.id}
              href={`/my/apply/${s.code}?for=${c.id}`}
              aria-current={c.id === page.subjectId ? "true" : undefined}
              className={`rounded-md border px-3 py-1 ${c.id === page.subjectId ? "bg-primary text-primary-foreground" : ""}`}
            >
              {c.name}（{c.birthDate}）
            </Link>
          ))}
        </nav>
      ) : null}
      {page.needsSubject && !page.subjectId ? (
        <Alert variant="warning">
          <AlertDescription>{page.subjectOptions.length === 0 ? t("noChild") : t("pickChild")}</AlertDescription>
        </Alert>
      ) : page.openApplication ? (
        // One in progress per service and person: the resident is sent to it, not given a second form.
        <Alert variant="warning" data-testid="open-application">
          <AlertDescription className="grid gap-2">
            <span>
              {page.openApplication.mine
                ? t("openMine", { number: page.openApplication.number })
                : t("openFamily", { number: page.openApplication.number, name: page.openApplication.applicantName })}
            </span>
            {page.openApplication.mine ? (
              <Link href={`/my/applications/${page.openApplication.id}`} className="font-medium text-primary hover:underline">
                {t("openLink")}
              </Link>
            ) : null}
          </AlertDescription>
        </Alert>
      ) : (
        <div className="grid gap-6 lg:grid-cols-5">
          <Card className="lg:col-span-3">
            <CardHeader>
              <CardTitle as="h2">{t("formTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              <ApplyForm
                target={{ kind: "service", serviceCode: s.code }}
                fields={page.fields}
                prefilled={page.prefilled}
                subjectId={page.subjectId}
                draft={draft}
                libraryCount={page.materials.filter((m) => m.outcome === "library").length}
                uploadable={page.materials
                  .filter((m) => uploadableOutcomes.has(m.outcome))
                  .map((m) => ({ id: m.materialId, nameZh: m.nameZh, nameEn: m.nameEn }))}
              />
            </CardContent>
          </Card>
          <Card className="lg:col-span-2">
            <CardHeader>
              <CardTitle as="h2">{t("materials.title")}</CardTitle>
            </CardHeader>
            <CardContent>
              <MaterialChecklist materials={page.materials} />
              <p className="mt-4 text-sm text-muted-foreground">{t("completeBy", { date: page.completeBy })}</p>
            </CardContent>
          </Card>
        </div>
      )}
    </div>
  );
}
