import { getLocale, getTranslations } from "next-intl/server";
import { ApiKeyCreateForm } from "@/components/admin/api-key-create-form";
import { ApiKeyTable } from "@/components/admin/api-key-table";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listApiKeys, listKeyDepartments } from "@/lib/api/keys";
import { requirePageUser } from "@/lib/auth/page";

export async function generateMetadata() {
  const t = await getTranslations("library.apiKeys");
  return { title: t("title") };
}

export default async function ApiKeysPage() {
  const actor = await requirePageUser("admin");
  const db = await getDb();
  const [t, locale, keys, departments] = await Promise.all([
    getTranslations("library.apiKeys"),
    getLocale(),
    listApiKeys(db, actor),
    listKeyDepartments(db, actor),
  ]);
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <p>
        <a href="/api/v1/openapi.json" className="text-sm font-medium text-primary hover:underline">
          {t("docs")}
        </a>
      </p>
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("createHeading")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ApiKeyCreateForm departments={departments.map((d) => ({ id: d.id, name: locale === "en" ? d.nameEn : d.nameZh }))} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("listHeading")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ApiKeyTable keys={keys} />
        </CardContent>
      </Card>
    </div>
  );
}
