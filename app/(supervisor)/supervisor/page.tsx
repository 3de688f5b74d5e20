import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StatCard } from "@/components/layout/stat-card";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getReadDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { getSupervisorOverview } from "@/lib/metrics/get-supervisor-overview";

export async function generateMetadata() {
  const t = await getTranslations("supervisorHome");
  return { title: t("title") };
}

export default async function SupervisorHomePage() {
  const actor = await requirePageUser("supervisor");
  const db = await getReadDb();
  const [t, format, locale, overview] = await Promise.all([
    getTranslations("supervisorHome"),
    getFormatter(),
    getLocale(),
    getSupervisorOverview(db, actor),
  ]);
  const en = locale === "en";
  const total = overview.months.reduce(
    (acc, m) => ({
      submitted: acc.submitted + m.submitted,
      completed: acc.completed + m.completed,
      inTime: acc.inTime + m.completedInTime,
    }),
    { submitted: 0, completed: 0, inTime: 0 },
  );
  const share = (part: number, whole: number) =>
    whole === 0 ? "—" : format.number(part / whole, { style: "percent", maximumFractionDigits: 1 });
  const open = overview.departments.reduce((s, d) => s + d.open, 0);
  const overdue = overview.departments.reduce((s, d) => s + d.overdue, 0);

  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex gap-2">
            <Button asChild>
              <Link href="/supervisor/dashboard">{t("openDashboard")}</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/supervisor/follow-ups">{t("openFollowUps")}</Link>
            </Button>
          </div>
        }
      />
      <section aria-label={t("headline")} className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <StatCard label={t("submitted12")} value={format.number(total.submitted)} />
        <StatCard label={t("inTimeShare")} value={share(total.inTime, total.completed)} />
        <StatCard label={t("openNow")} value={format.number(open)} />
        <StatCard label={t("overdueNow")} value={format.number(overdue)} className="text-destructive" />
      </section>
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("byMonth")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("month")}</TableHead>
                <TableHead className="text-right">{t("submitted")}</TableHead>
                <TableHead className="text-right">{t("completed")}</TableHead>
                <TableHead className="text-right">{t("inTime")}</TableHead>
                <TableHead className="text-right">{t("rejected")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.months.map((m) => (
                <TableRow key={m.month}>
                  <TableCell>{m.month}</TableCell>
                  <TableCell className="text-right">{format.number(m.submitted)}</TableCell>
                  <TableCell className="text-right">{format.number(m.completed)}</TableCell>
                  <TableCell className="text-right">{share(m.completedInTime, m.completed)}</TableCell>
                  <TableCell className="text-right">{format.number(m.rejected)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("byDepartment")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("department")}</TableHead>
                <TableHead className="text-right">{t("open")}</TableHead>
                <TableHead className="text-right">{t("overdue")}</TableHead>
                <TableHead className="text-right">{t("rating")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.departments.map((d) => (
                <TableRow key={d.departmentId}>
                  <TableCell>{en ? d.departmentEn : d.departmentZh}</TableCell>
                  <TableCell className="text-right">{format.number(d.open)}</TableCell>
                  <TableCell className="text-right">{format.number(d.overdue)}</TableCell>
                  <TableCell className="text-right">{d.averageRating ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
