import { getLocale, getTranslations } from "next-intl/server";
import { StatCard } from "@/components/layout/stat-card";
import { StatusBadge } from "@/components/layout/status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { getClerkOverview, OPEN_STATUSES } from "@/lib/applications/get-clerk-overview";
import { requirePageUser } from "@/lib/auth/page";

export async function generateMetadata() {
  const t = await getTranslations("clerkHome");
  return { title: t("title") };
}

export default async function ClerkHomePage() {
  const actor = await requirePageUser("clerk");
  const db = await getDb();
  const [t, locale, overview] = await Promise.all([
    getTranslations("clerkHome"),
    getLocale(),
    getClerkOverview(db, actor),
  ]);
  const en = locale === "en";
  const place = [en ? overview.departmentEn : overview.departmentZh, en ? overview.centreEn : overview.centreZh]
    .filter(Boolean)
    .join(" · ");
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("scope", { place })} />
      <section aria-label={t("counts")} className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <StatCard label={t("overdue")} value={overview.overdue} className="text-destructive" />
        <StatCard label={t("dueWithinDay")} value={overview.dueWithinDay} />
        {OPEN_STATUSES.map((s) => (
          <StatCard key={s} label={t(`statusCount.${s}`)} value={overview.countsByStatus[s] ?? 0} />
        ))}
      </section>
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("nextDue")}</CardTitle>
        </CardHeader>
        <CardContent>
          {overview.nextDue.length === 0 ? (
            <p className="text-muted-foreground">{t("empty")}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("number")}</TableHead>
                  <TableHead>{t("service")}</TableHead>
                  <TableHead>{t("applicant")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead>{t("dueOn")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {overview.nextDue.map((a) => (
                  <TableRow key={a.id}>
                    <TableCell className="font-mono text-xs">{a.number}</TableCell>
                    <TableCell>{en ? a.serviceNameEn : a.serviceNameZh}</TableCell>
                    <TableCell>{a.applicantName}</TableCell>
                    <TableCell>
                      <StatusBadge status={a.status} />
                    </TableCell>
                    <TableCell>{a.dueOn ?? "—"}</TableCell>
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

