import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CloseFollowUpForm } from "@/components/supervisor/close-follow-up-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { followUpListSchema } from "@/lib/metrics/follow-up-schemas";
import { listFollowUps } from "@/lib/metrics/list-follow-ups";

export async function generateMetadata() {
  const t = await getTranslations("followUps");
  return { title: t("title") };
}

const TABS = ["open", "closed", "all"] as const;

/** 好差评整改: the poor ratings to follow up, open and overdue first; close each with what was done. */
export default async function FollowUpsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageUser("supervisor");
  const [t, format, locale, raw] = await Promise.all([getTranslations("followUps"), getFormatter(), getLocale(), searchParams]);
  const parsed = followUpListSchema.safeParse({ status: raw.status, page: raw.page });
  const query = parsed.success ? parsed.data : { status: "open" as const, page: 1 };
  const list = await listFollowUps(await getDb(), actor, query);
  const en = locale === "en";
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const href = (status: string, page = 1) => `/supervisor/follow-ups?status=${status}&page=${page}`;

  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <p data-testid="follow-up-summary">{t("summary", { open: list.counts.open, overdue: list.counts.overdue })}</p>
      <nav className="flex gap-2" aria-label={t("title")}>
        {TABS.map((tab) => (
          <Button key={tab} asChild variant={tab === query.status ? "default" : "outline"} size="sm">
            <Link href={href(tab)} aria-current={tab === query.status ? "page" : undefined}>
              {t(`tabs.${tab}`)}
            </Link>
          </Button>
        ))}
      </nav>
      {list.rows.length === 0 ? <p className="text-muted-foreground">{t("empty")}</p> : null}
      <ul className="grid gap-4">
        {list.rows.map((r) => (
          <li key={r.id} id={r.id}>
            <Card>
              <CardContent className="grid gap-3 pt-6">
                <div className="flex flex-wrap items-center gap-3 text-sm">
                  <span className="font-medium">{r.applicationNumber}</span>
                  <span>{en ? r.serviceEn : r.serviceZh}</span>
                  <Badge variant={r.score === 1 ? "destructive" : "secondary"}>{`${t("columns.score")} ${r.score}`}</Badge>
                  <span className="text-muted-foreground">
                    {t("columns.ratedAt")} {when(r.ratedAt)}
                  </span>
                  <span>
                    {t("columns.dueOn")} {r.dueOn}
                  </span>
                  <Badge variant={r.overdue ? "destructive" : "outline"}>
                    {r.status === "closed"
                      ? t(r.closedInTime ? "status.closedInTime" : "status.closedLate")
                      : t(r.overdue ? "status.overdue" : "status.open")}
                  </Badge>
                </div>
                <blockquote className="border-l-2 pl-3 text-sm">{r.comment ?? "—"}</blockquote>
                {r.status === "closed" ? (
                  <div className="grid gap-1 text-sm">
                    <span className="font-medium">{t("columns.action")}</span>
                    <p>{r.actionTaken}</p>
                    {r.closedAt ? <p className="text-muted-foreground">{t("closedBy", { name: r.closedBy ?? "—", at: when(r.closedAt) })}</p> : null}
                  </div>
                ) : (
                  <CloseFollowUpForm id={r.id} version={r.version} />
                )}
              </CardContent>
            </Card>
          </li>
        ))}
      </ul>
      <nav className="flex gap-2" aria-label={t("title")}>
        {list.page > 1 ? (
          <Button asChild variant="outline">
            <Link href={href(query.status, list.page - 1)}>{t("previous")}</Link>
          </Button>
        ) : null}
        {list.hasNext ? (
          <Button asChild variant="outline">
            <Link href={href(query.status, list.page + 1)}>{t("next")}</Link>
          </Button>
        ) : null}
      </nav>
    </div>
  );
}
