import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MyApplicationsTable } from "@/components/citizen/my-applications-table";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SelectNative } from "@/components/ui/select-native";
import { getDb } from "@/db";
import { listMyApplicationsPage } from "@/lib/applications/list-my-applications-page";
import { applicationStatuses } from "@/lib/applications/statuses";
import { requirePageUser } from "@/lib/auth/page";

export async function generateMetadata() {
  const t = await getTranslations("track.list");
  return { title: t("title") };
}

export default async function MyApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageUser("citizen");
  const db = await getDb();
  const [query, t, ts] = await Promise.all([searchParams, getTranslations("track.list"), getTranslations("status")]);
  const list = await listMyApplicationsPage(db, actor, query);
  const hrefFor = (page: number) => {
    const params = new URLSearchParams();
    if (list.status) params.set("status", list.status);
    if (page > 1) params.set("page", String(page));
    const qs = params.toString();
    return qs ? `/my/applications?${qs}` : "/my/applications";
  };

  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" role="search" className="flex flex-wrap items-end gap-3">
        <div className="grid gap-2">
          <label htmlFor="status-filter" className="text-sm font-medium">
            {t("filterLabel")}
          </label>
          <SelectNative id="status-filter" name="status" defaultValue={list.status ?? ""} wrapperClassName="w-48">
            <option value="">{t("allStatuses")}</option>
            {applicationStatuses.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </SelectNative>
        </div>
        <Button type="submit" variant="outline">
          {t("filter")}
        </Button>
      </form>
      <Card>
        <CardContent className="grid gap-4 pt-6">
          {list.rows.length === 0 ? (
            <p className="text-muted-foreground">{t("empty")}</p>
          ) : (
            <MyApplicationsTable rows={list.rows} />
          )}
          <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
            <span className="text-muted-foreground">
              {t("total", { total: list.total })} · {t("pageOf", { page: Math.min(list.page, list.pageCount), pageCount: list.pageCount })}
            </span>
            <span className="flex gap-2">
              {list.page > 1 ? (
                <Link href={hrefFor(Math.min(list.page - 1, list.pageCount))} className={buttonVariants({ variant: "outline", size: "sm" })} rel="prev">
                  {t("previous")}
                </Link>
              ) : null}
              {list.page < list.pageCount ? (
                <Link href={hrefFor(list.page + 1)} className={buttonVariants({ variant: "outline", size: "sm" })} rel="next">
                  {t("next")}
                </Link>
              ) : null}
            </span>
          </nav>
        </CardContent>
      </Card>
    </div>
  );
}
