import { getTranslations } from "next-intl/server";
import { TwoFactorSettings } from "@/components/auth/two-factor-settings";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { getSecondFactorStatus } from "@/lib/auth/resident-second-factor";

export async function generateMetadata() {
  const t = await getTranslations("twoFactor");
  return { title: t("title") };
}

export default async function SecurityPage() {
  const actor = await requirePageUser("citizen");
  const [t, status] = await Promise.all([getTranslations("twoFactor"), getSecondFactorStatus(await getDb(), actor)]);
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardContent className="pt-6">
          <TwoFactorSettings enabled={status.enabled} />
        </CardContent>
      </Card>
    </div>
  );
}
