import { getTranslations } from "next-intl/server";
import { LookupPanel } from "@/components/clerk/lookup-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";

export async function generateMetadata() {
  const t = await getTranslations("counter.lookup");
  return { title: t("title") };
}

export default async function ClerkLookupPage() {
  await requirePageUser("clerk");
  const t = await getTranslations("counter.lookup");
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <LookupPanel />
    </div>
  );
}
