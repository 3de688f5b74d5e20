import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CorrectionStatusBadge } from "@/components/citizen/correction-status-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { listCorrectionQueue } from "@/lib/corrections/list-correction-queue";
import { correctionQueueSchema } from "@/lib/corrections/schemas";

export async function generateMetadata() {
  const t = await getTranslations("corrections.queue");
  return { title: t("title") };
}

const FILTERS = ["all", "open", "corrected", "declined"] as const;

export default async function CorrectionQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageUser("clerk");
  const query = correctionQueueSchema.parse(await searchParams);
  const db = await getDb();
  const [t, tc, format, queue] = await Promise.all([
    getTranslations("corrections.queue"),
    getTranslations("corrections"),
    getFormatter(),
    listCorrectionQueue(db, actor, query),
  ]);
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  const href = (status: string, page = 1) => `/counter/corrections?status=${status}${page > 1 ? `&page=${page}` : ""}`;
  const field = (f: string) => (tc.has(`fields.${f}`) ? tc(`fields.${f}`) : f);
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {actor.departmentId ? null : (
        <Alert>
          <AlertDescription>{t("noDepartment")}</AlertDescription>
        </Alert>
      )}
      <nav aria-label={t("filter")} className="flex flex-wrap items-center gap-2 text-sm">
        {FILTERS.map((s) => (
          <Link
            key={s}
            href={href(s)}
            aria-current={query.status === s ? "page" : undefined}
            className={`rounded-md border px-3 py-1 ${query.status === s ? "bg-primary text-primary-foreground" : ""}`}
          >
            {s === "all" ? t("all") : tc(`status.${s}`)}
          </Link>
        ))}
        <span className="ml-auto text-muted-foreground">{t("openCount", { count: queue.open })}</span>
      </nav>
      <Card>
        <CardContent className="pt-6">
          {queue.rows.length === 0 ? (
            <p className="text-muted-foreground">{t("empty")}</p>
          ) : (
            <Table aria-label={t("title")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("createdAt")}</TableHead>
                  <TableHead>{t("person")}</TableHead>
                  <TableHead>{t("field")}</TableHead>
                  <TableHead>{t("current")}</TableHead>
                  <TableHead>{t("proposed")}</TableHead>
                  <TableHead>{t("reason")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead>{t("action")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {queue.rows.map((r) => (
                  <TableRow key={r.id} data-status={r.status}>
                    <TableCell>{format.dateTime(new Date(r.createdAt), { dateStyle: "short", timeStyle: "short" })}</TableCell>
                    <TableCell>
                      {r.personName}
                      <span className="block text-xs text-muted-foreground">{r.maskedIdNumber}</span>
                    </TableCell>
                    <TableCell>{field(r.field)}</TableCell>
                    <TableCell>{r.currentValue ?? "—"}</TableCell>
                    <TableCell>{r.proposedValue ?? "—"}</TableCell>
                    <TableCell className="max-w-xs whitespace-normal">{r.reason}</TableCell>
                    <TableCell>
                      <CorrectionStatusBadge status={r.status} />
                    </TableCell>
                    <TableCell>
                      <Link href={`/counter/corrections/${r.id}`} className="text-primary underline-offset-4 hover:underline">
                        {r.status === "open" ? t("handle") : t("view")}
                      </Link>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="flex items-center gap-4 text-sm">
          {queue.page > 1 ? <Link href={href(query.status, queue.page - 1)}>{t("previous")}</Link> : null}
          <span>{t("page", { page: queue.page, pages })}</span>
          {queue.page < pages ? <Link href={href(query.status, queue.page + 1)}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
