import { getTranslations } from "next-intl/server";
import { IntakeForm } from "@/components/clerk/intake-form";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listIntakeServices } from "@/lib/applications/prepare-counter-application";
import { requirePageUser } from "@/lib/auth/page";

export async function generateMetadata() {
  const t = await getTranslations("intake");
  return { title: t("title") };
}

export default async function IntakePage() {
  const actor = await requirePageUser("clerk");
  const db = await getDb();
  const [t, services] = await Promise.all([getTranslations("intake"), listIntakeServices(db, actor)]);
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardContent className="pt-6">
          {services.length === 0 ? <p className="text-muted-foreground">{t("noServices")}</p> : <IntakeForm services={services} />}
        </CardContent>
      </Card>
    </div>
  );
}
