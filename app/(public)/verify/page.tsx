import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { verifyLicenceCode } from "@/lib/licences/verify-code";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("library.verify");
  // The code is a bearer of nothing secret, but keep scans out of search engines and referrers.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" as const };
}

const variants = { valid: "success", expired: "destructive", revoked: "destructive", superseded: "warning", invalid: "destructive" } as const;

/** Public licence verification (扫码亮证): no sign-in; only the minimum fields. */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { c } = await searchParams;
  const code = typeof c === "string" ? c : "";
  const [t, format, locale] = await Promise.all([getTranslations("library.verify"), getFormatter(), getLocale()]);
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00+08:00`), { dateStyle: "long" });
  if (!code) {
    return (
      <div className="mx-auto grid max-w-xl gap-6">
        <PageHeader title={t("title")} description={t("description")} />
        <p className="text-muted-foreground">{t("noCode")}</p>
      </div>
    );
  }
  const v = await verifyLicenceCode(await getDb(), code);
  return (
    <div className="mx-auto grid max-w-xl gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Alert variant={variants[v.result]} role="status" data-result={v.result}>
        <AlertTitle className="text-xl">{t(`result.${v.result}`)}</AlertTitle>
        <AlertDescription>{t(`explain.${v.result}`)}</AlertDescription>
      </Alert>
      {v.result !== "invalid" ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2" className="text-lg">
              {locale === "en" ? v.typeNameEn : v.typeNameZh}
            </CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="text-muted-foreground">{t("type")}</dt>
              <dd>{locale === "en" ? v.typeNameEn : v.typeNameZh}</dd>
              <dt className="text-muted-foreground">{t("holder")}</dt>
              <dd>{v.holderName}</dd>
              <dt className="text-muted-foreground">{t("issuer")}</dt>
              <dd>{v.issuerName}</dd>
              <dt className="text-muted-foreground">{t("validUntil")}</dt>
              <dd>{v.validUntil ? day(v.validUntil) : t("noEnd")}</dd>
            </dl>
          </CardContent>
        </Card>
      ) : null}
      <p className="text-sm text-muted-foreground">
        {t("checkedOn", { date: day(v.checkedOn) })} · {t("privacy")}
      </p>
    </div>
  );
}
