import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getLabeller } from "@/lib/i18n/get-labeller";
import { z } from "zod";
import { ApplicantPhoneReveal, PhoneNumber, RevealPhoneButton } from "@/components/clerk/applicant-phone";
import { ApplicationActions } from "@/components/clerk/application-actions";
import { ApplicationMaterials } from "@/components/clerk/application-materials";
import { CriteriaChecks } from "@/components/eligibility/criteria-checks";
import { QueueLight } from "@/components/clerk/queue-light";
import { StatusBadge } from "@/components/layout/status-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getClerkApplicationOrThrow, type WorkflowEventDetail } from "@/lib/applications/get-clerk-application";
import { requirePageUser } from "@/lib/auth/page";
import { isAppError } from "@/lib/errors";

export async function generateMetadata() {
  const t = await getTranslations("counter.detail");
  return { title: t("title") };
}

const fmt = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ") : "—";

const stepKey = (st: { kind: string; level?: number }) => (st.kind === "review" ? (st.level === 2 ? "review2" : "review1") : st.kind);

/** What a workflow event recorded, in words: the review opinion, how it was delivered, an escalation. */
function stepEventText(t: Awaited<ReturnType<typeof getTranslations<"counter">>>, step: WorkflowEventDetail): string | null {
  if (step.kind === "escalated") return t("stepEvent.escalated");
  if (step.kind === "review" && step.opinion) return t("stepEvent.review", { level: String(step.level ?? 1), opinion: step.opinion });
  if (step.kind === "deliver" && step.method) {
    const text = t("stepEvent.deliver", { method: step.method });
    return step.trackingNo ? `${text}（${t("stepEvent.tracking", { no: step.trackingNo })}）` : text;
  }
  return null;
}

