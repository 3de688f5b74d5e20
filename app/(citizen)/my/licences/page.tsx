import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { LicenceAccessTable } from "@/components/citizen/licence-access-table";
import { LicenceWallet } from "@/components/citizen/licence-wallet";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { licenceAccessQuerySchema, listMyLicenceAccess } from "@/lib/licences/list-my-licence-access";
import { listMyLicences } from "@/lib/licences/list-my-licences";
import { listMyLicenceCodes } from "@/lib/licences/verify-code";
import { requestOrigin } from "@/lib/licences/request-origin";

export async function generateMetadata() {
  const t = await getTranslations("wallet");
  return { title: t("title") };
}

export default async function MyLicencesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageUser("citizen");
  const { page } = licenceAccessQuerySchema.parse(await searchParams);
  const db = await getDb();
  const [t, licences, access, verifyCodes, requestHeaders] = await Promise.all([
    getTranslations("wallet"),
    listMyLicences(db, actor),
    listMyLicenceAccess(db, actor, { page }),
    listMyLicenceCodes(db, actor),
    headers(),
  ]);
  // The QR links to this same site, as the resident reached it.
  const origin = requestOrigin(requestHeaders);
  const own = licences.filter((l) => l.holder.self);
  // A minor child's certificates, kept by the parent as guardian: one section per child.
  const children = [...new Map(licences.filter((l) => !l.holder.self).map((l) => [l.holder.id, l.holder])).values()];
  return (
    <div className="grid gap-8">
      <PageHeader title={t("title")} description={t("description")} />
      <section aria-labelledby="wallet-licences" className="grid gap-4">
        <h2 id="wallet-licences" className="flex items-center gap-2 text-lg font-semibold">
          {t("licencesHeading")}
          {own.length > 0 ? <Badge variant="secondary">{t("licenceCount", { count: own.length })}</Badge> : null}
        </h2>
        <LicenceWallet licences={own} verifyCodes={verifyCodes} origin={origin} />
      </section>
      {children.map((child) => {
        const held = licences.filter((l) => l.holder.id === child.id);
        return (
          <section key={child.id} aria-labelledby={`wallet-child-${child.id}`} className="grid gap-4" data-testid="child-licences">
            <div className="grid gap-1">
              <h2 id={`wallet-child-${child.id}`} className="flex items-center gap-2 text-lg font-semibold">
                {t("childHeading", { name: child.name })}
                <Badge variant="secondary">{t("licenceCount", { count: held.length })}</Badge>
              </h2>
              <p className="text-sm text-muted-foreground">{t("childNote", { name: child.name })}</p>
            </div>
            <LicenceWallet licences={held} verifyCodes={verifyCodes} origin={origin} />
          </section>
        );
      })}
      <Card id="access" aria-labelledby="wallet-access">
        <CardHeader>
          <CardTitle as="h2" id="wallet-access">
            {t("accessHeading")}
          </CardTitle>
          <CardDescription>{t("accessDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <LicenceAccessTable access={access} />
        </CardContent>
      </Card>
    </div>
  );
}
