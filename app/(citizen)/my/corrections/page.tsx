import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CorrectionStatusBadge } from "@/components/citizen/correction-status-badge";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { listMyCorrections } from "@/lib/corrections/list-my-corrections";

export async function generateMetadata() {
  const t = await getTranslations("corrections.mine");
  return { title: t("title") };
}

export default async function MyCorrectionsPage() {
  const actor = await requirePageUser("citizen");
  const db = await getDb();
  const [t, tc, format, locale, rows] = await Promise.all([
    getTranslations("corrections.mine"),
    getTranslations("corrections"),
    getFormatter(),
    getLocale(),
    listMyCorrections(db, actor),
  ]);
  const en = locale === "en";
  const field = (f: string) => (tc.has(`fields.${f}`) ? tc(`fields.${f}`) : f);
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardContent className="pt-6">
          {rows.length === 0 ? (
            <p className="text-muted-foreground">{t("empty")}</p>
          ) : (
            <Table aria-label={t("title")}>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("whose")}</TableHead>
                  <TableHead>{t("current")}</TableHead>
                  <TableHead>{t("proposed")}</TableHead>
                  <TableHead>{t("reason")}</TableHead>
                  <TableHead>{t("department")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead>{t("answer")}</TableHead>
                  <TableHead>{t("createdAt")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id} data-field={r.field}>
                    <TableCell>
                      {r.personName} · {field(r.field)}
                    </TableCell>
                    <TableCell>{r.currentValue ?? t("none")}</TableCell>
                    <TableCell>{r.proposedValue ?? t("none")}</TableCell>
                    <TableCell className="max-w-xs whitespace-normal">{r.reason}</TableCell>
                    <TableCell>{en ? r.departmentEn : r.departmentZh}</TableCell>
                    <TableCell>
                      <CorrectionStatusBadge status={r.status} />
                    </TableCell>
                    <TableCell className="max-w-xs whitespace-normal">{r.decisionNote ?? t("none")}</TableCell>
                    <TableCell>{format.dateTime(new Date(r.createdAt), { dateStyle: "medium", timeStyle: "short" })}</TableCell>
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
