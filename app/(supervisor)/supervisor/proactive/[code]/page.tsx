import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ReasonText } from "@/components/eligibility/reason-text";
import { ProactiveNotifyButton } from "@/components/supervisor/proactive-notify-button";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getReadDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { listProactiveResidents } from "@/lib/proactive/list-proactive-residents";
import { listProactiveResidentsSchema } from "@/lib/proactive/proactive-schemas";

export async function generateMetadata() {
  const t = await getTranslations("proactive");
  return { title: t("title") };
}

export default async function ProactiveResidentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageUser("supervisor");
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const input = listProactiveResidentsSchema.safeParse({ serviceCode: code, after: typeof query.after === "string" ? query.after : undefined });
  if (!input.success) notFound();
  const db = await getReadDb();
  const page = await listProactiveResidents(db, actor, input.data).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, format, locale] = await Promise.all([getTranslations("proactive"), getFormatter(), getLocale()]);
  const service = locale === "en" ? page.service.nameEn : page.service.nameZh;
  const base = `/supervisor/proactive/${encodeURIComponent(page.service.code)}`;

  return (
    <div className="grid gap-6">
      <p>
        <Link href="/supervisor/proactive" className="text-sm text-primary underline-offset-4 hover:underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("listTitle", { service })} description={t("listDescription", { recipients: format.number(page.recipients) })} />
      {can(actor.role, "proactive:notify") && page.recipients > 0 ? (
        <ProactiveNotifyButton serviceCode={page.service.code} recipients={page.recipients} />
      ) : null}
      <Card>
        <CardContent className="pt-6">
          {page.rows.length === 0 ? (
            <p className="text-muted-foreground">{t("empty")}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("applicant")}</TableHead>
                  <TableHead>{t("applicantId")}</TableHead>
                  <TableHead>{t("subject")}</TableHead>
                  <TableHead>{t("reason")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.rows.map((r) => (
                  <TableRow key={r.key}>
                    <TableCell className="font-medium">{r.applicantName}</TableCell>
                    <TableCell className="font-mono text-sm">{r.applicantIdNumber}</TableCell>
                    <TableCell>{r.forSelf ? t("self") : `${r.subjectName}（${r.subjectIdNumber}）`}</TableCell>
                    <TableCell className="text-sm">
                      <ReasonText reason={r.reason} subjectName={r.subjectName} forSelf={r.forSelf} applicantName={r.applicantName} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <nav className="mt-4 flex gap-4 text-sm" aria-label={t("listTitle", { service })}>
            {input.data.after ? (
              <Link href={base} className="text-primary underline-offset-4 hover:underline">
                {t("firstPage")}
              </Link>
            ) : null}
            {page.next ? (
              <Link href={`${base}?after=${encodeURIComponent(page.next)}`} className="text-primary underline-offset-4 hover:underline">
                {t("nextPage")}
              </Link>
            ) : null}
          </nav>
        </CardContent>
      </Card>
    </div>
  );
}
