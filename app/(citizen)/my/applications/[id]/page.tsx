import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getLabeller } from "@/lib/i18n/get-labeller";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RatingForm } from "@/components/citizen/rating-form";
import { SupplementForm } from "@/components/citizen/supplement-form";
import { WithdrawButton } from "@/components/citizen/withdraw-button";
import { StatusBadge } from "@/components/layout/status-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getMySupplementRequest } from "@/lib/applications/answer-supplement";
import { getMyApplicationOrThrow } from "@/lib/applications/get-my-application";
import { getMyRating } from "@/lib/applications/rate-application";
import { canWithdraw } from "@/lib/applications/track-schemas";
import { requirePageUser } from "@/lib/auth/page";
import { addWorkingDays, toChinaDate } from "@/lib/calendar/working-days";
import { isAppError } from "@/lib/errors";
import { markMyApplicationNotificationsRead } from "@/lib/notifications/mark-notifications-read";

export default async function MyApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ submitted?: string }>;
}) {
  const actor = await requirePageUser("citizen");
  const [{ id }, { submitted }] = await Promise.all([params, searchParams]);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const app = await getMyApplicationOrThrow(db, actor, id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  // Opening the application reads its notices; only after ownership was checked above.
  const [t, ts, tr, format, locale, rating, supplement] = await Promise.all([
    getTranslations("apply"),
    getTranslations("status"),
    getTranslations("track"),
    getFormatter(),
    getLocale(),
    app.status === "completed" ? getMyRating(db, actor, app.id) : null,
    app.status === "supplement_requested" ? getMySupplementRequest(db, actor, app.id) : null,
    markMyApplicationNotificationsRead(db, actor, app.id),
  ]);
  const labels = await getLabeller();
  const en = locale === "en";
  const fromLibrary = app.materials.filter((m) => m.source === "library").length;
  const uploaded = app.materials.filter((m) => m.source === "upload").length;
  const estimate = app.dueOn ?? addWorkingDays(toChinaDate(app.submittedAt ?? new Date()), app.promisedLimitDays);
  return (
    <div className="grid gap-6">
      <PageHeader title={en ? app.serviceNameEn : app.serviceNameZh} description={t("numberLine", { number: app.number })} actions={
          <div className="flex flex-wrap items-center gap-3">
            <StatusBadge status={app.status} />
            {canWithdraw(app.status) ? <WithdrawButton applicationId={app.id} /> : null}
          </div>
        }
      />
      {canWithdraw(app.status) ? <p className="text-sm text-muted-foreground">{tr("withdraw.hint")}</p> : null}
      {submitted ? (
        <Alert variant="success" role="status">
          <AlertTitle>{t("confirmation.title")}</AlertTitle>
          <AlertDescription>
            {t("confirmation.body", { number: app.number, date: estimate, library: fromLibrary, total: app.materials.length })}
            {uploaded > 0 ? ` ${t("confirmation.uploaded", { count: uploaded })}` : null}
          </AlertDescription>
        </Alert>
      ) : null}
      {app.status === "awaiting" ? (
        <Alert role="status" data-testid="awaiting-prerequisite">
          <AlertTitle>{tr("awaiting.title")}</AlertTitle>
          <AlertDescription>{tr("awaiting.body")}</AlertDescription>
        </Alert>
      ) : null}
      {supplement ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">{tr("supplement.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <SupplementForm
              key={supplement.version}
              applicationId={supplement.applicationId}
              version={supplement.version}
              reason={supplement.reason}
              requestedOn={supplement.requestedAt ? format.dateTime(supplement.requestedAt, { dateStyle: "medium", timeStyle: "short" }) : null}
              materials={supplement.materials.map((m) => ({
                id: m.id,
                nameZh: m.nameZh,
                nameEn: m.nameEn,
                previousUpload: m.previousUpload,
                library: m.library,
              }))}
            />
          </CardContent>
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("timeline")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-3 border-l pl-4" aria-label={t("timeline")}>
              {app.timeline.map((e, i) => (
                <li key={i} className="text-sm">
                  <span className="font-medium">
                    {e.step?.kind === "review"
                      ? tr(`steps.review${e.step.level}`)
                      : e.step?.kind === "escalated" || e.step?.kind === "refused"
                        ? tr(`steps.${e.step.kind}`)
                        : ts(e.status)}
                  </span>
                  <span className="ml-2 text-muted-foreground">{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</span>
                  {e.step?.kind === "deliver" ? (
                    <p className="text-muted-foreground">
                      {tr(`steps.deliver.${e.step.method as "collect"}`)}
                      {e.step.trackingNo ? ` · ${tr("steps.tracking", { no: e.step.trackingNo })}` : ""}
                    </p>
                  ) : null}
                  {e.note && e.step?.kind !== "review" ? <p className="text-muted-foreground">{labels.note(e.note)}</p> : null}
                </li>
              ))}
            </ol>
            <p className="mt-4 text-sm">{app.dueOn ? t("dueOn", { date: app.dueOn }) : t("estimate", { date: estimate })}</p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("materials.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-2 text-sm">
              {app.materials.map((m, i) => (
                <li key={i} className="flex items-start justify-between gap-2">
                  <span>
                    {en ? m.nameEn : m.nameZh}
                    {m.licenceNumber ? <span className="block text-xs text-muted-foreground">{m.licenceNumber}</span> : null}
                    {m.note ? <span className="block text-xs text-muted-foreground">{labels.note(m.note)}</span> : null}
                    {m.upload ? (
                      <a href={`/api/uploads/${m.upload.id}`} target="_blank" rel="noopener noreferrer" className="block text-xs underline">
                        {m.upload.fileName}（{t("upload.preview")}）
                      </a>
                    ) : null}
                  </span>
                  <Badge variant={m.source === "library" || m.source === "awaiting" ? "success" : "outline"}>{t(`sourceOf.${m.source}`)}</Badge>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>
      {app.status === "completed" ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">{rating ? tr("rating.given") : tr("rating.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            {rating ? (
              <div className="grid gap-1 text-sm" data-testid="my-rating">
                <p className="font-medium">
                  {tr("rating.givenScore", { score: rating.score, label: tr(`rating.scores.${rating.score}`) })}
                </p>
                {rating.comment ? <p>{rating.comment}</p> : null}
                <p className="text-muted-foreground">
                  {tr("rating.givenOn", { date: format.dateTime(rating.createdAt, { dateStyle: "medium" }) })}
                </p>
              </div>
            ) : (
              <div className="grid gap-4">
                <p className="text-sm text-muted-foreground">{tr("rating.description")}</p>
                <RatingForm applicationId={app.id} />
              </div>
            )}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
