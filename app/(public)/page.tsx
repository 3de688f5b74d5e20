import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getReadDb } from "@/db";
import { listCatalogue } from "@/lib/services/list-catalogue";

export const dynamic = "force-dynamic";

export default async function LandingPage() {
  const [t, tc, locale, catalogue] = await Promise.all([
    getTranslations("landing"),
    getTranslations("catalogue"),
    getLocale(),
    getReadDb().then(listCatalogue),
  ]);
  const en = locale === "en";
  const themes = [...new Set(catalogue.map((s) => s.theme))];
  return (
    <div className="grid gap-10">
      <section className="grid gap-4 rounded-lg bg-card p-8 shadow-sm">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-muted-foreground">{t("subtitle")}</p>
        <div className="flex gap-3">
          <Button asChild size="lg">
            <Link href="/sign-in">{t("signIn")}</Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href="/activate">{t("activate")}</Link>
          </Button>
        </div>
      </section>
      <section aria-labelledby="catalogue-heading" className="grid gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="catalogue-heading" className="text-2xl font-semibold">
            {t("catalogue", { count: catalogue.length })}
          </h2>
          <Link href="/services" className="text-sm font-medium text-primary hover:underline">
            {tc("landingLink")}
          </Link>
        </div>
        <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {themes.map((theme) => (
            <Card key={theme}>
              <CardHeader>
                <CardTitle as="h3">{t(`themes.${theme}`)}</CardTitle>
              </CardHeader>
              <CardContent>
                <ul className="grid gap-2 text-sm">
                  {catalogue
                    .filter((s) => s.theme === theme)
                    .map((s) => (
                      <li key={s.code} className="flex items-start justify-between gap-2">
                        <span>
                          <Link href={`/services/${s.code}`} className="text-primary hover:underline">
                            {en ? s.nameEn : s.nameZh}
                          </Link>
                          <span className="block text-xs text-muted-foreground">
                            {en ? s.departmentEn : s.departmentZh}
                          </span>
                        </span>
                        {s.onTheSpot ? (
                          <Badge variant="success">{t("onTheSpot")}</Badge>
                        ) : (
                          <Badge variant="outline">{t("promisedDays", { days: s.promisedLimitDays })}</Badge>
                        )}
                      </li>
                    ))}
                </ul>
              </CardContent>
            </Card>
          ))}
        </div>
      </section>
    </div>
  );
}
