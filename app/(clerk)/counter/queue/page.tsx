import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { QueueLight } from "@/components/clerk/queue-light";
import { StatusBadge } from "@/components/layout/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SelectNative } from "@/components/ui/select-native";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { applicationStatuses } from "@/lib/applications/statuses";
import { OPEN_STATUSES } from "@/lib/applications/get-clerk-overview";
import { listClerkQueue } from "@/lib/applications/list-clerk-queue";
import { QUEUE_CHANNELS, QUEUE_LIGHTS, queueFiltersSchema, queueHref } from "@/lib/applications/queue-schemas";
import { requirePageUser } from "@/lib/auth/page";

export async function generateMetadata() {
  const t = await getTranslations("counter.queue");
  return { title: t("title") };
}

const STATUSES = applicationStatuses.filter((s) => s !== "draft");

export default async function ClerkQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageUser("clerk", "reviewer", "approver");
  const db = await getDb();
  const filters = queueFiltersSchema.parse(await searchParams);
  const [t, ts, locale, queue] = await Promise.all([
    getTranslations("counter"),
    getTranslations("status"),
    getLocale(),
    listClerkQueue(db, actor, filters),
  ]);
  const en = locale === "en";
  const kept = { service: filters.service, channel: filters.channel, light: filters.light };

  return (
    <div className="grid gap-6">
      <PageHeader title={t("queue.title")} description={t("queue.description")} />
      <nav aria-label={t("queue.counts")} className="flex flex-wrap gap-2 text-sm">
        <Link
          href={queueHref(kept)}
          aria-current={!filters.status ? "page" : undefined}
          className={buttonVariants({ variant: !filters.status ? "default" : "outline", size: "sm" })}
        >
          {t("queue.openWork")}
        </Link>
        {STATUSES.map((s) => (
          <Link
            key={s}
            href={queueHref({ ...kept, status: s })}
            aria-current={filters.status === s ? "page" : undefined}
            className={buttonVariants({ variant: filters.status === s ? "default" : "outline", size: "sm" })}
          >
            {ts(s)}
            {(OPEN_STATUSES as readonly string[]).includes(s) ? <span className="tabular-nums">{queue.countsByStatus[s] ?? 0}</span> : null}
          </Link>
        ))}
      </nav>
      <form method="get" role="search" aria-label={t("queue.filters")} className="flex flex-wrap items-end gap-3">
        <div className="grid gap-2">
          <label htmlFor="queue-status" className="text-sm font-medium">
            {t("queue.status")}
          </label>
          <SelectNative id="queue-status" name="status" defaultValue={filters.status ?? ""} wrapperClassName="w-40">
            <option value="">{t("queue.openWork")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </SelectNative>
        </div>
        <div className="grid gap-2">
          <label htmlFor="queue-service" className="text-sm font-medium">
            {t("queue.service")}
          </label>
          <SelectNative id="queue-service" name="service" defaultValue={filters.service ?? ""} wrapperClassName="w-64">
            <option value="">{t("queue.allServices")}</option>
            {queue.services.map((s) => (
              <option key={s.id} value={s.id}>
                {en ? s.nameEn : s.nameZh}
              </option>
            ))}
          </SelectNative>
        </div>
        <div className="grid gap-2">
          <label htmlFor="queue-channel" className="text-sm font-medium">
            {t("queue.channel")}
          </label>
          <SelectNative id="queue-channel" name="channel" defaultValue={filters.channel ?? ""} wrapperClassName="w-36">
            <option value="">{t("queue.allChannels")}</option>
            {QUEUE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </SelectNative>
        </div>
        <div className="grid gap-2">
          <label htmlFor="queue-light" className="text-sm font-medium">
            {t("queue.light")}
          </label>
          <SelectNative id="queue-light" name="light" defaultValue={filters.light ?? ""} wrapperClassName="w-36">
            <option value="">{t("queue.allLights")}</option>
            {QUEUE_LIGHTS.map((l) => (
              <option key={l} value={l}>
                {t(`light.${l}`)}
              </option>
            ))}
          </SelectNative>
        </div>
        <Button type="submit" variant="outline">
          {t("queue.filter")}
        </Button>
        <Link href="/counter/queue" className={buttonVariants({ variant: "ghost" })}>
          {t("queue.reset")}
        </Link>
      </form>
      <Card>
        <CardContent className="grid gap-4 pt-6">
          {queue.rows.length === 0 ? (
            <p className="text-muted-foreground">{t("queue.empty")}</p>
          ) : (
            <Table aria-label={t("queue.table")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("queue.light")}</TableHead>
                  <TableHead>{t("queue.number")}</TableHead>
                  <TableHead>{t("queue.service")}</TableHead>
                  <TableHead>{t("queue.applicant")}</TableHead>
                  <TableHead>{t("queue.status")}</TableHead>
                  <TableHead>{t("queue.channel")}</TableHead>
                  <TableHead>{t("queue.dueOn")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {queue.rows.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>
                      <QueueLight light={r.light} />
                    </TableCell>
                    <TableCell className="font-mono text-xs">
                      <Link href={`/counter/applications/${r.id}`} className="text-primary underline-offset-4 hover:underline">
                        {r.number}
                      </Link>
                      {r.flaggedAt ? (
                        <Badge variant="destructive" className="ml-2" title={r.flagReason ?? undefined}>
                          {t("queue.flagged")}
                        </Badge>
                      ) : null}
                      {r.flagReason ? <p className="mt-1 font-sans text-destructive">{r.flagReason}</p> : null}
                    </TableCell>
                    <TableCell>{en ? r.serviceNameEn : r.serviceNameZh}</TableCell>
                    <TableCell>
                      {r.applicantName}
                      <span className="block font-mono text-xs text-muted-foreground">{r.applicantIdMasked}</span>
                    </TableCell>
                    <TableCell>
                      <StatusBadge status={r.status} />
                      {r.stepKind ? (
                        <span className="block text-xs text-muted-foreground">
                          {t("queue.step", { step: t(`step.${r.stepKind as "accept"}`), day: r.stepDueOn ?? "—" })}
                        </span>
                      ) : null}
                      {r.escalatedAt ? (
                        <Badge variant="destructive" className="mt-1">
                          {t("step.escalated")}
                        </Badge>
                      ) : null}
                    </TableCell>
                    <TableCell>{t(`channel.${r.channel as (typeof QUEUE_CHANNELS)[number]}`)}</TableCell>
                    <TableCell>
                      {r.dueOn ?? "—"}
                      {r.status === "submitted" && r.acceptDueOn ? (
                        <span className="block text-xs text-muted-foreground">{t("queue.acceptBy", { day: r.acceptDueOn })}</span>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <nav aria-label={t("queue.pagination")} className="flex flex-wrap justify-end gap-2 text-sm">
            {filters.after ? (
              <Link href={queueHref({ ...kept, status: filters.status })} className={buttonVariants({ variant: "outline", size: "sm" })}>
                {t("queue.firstPage")}
              </Link>
            ) : null}
            {queue.nextCursor ? (
              <Link
                href={queueHref({ ...kept, status: filters.status, after: queue.nextCursor })}
                className={buttonVariants({ variant: "outline", size: "sm" })}
                rel="next"
              >
                {t("queue.next")}
              </Link>
            ) : null}
          </nav>
        </CardContent>
      </Card>
    </div>
  );
}
