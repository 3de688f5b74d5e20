import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LicenceFileCheck } from "@/components/verify/licence-file-check";
import { VerificationResult } from "@/components/verify/verification-result";
import { getDb } from "@/db";
import { verifyLicenceCode } from "@/lib/licences/verify-code";
import { licencePublicKeyText } from "@/lib/licences/verify-licence-file";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("library.verify");
  // The code is a bearer of nothing secret, but keep scans out of search engines and referrers.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" as const };
}

/**
 * Public licence verification (扫码亮证 and 上传核验): no sign-in; only the minimum fields. A QR
 * code arrives as ?c=…; a licence file is uploaded and checked against its seal, then the library.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { c } = await searchParams;
  const code = typeof c === "string" ? c : "";
  const [t, tf] = await Promise.all([getTranslations("library.verify"), getTranslations("licenceFile.verify")]);
  const scanned = code ? await verifyLicenceCode(await getDb(), code) : null;
  return (
    <div className="mx-auto grid max-w-xl gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {scanned ? <VerificationResult v={scanned} /> : <p className="text-muted-foreground">{t("noCode")}</p>}
      <Card>
        <CardHeader>
          <CardTitle as="h2" className="text-lg">
            {tf("uploadHeading")}
          </CardTitle>
          <CardDescription>{tf("uploadDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <LicenceFileCheck />
        </CardContent>
      </Card>
      <section aria-labelledby="verify-how" className="grid gap-2 text-sm">
        <h2 id="verify-how" className="text-base font-semibold">
          {tf("howHeading")}
        </h2>
        <ol className="grid list-decimal gap-1 pl-5">
          {(["signing", "recompute", "status", "offline"] as const).map((step) => (
            <li key={step}>{tf(`how.${step}`)}</li>
          ))}
        </ol>
        <p>
          {tf("publicKey")}: <code className="break-all rounded bg-muted px-1 font-mono text-xs">{licencePublicKeyText()}</code>
        </p>
      </section>
    </div>
  );
}