export default async function ClerkApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("clerk", "reviewer", "approver");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const app = await getClerkApplicationOrThrow(db, actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, ts, te, locale, labels] = await Promise.all([
    getTranslations("counter"),
    getTranslations("status"),
    getTranslations("eligibility"),
    getLocale(),
    getLabeller(),
  ]);
  const en = locale === "en";
  const c = app.clock;
  const wf = app.workflow;
  const hasPhone = app.applicant.phoneMasked !== null || app.form.some((f) => f.phone);

  return (
    <div className="grid gap-6">
      <PageHeader
        title={`${en ? app.service.nameEn : app.service.nameZh}`}
        description={t("detail.number", { number: app.number })}
        actions={
          <>
            <StatusBadge status={app.status} />
            <QueueLight light={c.light} />
            <Link href="/counter/queue" className="text-sm text-primary underline-offset-4 hover:underline">
              {t("detail.backToQueue")}
            </Link>
          </>
        }
      />
      {app.flag ? (
        <Alert variant="destructive">
          <AlertDescription>{t("detail.flagged", { at: fmt(app.flag.at), reason: app.flag.reason ?? "—" })}</AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <ApplicantPhoneReveal className="grid min-w-0 gap-6">
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("detail.applicant")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="text-muted-foreground">{t("detail.name")}</dt>
                <dd>{app.applicant.name}</dd>
                <dt className="text-muted-foreground">{t("detail.idNumber")}</dt>
                <dd className="font-mono">{app.applicant.idMasked}</dd>
                <dt className="text-muted-foreground">{t("detail.phone")}</dt>
                <dd className="grid justify-items-start gap-2">
                  {app.applicant.phoneMasked ? <PhoneNumber masked={app.applicant.phoneMasked} /> : "—"}
                  {hasPhone ? <RevealPhoneButton applicationId={app.id} /> : null}
                </dd>
                <dt className="text-muted-foreground">{t("queue.channel")}</dt>
                <dd>{t(`channel.${app.channel as "online"}`)}</dd>
              </dl>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("detail.form")}</CardTitle>
            </CardHeader>
            <CardContent>
              {app.form.length === 0 ? (
                <p className="text-muted-foreground">{t("detail.noForm")}</p>
              ) : (
                <dl className="grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
                  {app.form.map((f) => (
                    <div key={f.name} className="contents">
                      <dt className="text-muted-foreground">{en ? f.labelEn : f.labelZh}</dt>
                      <dd className="break-words">
                        {f.phone ? <PhoneNumber masked={f.value} field={f.name} /> : f.valueLabel ? (en ? f.valueLabel.en : f.valueLabel.zh) : f.value}
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </CardContent>
          </Card>

          <ApplicationMaterials applicationId={app.id} materials={app.materials} />

          {app.criteria.length > 0 ? (
            <Card>
              <CardHeader>
                <CardTitle as="h2">{te("checks.title")}</CardTitle>
              </CardHeader>
              <CardContent className="grid gap-3">
                <p className="text-sm text-muted-foreground">{te("checks.intro", { version: te("checks.rule", { version: app.service.version }) })}</p>
                <CriteriaChecks checks={app.criteria} subjectName={app.criteriaSubjectName} applicantName={app.applicant.name} />
              </CardContent>
            </Card>
          ) : null}

          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("detail.timeline")}</CardTitle>
            </CardHeader>
            <CardContent>
              <ol className="grid gap-3 text-sm" aria-label={t("detail.timeline")}>
                {app.timeline.map((e) => (
                  <li key={e.id} className="border-l-2 border-border pl-3">
                    <p className="font-medium">
                      {e.step?.kind === "review" && e.step.opinion
                        ? t(`step.review${e.step.level === 2 ? 2 : 1}`)
                        : e.step?.kind === "escalated"
                          ? t("step.escalated")
                          : `${e.from ? `${ts(e.from)} → ` : ""}${ts(e.to)}`}
                    </p>
                    <p className="text-muted-foreground">
                      {fmt(e.at)} · {e.by ?? (e.role === "citizen" ? t("detail.byApplicant") : t("detail.bySystem"))}
                    </p>
                    {e.step?.kind === "decide" && e.to === "rejected" ? <p>{t("stepEvent.refused")}</p> : null}
                    {e.step ? <p>{stepEventText(t, e.step)}</p> : null}
                    {e.note ? <p>{labels.note(e.note)}</p> : null}
                  </li>
                ))}
              </ol>
            </CardContent>
          </Card>
        </ApplicantPhoneReveal>

        <div className="grid content-start gap-6">
          <ApplicationActions
            applicationId={app.id}
            version={app.version}
            allowed={wf.allowed}
            onTheSpot={app.service.onTheSpot}
            reviewLevel={wf.current?.kind === "review" ? wf.current.level : null}
            legalBasis={wf.current?.kind === "decide" ? (en ? wf.current.legalBasis.en : wf.current.legalBasis.zh) : null}
            deliveryMethods={wf.current?.kind === "deliver" ? wf.current.methods : []}
            heldBack={wf.heldBack}
            closed={app.status === "completed" || app.status === "rejected" || app.status === "withdrawn"}
            outputLicence={app.service.outputLicenceZh ? (en ? app.service.outputLicenceEn : app.service.outputLicenceZh) : null}
            materials={app.materials.flatMap((m) =>
              m.applicationMaterialId ? [{ id: m.applicationMaterialId, name: en ? m.nameEn : m.nameZh, requested: m.supplementRequested }] : [],
            )}
          />

          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("detail.workflow")}</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3 text-sm">
              <ol className="grid gap-1" aria-label={t("detail.workflow")}>
                {wf.steps.map((st, i) => (
                  <li
                    key={i}
                    aria-current={st.current ? "step" : undefined}
                    className={st.current ? "font-semibold text-primary" : st.done ? "text-muted-foreground" : ""}
                  >
                    {i + 1}. {t(`step.${stepKey(st)}`)}
                    {st.shareDays > 0 ? <span className="text-muted-foreground"> · {t("detail.stepDays", { days: st.shareDays })}</span> : null}
                    {st.current ? <span> · {t("detail.currentStep")}</span> : null}
                  </li>
                ))}
              </ol>
              {wf.stepDueOn ? (
                <p className="flex flex-wrap items-center gap-2">
                  <span className="text-muted-foreground">{t("detail.stepDueOn")}</span> {wf.stepDueOn} <QueueLight light={wf.stepLight} />
                </p>
              ) : null}
              {wf.escalatedAt ? (
                <p role="status" className="font-medium text-destructive">
                  {t("detail.escalated", { at: fmt(wf.escalatedAt) })}
                </p>
              ) : null}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("detail.clock")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
                <dt className="text-muted-foreground">{t("detail.serviceVersion")}</dt>
                <dd data-testid="service-version">
                  {t("detail.versionNumber", { version: app.service.version })}
                  {app.service.currentVersion !== app.service.version ? (
                    <span className="block text-muted-foreground">{t("detail.versionMoved", { current: app.service.currentVersion })}</span>
                  ) : null}
                </dd>
                <dt className="text-muted-foreground">{t("detail.submittedAt")}</dt>
                <dd>{fmt(c.submittedAt)}</dd>
                <dt className="text-muted-foreground">{t("detail.receivedAt")}</dt>
                <dd>{fmt(c.receivedAt)}</dd>
                <dt className="text-muted-foreground">{t("detail.acceptDueOn")}</dt>
                <dd>{c.acceptDueOn ?? "—"}</dd>
                <dt className="text-muted-foreground">{t("detail.acceptedAt")}</dt>
                <dd>
                  {fmt(c.acceptedAt)}
                  {c.deemedAccepted ? <span className="block text-warning-foreground">{t("detail.deemed")}</span> : null}
                </dd>
                <dt className="text-muted-foreground">{t("detail.dueOn")}</dt>
                <dd>{c.dueOn ?? "—"} {t("detail.limit", { days: app.service.promisedLimitDays })}</dd>
                <dt className="text-muted-foreground">{t("detail.legalDueOn")}</dt>
                <dd>{c.legalDueOn ?? "—"} {t("detail.limit", { days: app.service.legalLimitDays })}</dd>
                <dt className="text-muted-foreground">{t("detail.paused")}</dt>
                <dd>
                  {t("detail.pausedDays", { days: c.pausedWorkingDays })}
                  {c.clockPausedAt ? <span className="block">{t("detail.pausedSince", { at: fmt(c.clockPausedAt) })}</span> : null}
                </dd>
                <dt className="text-muted-foreground">{t("detail.completedAt")}</dt>
                <dd>{fmt(c.completedAt)}</dd>
              </dl>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("detail.hints")}</CardTitle>
            </CardHeader>
            <CardContent>
              {app.service.approvalHints.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("detail.noHints")}</p>
              ) : (
                <ul className="list-disc space-y-1 pl-5 text-sm">
                  {app.service.approvalHints.map((h, i) => (
                    <li key={i}>{en ? h.en : h.zh}</li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("detail.related")}</CardTitle>
            </CardHeader>
            <CardContent>
              {app.related.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("detail.noRelated")}</p>
              ) : (
                <ul className="grid gap-2 text-sm">
                  {app.related.map((r) => (
                    <li key={r.id}>
                      <Link href={`/counter/applications/${r.id}`} className="font-mono text-xs text-primary underline-offset-4 hover:underline">
                        {r.number}
                      </Link>{" "}
                      {en ? r.serviceNameEn : r.serviceNameZh} · {ts(r.status)}
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
