import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SortableTable } from "@/components/supervisor/sortable-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getReadDb } from "@/db";
import { orNotFound, requirePageUser } from "@/lib/auth/page";
import { filterParams, fromSearchParams } from "@/lib/metrics/dashboard-schema";
import { applicationsTable } from "@/lib/metrics/dashboard-tables";
import { listDashboardApplications } from "@/lib/metrics/list-dashboard-applications";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

/** Drill-down: the applications behind one number of the dashboard (IDs masked, paged). */
export default async function DashboardApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageUser("supervisor");
  const [t, ts, locale, raw] = await Promise.all([getTranslations("dashboard"), getTranslations("status"), getLocale(), searchParams]);
  const list = await orNotFound(listDashboardApplications(await getReadDb(), actor, fromSearchParams(raw)));
  const { period } = list;
  const filter = { ...list.filter, groupBy: undefined };
  const table = applicationsTable(list.rows, locale === "en", (kind, code) =>
    kind === "status" ? (ts.has(code) ? ts(code) : code) : t.has(`channels.${code}`) ? t(`channels.${code}`) : code,
  );
  const pageHref = (page: number) => `/supervisor/dashboard/applications?${filterParams(filter, { metric: list.metric, page })}`;
  const headers = Object.fromEntries(table.columns.map((c) => [c.key, t(`columns.${c.key}`)]));
  const sortLabels = Object.fromEntries(table.columns.map((c) => [c.key, t("sortBy", { column: t(`columns.${c.key}`) })]));
  const title = t("drill.title", { metric: t(`drill.metrics.${list.metric}`) });
  return (
    <div className="grid gap-6">
      <PageHeader
        title={title}
        description={t("drill.description", { from: period.from, to: period.to })}
        actions={
          <div className="flex gap-2">
            <Button asChild variant="outline">
              <Link href={`/supervisor/dashboard?${filterParams(filter)}`}>{t("drill.back")}</Link>
            </Button>
            <Button asChild variant="outline">
              <a href={`/supervisor/dashboard/export?${filterParams(filter, { table: "applications", metric: list.metric, page: list.page })}`} download>
                {t("export")}
              </a>
            </Button>
          </div>
        }
      />
      <Card>
        <CardContent className="pt-6">
          <SortableTable table={table} headers={headers} sortLabels={sortLabels} caption={title} emptyText={t("drill.empty")} />
        </CardContent>
      </Card>
      <nav className="flex items-center gap-3" aria-label={t("drill.page", { page: list.page })}>
        {list.page > 1 ? (
          <Button asChild variant="outline">
            <Link href={pageHref(list.page - 1)}>{t("drill.previous")}</Link>
          </Button>
        ) : null}
        <span className="text-sm">{t("drill.page", { page: list.page })}</span>
        {list.hasNext ? (
          <Button asChild variant="outline">
            <Link href={pageHref(list.page + 1)}>{t("drill.next")}</Link>
          </Button>
        ) : null}
      </nav>
    </div>
  );
}
