import { Fragment } from "react";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DashboardFilterForm } from "@/components/supervisor/dashboard-filter";
import { SortableTable } from "@/components/supervisor/sortable-table";
import { TrendChart } from "@/components/supervisor/trend-chart";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getReadDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { isAppError } from "@/lib/errors";
import { filterParams, fromSearchParams, type DashboardFilter, type DrillMetric, type ExportTable } from "@/lib/metrics/dashboard-schema";
import { breakdownTable, clerkReuseTable, lifeEventsTable, poorCommentsTable, reuseTable, trendTable, type DataTable } from "@/lib/metrics/dashboard-tables";
import { getDashboard } from "@/lib/metrics/get-dashboard";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageUser("supervisor");
  const db = await getReadDb();
  const [t, tf, format, locale, raw] = await Promise.all([getTranslations("dashboard"), getTranslations("followUps"), getFormatter(), getLocale(), searchParams]);
  const en = locale === "en";
  let invalid = false;
  const d = await getDashboard(db, actor, fromSearchParams(raw)).catch(async (error: unknown) => {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    invalid = true;
    return getDashboard(db, actor, {});
  });
  const f = d.figures;
  const cut: Partial<DashboardFilter> = { ...d.filter, groupBy: undefined };
  const drill = (metric: DrillMetric) => `/supervisor/dashboard/applications?${filterParams(cut, { metric })}`;
  const exportHref = (table: ExportTable) => `/supervisor/dashboard/export?${filterParams(d.filter, { table })}`;
  const n = (v: number) => format.number(v);
  const pct = (v: number | null) => (v === null ? "—" : format.number(v, { style: "percent", maximumFractionDigits: 1 }));
  const days = (v: number | null) => (v === null ? "—" : t("units.days", { n: v }));
  const hours = (v: number | null) => (v === null ? "—" : t("units.hours", { n: v }));
  const headers = (table: DataTable) => Object.fromEntries(table.columns.map((c) => [c.key, t(`columns.${c.key}`)]));
  const sortLabels = (table: DataTable) => Object.fromEntries(table.columns.map((c) => [c.key, t("sortBy", { column: t(`columns.${c.key}`) })]));

  const breakdown = breakdownTable(d.breakdown.rows, en);
  const trend = trendTable(d.trend.points);
  const reuse = d.reuse.byClerk ? clerkReuseTable(d.reuse.byClerk) : reuseTable(d.reuse.byService, en);
  const lifeEvents = lifeEventsTable(d.lifeEvents, en);
  const poor = poorCommentsTable(d.poorComments, en, (status) => (status === "closed" ? tf("status.closed") : tf("status.open")));
  const breakdownHrefs =
    d.breakdown.groupBy === "service" || d.breakdown.groupBy === "department" || d.breakdown.groupBy === "centre" || d.breakdown.groupBy === "channel"
      ? Object.fromEntries(
          d.breakdown.rows
            .filter((r) => r.key !== "null")
            .map((r) => [r.key, `/supervisor/dashboard?${filterParams({ ...d.filter, [d.breakdown.groupBy]: r.key, groupBy: d.breakdown.groupBy === "service" ? "month" : "service" })}`]),
        )
      : undefined;

  const figure = (label: string, value: string, href?: string, testId?: string) => (
    <div className="grid gap-1 rounded-lg border p-4" data-testid={testId}>
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">
        {href ? (
          <Link href={href} className="underline-offset-4 hover:underline" title={t("drillHint")}>
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
    </div>
  );
  const section = (title: string, children: React.ReactNode) => (
    <section aria-label={title} className="grid gap-2">
      <h2 className="text-lg font-semibold">{title}</h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">{children}</dl>
    </section>
  );
  const tableCard = (title: string, table: DataTable, exportTable: ExportTable, hrefs?: Record<string, string>, extra?: React.ReactNode) => (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle as="h2">{title}</CardTitle>
        <div className="flex gap-3 text-sm">
          {extra}
          <a href={exportHref(exportTable)} className="underline underline-offset-4" download>
            {t("export")}
          </a>
        </div>
      </CardHeader>
      <CardContent>
        <SortableTable table={table} headers={headers(table)} sortLabels={sortLabels(table)} caption={title} emptyText={t("noData")} rowHrefs={hrefs} />
      </CardContent>
    </Card>
  );

  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {invalid ? (
        <Alert variant="destructive">
          <AlertDescription>{t("invalidFilter")}</AlertDescription>
        </Alert>
      ) : null}
      <DashboardFilterForm filter={d.filter} period={d.period} options={d.options} en={en} />
      <p className="text-sm text-muted-foreground" data-testid="dashboard-period">
        {t("period", { from: d.period.from, to: d.period.to, today: d.today })}
      </p>

      {section(t("sections.volume"), <>
        {figure(t("figures.submitted"), n(f.submitted), drill("submitted"), "figure-submitted")}
        {figure(t("figures.accepted"), n(f.accepted), drill("accepted"), "figure-accepted")}
        {figure(t("figures.completed"), n(f.completed), drill("completed"), "figure-completed")}
        {figure(t("figures.rejected"), n(f.rejected), drill("rejected"), "figure-rejected")}
        {figure(t("figures.withdrawn"), n(f.withdrawn), drill("withdrawn"))}
        {figure(t("figures.deemed"), n(f.deemedAccepted))}
      </>)}
      {section(t("sections.time"), <>
        {figure(t("figures.acceptMedian"), days(f.acceptDays.median))}
        {figure(t("figures.acceptP90"), days(f.acceptDays.p90))}
        {figure(t("figures.completeMedian"), days(f.completeDays.median))}
        {figure(t("figures.completeP90"), days(f.completeDays.p90))}
        {figure(t("figures.hoursMedian"), hours(f.completeHours.median))}
        {figure(t("figures.hoursP90"), hours(f.completeHours.p90))}
        {d.steps.map((st) => (
          <Fragment key={st.step}>
            {figure(t("figures.stepMedian", { step: t(`steps.${st.step}`), n: st.n }), days(st.median), undefined, `figure-step-${st.step}`)}
          </Fragment>
        ))}
      </>)}
      {section(t("sections.limits"), <>
        {figure(t("figures.withinPromised"), pct(f.withinPromisedShare), drill("late"))}
        {figure(t("figures.withinLegal"), pct(f.withinLegalShare))}
        {figure(t("figures.overdue"), n(d.live.overdue), drill("overdue"), "figure-overdue")}
        {figure(t("figures.dueSoon"), n(d.live.dueSoon), drill("dueSoon"))}
        {figure(t("figures.escalated"), n(d.live.escalated), drill("escalated"), "figure-escalated")}
        {figure(t("figures.onTheSpot"), pct(f.onTheSpotShare), drill("onTheSpot"))}
        {figure(t("figures.supplementRate"), pct(f.supplementRate), drill("supplement"))}
      </>)}
      {section(t("sections.reuse"), <>
        {figure(t("figures.exempted"), pct(f.materialsExemptedShare))}
        {figure(t("figures.fromLibrary"), n(f.materialsFromLibrary))}
        {figure(t("figures.uploadsAvoided"), n(d.reuse.byService.reduce((s, r) => s + r.uploadsAvoided, 0)))}
        {figure(t("figures.visitsAvoided"), n(d.reuse.byService.reduce((s, r) => s + r.visitsAvoided, 0)))}
      </>)}
      {section(t("sections.satisfaction"), <>
        {figure(t("figures.averageRating"), f.averageRating === null ? "—" : format.number(f.averageRating, { maximumFractionDigits: 2 }))}
        {figure(t("figures.ratings"), n(f.ratings))}
        {figure(t("figures.poorShare"), pct(f.poorRatingShare), drill("poor"))}
        {figure(t("figures.followUpInTime"), pct(d.followUps.share), "/supervisor/follow-ups")}
      </>)}
      <section aria-label={t("distribution")} className="grid gap-1">
        <h3 className="text-sm font-medium">{t("distribution")}</h3>
        <ul className="grid gap-1">
          {[5, 4, 3, 2, 1].map((score) => {
            const count = f.ratingCounts[score - 1] ?? 0;
            const width = f.ratings === 0 ? 0 : Math.round((count / f.ratings) * 100);
            return (
              <li key={score} className="flex items-center gap-2 text-sm">
                <span className="w-12">{t("score", { score })}</span>
                <span className="h-3 rounded bg-primary/70" style={{ width: `${Math.max(width, 1)}%` }} aria-hidden="true" />
                <span className="tabular-nums">{n(count)}</span>
              </li>
            );
          })}
        </ul>
      </section>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("sections.trend")}</CardTitle>
        </CardHeader>
        <CardContent>
          <TrendChart
            points={d.trend.points}
            labels={{ label: t("chart.label"), submitted: t("chart.submitted"), completed: t("chart.completed"), withinPromised: t("chart.withinPromised") }}
          />
        </CardContent>
      </Card>
      {tableCard(`${t("sections.breakdown")} · ${t(`groupBy.${d.breakdown.groupBy}`)}`, breakdown, "breakdown", breakdownHrefs)}
      {tableCard(t("sections.trend"), trend, "trend")}
      {tableCard(
        d.reuse.byClerk ? t("sections.reuseByClerk") : t("sections.reuseByService"),
        reuse,
        "reuse",
        undefined,
        d.reuse.byClerk ? null : (
          <Link href={`/supervisor/dashboard?${filterParams({ ...d.filter, groupBy: "clerk" })}`} className="underline underline-offset-4">
            {t("perClerkLink")}
          </Link>
        ),
      )}
      {tableCard(t("sections.lifeEvents"), lifeEvents, "lifeEvents")}
      {tableCard(t("sections.poorComments"), poor, "poor")}
    </div>
  );
}
