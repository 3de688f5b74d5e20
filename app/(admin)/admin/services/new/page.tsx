import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ServiceDesigner } from "@/components/admin/service-designer";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { listLicenceTypeKeys, startingDefinition } from "@/lib/catalogue/designer";
import { serviceCodeSchema, serviceThemes } from "@/lib/catalogue/service-definition";

export async function generateMetadata() {
  const t = await getTranslations("catalogueAdmin.editor");
  return { title: t("newTitle") };
}

/** A new service: from scratch, or a copy of one the manager keeps (`?from=<code>`). */
export default async function NewServicePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageUser("catalogue_manager", "admin");
  const query = await searchParams;
  const from = typeof query.from === "string" && serviceCodeSchema.safeParse(query.from).success ? query.from : undefined;
  const db = await getDb();
  const [t, tl, locale, start, licenceTypes] = await Promise.all([
    getTranslations("catalogueAdmin"),
    getTranslations("landing.themes"),
    getLocale(),
    startingDefinition(db, actor, from),
    listLicenceTypeKeys(db),
  ]);
  return (
    <div className="grid gap-6">
      <Link href="/admin/services" className="text-sm text-primary hover:underline">
        ← {t("title")}
      </Link>
      <PageHeader title={t("editor.newTitle")} description={t("description")} />
      <ServiceDesigner
        initial={start}
        isNew
        themes={serviceThemes.map((th) => ({ value: th, label: tl(th) }))}
        licenceTypes={licenceTypes.map((l) => ({ key: l.key, name: locale === "en" ? l.nameEn : l.nameZh }))}
        locale={locale}
      />
    </div>
  );
}
