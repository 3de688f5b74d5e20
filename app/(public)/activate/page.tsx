import { getTranslations } from "next-intl/server";
import { ActivationForm } from "@/components/auth/activation-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export async function generateMetadata() {
  const t = await getTranslations("activate");
  return { title: t("title") };
}

export default async function ActivatePage() {
  const t = await getTranslations("activate");
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <CardHeader>
          <CardTitle as="h1">{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <ActivationForm />
        </CardContent>
      </Card>
    </div>
  );
}
