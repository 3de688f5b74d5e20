import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ReasonText } from "@/components/eligibility/reason-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Recommendation } from "@/lib/eligibility/recommend-services-for-resident";

/**
 * The life events to offer: recommended any service of one, the resident is offered the whole
 * event — once for each child a recommended service of it is about (入学一件事 also holds the
 * parent's own residence permit), or else once for themselves (就业一件事).
 */
function bundleOffers(items: Recommendation[]) {
  const out = new Map<string, { href: string; nameZh: string; nameEn: string }>();
  const aboutChild = new Set(items.filter((i) => i.bundle && !i.forSelf).map((i) => i.bundle?.code));
  for (const item of items) {
    if (!item.bundle || (item.forSelf && aboutChild.has(item.bundle.code))) continue;
    const path = `/my/apply/bundle/${encodeURIComponent(item.bundle.code)}`;
    const href = item.forSelf ? path : `${path}?for=${encodeURIComponent(item.subjectPersonId)}`;
    if (!out.has(href)) out.set(href, { href, nameZh: item.bundle.nameZh, nameEn: item.bundle.nameEn });
  }
  return [...out.values()];
}

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
        {bundleOffers(items).map((b) => (
          <p key={b.href} className="mb-4">
            <Link href={b.href} className="font-medium text-primary underline underline-offset-4">
              {ta("link", { name: en ? b.nameEn : b.nameZh })}
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
