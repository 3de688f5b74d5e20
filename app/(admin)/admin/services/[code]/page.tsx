import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ServiceDesigner } from "@/components/admin/service-designer";
import { ServiceSuspension } from "@/components/admin/service-suspension";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { getServiceForEditing, listLicenceTypeKeys } from "@/lib/catalogue/designer";
import { serviceCodeSchema, serviceThemes } from "@/lib/catalogue/service-definition";
import { isAppError } from "@/lib/errors";

export async function generateMetadata() {
  const t = await getTranslations("catalogueAdmin");
  return { title: t("title") };
}

/** The designer for one service: its draft or live document, suspension, version history. */
export default async function EditServicePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageUser("catalogue_manager", "admin");
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const published = typeof query.published === "string" && /^\d{1,4}$/.test(query.published) ? Number(query.published) : null;
  if (!serviceCodeSchema.safeParse(code).success) notFound();
  const db = await getDb();
  const editing = await getServiceForEditing(db, actor, code).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [t, tl, locale, format, licenceTypes] = await Promise.all([
    getTranslations("catalogueAdmin"),
    getTranslations("landing.themes"),
    getLocale(),
    getFormatter(),
    listLicenceTypeKeys(db),
  ]);
  const doc = (editing.definition ?? {}) as Record<string, unknown>;
  const name = typeof doc.nameZh === "string" ? doc.nameZh : code;
  return (
    <div className="grid gap-6">
      <Link href="/admin/services" className="text-sm text-primary hover:underline">
        ← {t("title")}
      </Link>
      <PageHeader
        title={t("editor.editTitle", { name })}
        description={editing.fromDraft ? t("editor.fromDraft", { version: editing.version }) : t("editor.fromLive", { version: editing.version })}
        actions={
          editing.version > 0 ? (
            <Link href={`/admin/services/new?from=${encodeURIComponent(code)}`} className="text-sm text-primary hover:underline">
              {t("copy")}
            </Link>
          ) : null
        }
      />
      {published ? (
        <Alert variant="success" role="status">
          <AlertDescription>{t("editor.published", { version: published })}</AlertDescription>
        </Alert>
      ) : null}
      <ServiceDesigner
        key={`${editing.version}:${editing.fromDraft ? "draft" : "live"}`}
        initial={doc}
        isNew={editing.version === 0}
        hasDraft={editing.fromDraft}
        themes={serviceThemes.map((th) => ({ value: th, label: tl(th) }))}
        licenceTypes={licenceTypes.map((l) => ({ key: l.key, name: locale === "en" ? l.nameEn : l.nameZh }))}
        locale={locale}
      />
      {editing.version > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("suspend.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ServiceSuspension code={code} active={editing.active} notice={editing.notice} />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("versions.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          {editing.versions.length === 0 ? (
            <p className="text-sm text-muted-foreground">{editing.version > 0 ? t("versionNumber", { version: editing.version }) : t("versions.none")}</p>
          ) : (
            <ol className="grid gap-2 text-sm" data-testid="service-versions">
              {editing.versions.map((v) => (
                <li key={v.version}>
                  <span className="font-medium">{t("versionNumber", { version: v.version })}</span>{" "}
                  {v.publishedBy
                    ? t("versions.publishedBy", { who: v.publishedBy, at: format.dateTime(new Date(v.publishedAt), { dateStyle: "medium", timeStyle: "short" }) })
                    : t("versions.system")}
                  {v.note ? `：${v.note}` : ""}
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
