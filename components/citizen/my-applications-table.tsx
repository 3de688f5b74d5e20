import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/layout/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MyApplicationListRow } from "@/lib/applications/list-my-applications-page";

/** The resident's applications as a table, each number linking to its page. */
export async function MyApplicationsTable({ rows }: { rows: MyApplicationListRow[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("track.list"), getFormatter(), getLocale()]);
  const en = locale === "en";
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("number")}</TableHead>
          <TableHead>{t("service")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead>{t("submittedAt")}</TableHead>
          <TableHead>{t("dueOn")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((a) => (
          <TableRow key={a.id}>
            <TableCell className="font-mono text-xs">
              <Link href={`/my/applications/${a.id}`} className="text-primary underline-offset-4 hover:underline">
                {a.number}
              </Link>
            </TableCell>
            <TableCell>{en ? a.serviceNameEn : a.serviceNameZh}</TableCell>
            <TableCell>
              <StatusBadge status={a.status} />
            </TableCell>
            <TableCell>{a.submittedAt ? format.dateTime(a.submittedAt, { dateStyle: "medium" }) : "—"}</TableCell>
            <TableCell>{a.dueOn ?? "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
