import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MyLicenceAccessPage } from "@/lib/licences/list-my-licence-access";

const pageHref = (page: number) => (page <= 1 ? "/my/licences" : `/my/licences?page=${page}`);

/** "Who used my data": one row per read of the resident's licences, files or full phone number, with numbered paging. */
export async function LicenceAccessTable({ access }: { access: MyLicenceAccessPage }) {
  const [t, format, locale] = await Promise.all([getTranslations("wallet"), getFormatter(), getLocale()]);
  const en = locale === "en";
  const { items, page, pageCount, total } = access;

  if (total === 0) return <p className="text-muted-foreground">{t("accessEmpty")}</p>;
  if (items.length === 0) {
    return (
      <div className="grid justify-items-start gap-3">
        <p className="text-muted-foreground">{t("accessPastEnd")}</p>
        <Button asChild variant="outline" size="sm">
          <Link href={pageHref(1)}>{t("backToFirstPage")}</Link>
        </Button>
      </div>
    );
  }
  return (
    <div className="grid gap-4">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("accessedAt")}</TableHead>
            <TableHead>{t("accessor")}</TableHead>
            <TableHead>{t("licence")}</TableHead>
            <TableHead>{t("purpose")}</TableHead>
            <TableHead>{t("application")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((a) => {
            const department = en ? a.departmentNameEn : a.departmentNameZh;
            return (
              <TableRow key={a.id}>
                <TableCell className="whitespace-nowrap">
                  <time dateTime={a.accessedAt.toISOString()}>
                    {format.dateTime(a.accessedAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </TableCell>
                <TableCell>
                  {a.actorLabel}
                  {department ? <span className="block text-xs text-muted-foreground">{department}</span> : null}
                </TableCell>
                <TableCell>
                  {a.item === "licence" ? (
                    <>
                      {en ? a.licenceTypeNameEn : a.licenceTypeNameZh}
                      <span className="block font-mono text-xs text-muted-foreground">{a.licenceNumber}</span>
                    </>
                  ) : a.item === "upload" ? (
                    t("uploadItem", { name: a.fileName ?? "—" })
                  ) : (
                    t("phoneItem")
                  )}
                </TableCell>
                <TableCell>{a.purpose}</TableCell>
                <TableCell className="font-mono text-xs">{a.applicationNumber ?? "—"}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <span className="text-muted-foreground">{t("pageOf", { page, pageCount, total })}</span>
        <div className="flex gap-2">
          {page > 1 ? (
            <Button asChild variant="outline" size="sm">
              <Link href={pageHref(page - 1)} rel="prev">
                {t("previousPage")}
              </Link>
            </Button>
          ) : null}
          {page < pageCount ? (
            <Button asChild variant="outline" size="sm">
              <Link href={pageHref(page + 1)} rel="next">
                {t("nextPage")}
              </Link>
            </Button>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
