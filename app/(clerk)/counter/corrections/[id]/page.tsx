import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { CorrectionStatusBadge } from "@/components/citizen/correction-status-badge";
import { CorrectionDecisionForm } from "@/components/clerk/correction-decision-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageUser } from "@/lib/auth/page";
import { getCorrectionForClerkOrThrow } from "@/lib/corrections/list-correction-queue";
import { isAppError } from "@/lib/errors";

export async function generateMetadata() {
  const t = await getTranslations("corrections.decide");
  return { title: t("title") };
}

export default async function CorrectionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("clerk");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  const [t, tc, format, r] = await Promise.all([
    getTranslations("corrections.decide"),
    getTranslations("corrections"),
    getFormatter(),
    getCorrectionForClerkOrThrow(db, actor, id.data).catch((e: unknown) => {
      if (isAppError(e) && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
  ]);
  const field = tc.has(`fields.${r.field}`) ? tc(`fields.${r.field}`) : r.field;
  const rows: [string, React.ReactNode][] = [
    [t("person"), `${r.personName}（${r.maskedIdNumber}）`],
    [t("register"), tc.has(`registers.${r.register}`) ? tc(`registers.${r.register}`) : r.register],
    [t("field"), field],
    [t("current"), r.currentValue ?? "—"],
    [t("proposed"), r.proposedValue ?? "—"],
    [t("reason"), r.reason],
    [t("service"), r.serviceCode ?? "—"],
    [t("createdAt"), format.dateTime(new Date(r.createdAt), { dateStyle: "medium", timeStyle: "short" })],
  ];
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={`${r.personName} · ${field}`} />
      <Link href="/counter/corrections" className="text-sm text-primary underline-offset-4 hover:underline">
        {t("back")}
      </Link>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle as="h2" className="flex items-center gap-2">
              {field}
              <CorrectionStatusBadge status={r.status} />
            </CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              {rows.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-muted-foreground">{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("decision")}</CardTitle>
          </CardHeader>
          <CardContent>
            {r.status === "open" ? (
              <CorrectionDecisionForm id={r.id} version={r.version} proposedValue={r.field === "idNumber" ? "" : (r.proposedValue ?? "")} correctable={r.correctable} />
            ) : (
              <div className="grid gap-2 text-sm" role="status">
                <p>{t("decided", { status: tc(`status.${r.status}`) })}</p>
                {r.decisionNote ? <p>{t("decidedNote", { note: r.decisionNote })}</p> : null}
              </div>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
