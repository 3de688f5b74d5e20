import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { StatusBadge } from "@/components/layout/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db";
import { getMyBundleGroupOrThrow } from "@/lib/applications/submit-bundle";
import { requirePageUser } from "@/lib/auth/page";
import { isAppError } from "@/lib/errors";

/** A filed life-event bundle: every application number with its promised date. Own data only. */
export default async function MyBundlePage({
  params,
  searchParams,
}: {
  params: Promise<{ groupId: string }>;
  searchParams: Promise<{ submitted?: string }>;
}) {
  const actor = await requirePageUser("citizen");
  const [{ groupId }, { submitted }] = await Promise.all([params, searchParams]);
  if (!z.uuid().safeParse(groupId).success) notFound();
  const db = await getDb();
  const group = await getMyBundleGroupOrThrow(db, actor, groupId).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [t, locale] = await Promise.all([getTranslations("apply.bundle.confirmation"), getLocale()]);
  const en = locale === "en";
  const summary = t("body", {
    count: group.applications.length,
    total: group.materialsTotal,
    library: group.materialsFromLibrary,
    uploaded: group.materialsUploaded,
  });
  return (
    <div className="grid gap-6">
      <PageHeader title={en ? group.bundle.nameEn : group.bundle.nameZh} description={summary} />
      {submitted ? (
        <Alert variant="success" role="status">
          <AlertTitle>{t("title")}</AlertTitle>
          <AlertDescription>{summary}</AlertDescription>
        </Alert>
      ) : null}
      <Card>
        <CardContent className="pt-6">
          <Table aria-label={t("title")}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("service")}</TableHead>
                <TableHead>{t("number")}</TableHead>
                <TableHead>{t("dueOn")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead>{t("materials")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {group.applications.map((a) => (
                <TableRow key={a.id} data-service={a.serviceCode}>
                  <TableCell>{en ? a.serviceNameEn : a.serviceNameZh}</TableCell>
                  <TableCell>
                    <Link href={`/my/applications/${a.id}`} className="font-mono underline-offset-4 hover:underline">
                      {a.number}
                    </Link>
                  </TableCell>
                  <TableCell data-testid="due-on">{a.dueOn}</TableCell>
                  <TableCell>
                    <StatusBadge status={a.status} />
                  </TableCell>
                  <TableCell>
                    {a.fromLibrary}/{a.uploaded}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
