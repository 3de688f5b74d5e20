import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { QueueLight } from "@/components/clerk/queue-light";
import { StatCard } from "@/components/layout/stat-card";
import { StatusBadge } from "@/components/layout/status-badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { getClerkOverview, OPEN_STATUSES } from "@/lib/applications/get-clerk-overview";
import { requirePageUser } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";

export async function generateMetadata() {
  const t = await getTranslations("clerkHome");
  return { title: t("title") };
}

export default async function ClerkHomePage() {
  const actor = await requirePageUser("clerk", "reviewer", "approver");
  const db = await getDb();
  const [t, tc, locale, overview] = await Promise.all([
    getTranslations("clerkHome"),
    getTranslations("counter"),
    getLocale(),
    getClerkOverview(db, actor),
  ]);
  const en = locale === "en";
  const place = [en ? overview.departmentEn : overview.departmentZh, en ? overview.centreEn : overview.centreZh]
    .filter(Boolean)
    .join(" · ");
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t(actor.role === "reviewer" ? "titleReviewer" : actor.role === "approver" ? "titleApprover" : "title")}
        description={t("scope", { place })}
        actions={
          <>
            <Link href="/counter/queue" className={buttonVariants()}>
              {tc("home.toQueue")}
            </Link>
            {can(actor.role, "person:lookup") ? (
              <Link href="/counter/lookup" className={buttonVariants({ variant: "outline" })}>
                {tc("home.lookup")}
              </Link>
            ) : null}
          </>
        }
      />
      <section aria-label={t("counts")} className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Link href="/counter/queue?light=red" className="rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden">
          <StatCard label={t("overdue")} value={overview.overdue} className="text-destructive" />
        </Link>
        <Link href="/counter/queue?light=yellow" className="rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden">
          <StatCard label={t("dueWithinDay")} value={overview.dueWithinDay} />
        </Link>
        {OPEN_STATUSES.map((s) => (
          <Link key={s} href={`/counter/queue?status=${s}`} className="rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden">
            <StatCard label={t(`statusCount.${s}`)} value={overview.countsByStatus[s] ?? 0} />
          </Link>
        ))}
      </section>
      <nav aria-label={tc("home.lights")} className="flex flex-wrap items-center gap-3 text-sm">
        <span className="text-muted-foreground">{tc("home.lights")}</span>
        {(["red", "yellow", "green", "paused"] as const).map((l) => (
          <Link key={l} href={`/counter/queue?light=${l}`} className="inline-flex items-center gap-1 hover:underline">
            <QueueLight light={l} /> <span className="tabular-nums">{overview.lights[l]}</span>
          </Link>
        ))}
      </nav>
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
                    <TableCell className="font-mono text-xs">
                      <Link href={`/counter/applications/${a.id}`} className="text-primary underline-offset-4 hover:underline">
                        {a.number}
                      </Link>
                    </TableCell>
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

