import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ReasonText } from "@/components/eligibility/reason-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Recommendation } from "@/lib/eligibility/recommend-services-for-resident";

/** Services of 出生一件事 about a child: recommended any of them, the bundle is offered for that child. */
const NEWBORN_BUNDLE = new Set(["newborn_hukou", "vaccination_certificate", "newborn_medical_insurance", "newborn_social_security_card"]);

/** The apply page; a recommendation about a child says which child, by person id (never the ID number). */
function applyHref(item: Recommendation): string {
  const path = `/my/apply/${encodeURIComponent(item.serviceCode)}`;
  return item.forSelf ? path : `${path}?for=${encodeURIComponent(item.subjectPersonId)}`;
}

/** "为您推荐": the services the resident qualifies for, each with its reason in plain words. */
export async function Recommendations({ items }: { items: Recommendation[] }) {
  const [t, ta, locale] = await Promise.all([getTranslations("recommendations"), getTranslations("apply.bundle"), getLocale()]);
  const en = locale === "en";

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {[...new Set(items.filter((item) => NEWBORN_BUNDLE.has(item.serviceCode)).map((item) => item.subjectPersonId))].map((child) => (
          <p key={`bundle:${child}`} className="mb-4">
            <Link href={`/my/apply/bundle/newborn?for=${encodeURIComponent(child)}`} className="font-medium text-primary underline underline-offset-4">
              {ta("link", { name: ta("newborn") })}
            </Link>
          </p>
        ))}
        {items.length === 0 ? (
          <p className="text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {items.map((item) => {
              const service = en ? item.serviceNameEn : item.serviceNameZh;
              return (
                <li
                  key={`${item.serviceCode}:${item.subjectPersonId}`}
                  className="flex flex-col gap-3 rounded-lg border border-border p-4"
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="font-semibold">{service}</h3>
                    {item.forSelf ? null : <Badge variant="secondary">{t("forChild", { name: item.subjectName })}</Badge>}
                  </div>
                  <p className="text-sm leading-relaxed">
                    <ReasonText reason={item.reason} subjectName={item.subjectName} forSelf={item.forSelf} />
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {item.onTheSpot || item.promisedLimitDays === 0
                      ? t("onTheSpot")
                      : t("promised", { days: item.promisedLimitDays })}
                  </p>
                  <Button asChild size="sm" className="mt-auto self-start">
                    <Link href={applyHref(item)} aria-label={
                        item.forSelf ? t("applyLabel", { service }) : t("applyLabelFor", { service, name: item.subjectName })
                      }>
                      {t("apply")}
                    </Link>
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
