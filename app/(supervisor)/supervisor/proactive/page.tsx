import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getReadDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { listProactiveServices } from "@/lib/proactive/list-proactive-services";

export async function generateMetadata() {
  const t = await getTranslations("proactive");
  return { title: t("title") };
}

export default async function ProactiveServicesPage() {
  const actor = await requirePageUser("supervisor");
  const db = await getReadDb();
  const [t, format, locale, items] = await Promise.all([
    getTranslations("proactive"),
    getFormatter(),
    getLocale(),
    listProactiveServices(db, actor),
  ]);
  const en = locale === "en";
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardContent className="pt-6">
          {items.length === 0 ? (
            <p className="text-muted-foreground">{t("none")}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("service")}</TableHead>
                  <TableHead className="text-right">{t("subjects")}</TableHead>
                  <TableHead className="text-right">{t("recipients")}</TableHead>
                  <TableHead>
                    <span className="sr-only">{t("view")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((s) => {
                  const name = en ? s.serviceNameEn : s.serviceNameZh;
                  return (
                    <TableRow key={s.serviceCode}>
                      <TableCell className="font-medium">{name}</TableCell>
                      <TableCell className="text-right">{format.number(s.subjects)}</TableCell>
                      <TableCell className="text-right">{format.number(s.recipients)}</TableCell>
                      <TableCell className="text-right">
                        <Link
                          href={`/supervisor/proactive/${encodeURIComponent(s.serviceCode)}`}
                          aria-label={t("viewLabel", { service: name })}
                          className="text-primary underline-offset-4 hover:underline"
                        >
                          {t("view")}
                        </Link>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
