import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { catalogueListSchema, listManagedServices } from "@/lib/catalogue/designer";

export async function generateMetadata() {
  const t = await getTranslations("catalogueAdmin");
  return { title: t("title") };
}

/** 事项管理: the services the signed-in manager keeps, searchable, with their version and state. */
export default async function CatalogueAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageUser("catalogue_manager", "admin");
  const query = await searchParams;
  const parsed = catalogueListSchema.safeParse({ q: typeof query.q === "string" ? query.q : undefined });
  const input = parsed.success ? parsed.data : {};
  const [t, locale, rows] = await Promise.all([getTranslations("catalogueAdmin"), getLocale(), listManagedServices(await getDb(), actor, input)]);
  const en = locale === "en";
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <span className="flex flex-wrap gap-2">
            <Button asChild variant="outline">
              <Link href="/admin/services/import">{t("import.link")}</Link>
            </Button>
            <Button asChild>
              <Link href="/admin/services/new">{t("new")}</Link>
            </Button>
          </span>
        }
      />
      <form className="flex max-w-xl gap-2" role="search" action="/admin/services">
        <label htmlFor="catalogue-q" className="sr-only">
          {t("search")}
        </label>
        <Input id="catalogue-q" name="q" defaultValue={input.q ?? ""} placeholder={t("search")} />
        <Button type="submit" variant="outline">
          {t("searchButton")}
        </Button>
      </form>
      <Card>
        <CardContent className="pt-6">
          {rows.length === 0 ? (
            <p className="text-muted-foreground">{t("empty")}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("columns.code")}</TableHead>
                  <TableHead>{t("columns.name")}</TableHead>
                  <TableHead>{t("columns.department")}</TableHead>
                  <TableHead>{t("columns.version")}</TableHead>
                  <TableHead>{t("columns.state")}</TableHead>
                  <TableHead>
                    <span className="sr-only">{t("columns.actions")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.code}>
                    <TableCell className="font-mono text-xs">{r.code}</TableCell>
                    <TableCell className="font-medium">{en ? r.nameEn : r.nameZh}</TableCell>
                    <TableCell>{en ? r.departmentEn : r.departmentZh}</TableCell>
                    <TableCell>{r.version > 0 ? t("versionNumber", { version: r.version }) : "—"}</TableCell>
                    <TableCell>
                      <span className="flex flex-wrap gap-1">
                        {r.version === 0 ? (
                          <Badge variant="secondary">{t("state.newDraft")}</Badge>
                        ) : (
                          <Badge variant={r.active ? "success" : "warning"}>{r.active ? t("state.active") : r.suspended ? t("state.suspended") : t("state.retired")}</Badge>
                        )}
                        {r.hasDraft && r.version > 0 ? <Badge variant="secondary">{t("state.draft")}</Badge> : null}
                        {r.hasRule ? <Badge variant="outline">{t("state.rule")}</Badge> : null}
                      </span>
                    </TableCell>
                    <TableCell className="text-right">
                      <Link href={`/admin/services/${encodeURIComponent(r.code)}`} className="text-sm text-primary hover:underline" aria-label={`${t("edit")}：${en ? r.nameEn : r.nameZh}`}>
                        {t("edit")}
                      </Link>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
