import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CatalogueImport } from "@/components/admin/catalogue-import";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";

export async function generateMetadata() {
  const t = await getTranslations("catalogueAdmin.import");
  return { title: t("title") };
}

/** The catalogue in and out: exchange JSON and flat CSV downloads, and an all-or-nothing import. */
export default async function CatalogueImportPage() {
  await requirePageUser("catalogue_manager", "admin");
  const [t, ta] = await Promise.all([getTranslations("catalogueAdmin.import"), getTranslations("catalogueAdmin")]);
  return (
    <div className="grid gap-6">
      <Link href="/admin/services" className="text-sm text-primary hover:underline">
        ← {ta("title")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} />
      <p className="flex flex-wrap gap-4 text-sm">
        <a href="/admin/services/export?format=json" className="font-medium text-primary hover:underline" download>
          {t("exportJson")}
        </a>
        <a href="/admin/services/export?format=csv" className="font-medium text-primary hover:underline" download>
          {t("exportCsv")}
        </a>
      </p>
      <Card>
        <CardContent className="pt-6">
          <CatalogueImport />
        </CardContent>
      </Card>
    </div>
  );
}
