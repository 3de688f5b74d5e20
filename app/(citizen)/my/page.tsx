import { cookies } from "next/headers";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { markAllNotificationsReadAction } from "@/app/(citizen)/my/actions";
import { ElderlyHome } from "@/components/citizen/elderly-home";
import { ModeSwitch } from "@/components/layout/mode-switch";
import { Recommendations } from "@/components/citizen/recommendations";
import { MyApplicationsTable } from "@/components/citizen/my-applications-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { draftHref, listMyDrafts } from "@/lib/applications/drafts";
import { listMyApplicationsPage } from "@/lib/applications/list-my-applications-page";
import { requirePageUser } from "@/lib/auth/page";
import { recommendServicesForResident } from "@/lib/eligibility/recommend-services-for-resident";
import { listMyNotifications } from "@/lib/notifications/list-my-notifications";
import { getMyProfile } from "@/lib/persons/get-my-profile";
import { elderlyHomeServices } from "@/lib/preferences/elderly-home-services";
import { getUiMode } from "@/lib/preferences/get-ui-mode";
import { UI_MODE_COOKIE, uiModeFromCookie } from "@/lib/preferences/ui-mode";

export async function generateMetadata() {
  const t = await getTranslations("citizenHome");
  return { title: t("title") };
}

export default async function CitizenHomePage() {
  const actor = await requirePageUser("citizen");
  const db = await getDb();
  // 长辈版: the five services most likely needed, the hotline, and nothing else.
  if ((await getUiMode(db, actor, uiModeFromCookie((await cookies()).get(UI_MODE_COOKIE)?.value))) === "elderly") {
    const [profile, services, locale] = await Promise.all([getMyProfile(db, actor), elderlyHomeServices(db, actor), getLocale()]);
    return <ElderlyHome name={profile.name} services={services.map((s) => ({ href: s.href, name: locale === "en" ? s.nameEn : s.nameZh, forName: s.forName }))} />;
  }
  const [t, tn, tAll, format, profile, applications, notices, recommendations, drafts] = await Promise.all([
    getTranslations("citizenHome"),
    getTranslations("notifications"),
    getTranslations(),
    getFormatter(),
    getMyProfile(db, actor),
    listMyApplicationsPage(db, actor, {}, 5).then((p) => p.rows),
    listMyNotifications(db, actor),
    recommendServicesForResident(db, actor),
    listMyDrafts(db, actor, { limit: 5 }),
  ]);
  const en = (await getLocale()) === "en";
  const [th, td, tc, te] = await Promise.all([getTranslations("track.home"), getTranslations("drafts.home"), getTranslations("corrections.mine"), getTranslations("elderly")]);
  // Notices of other features carry a full key into their own namespace (e.g. "corrections.notice.corrected").
  const notice = (key: string, params: Record<string, string | number>) =>
    tn.has(key) ? tn(key, params) : tAll.has(key) ? tAll(key, params) : key;
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("greeting", { name: profile.name })}
        description={t("idLine", { id: profile.maskedIdNumber })}
        actions={
          <div className="grid max-w-xs gap-1 text-sm">
            <ModeSwitch mode="normal" variant="panel" label={te("turnOn")} />
            <span className="text-muted-foreground">{te("profileDescription")}</span>
          </div>
        }
      />
      <Recommendations items={recommendations} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader className="flex flex-row items-center justify-between gap-2">
            <CardTitle as="h2">{t("myApplications")}</CardTitle>
            <Link href="/my/applications" className="text-sm text-primary underline-offset-4 hover:underline">
              {th("viewAll")}
            </Link>
          </CardHeader>
          <CardContent>
            {applications.length === 0 ? (
              <p className="text-muted-foreground">{t("noApplications")}</p>
            ) : (
              <MyApplicationsTable rows={applications} />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2" className="flex items-center gap-2">
              {t("notifications")}
              {notices.unread > 0 ? <Badge>{t("unread", { count: notices.unread })}</Badge> : null}
            </CardTitle>
            {notices.unread > 0 ? (
              <form action={markAllNotificationsReadAction}>
                <Button type="submit" variant="link" size="sm" className="h-auto px-0">
                  {th("markAllRead")}
                </Button>
              </form>
            ) : null}
          </CardHeader>
          <CardContent>
            {notices.items.length === 0 ? (
              <p className="text-muted-foreground">{t("noNotifications")}</p>
            ) : (
              <ul className="grid gap-3 text-sm">
                {notices.items.map((n) => (
                  <li key={n.id} className={n.read ? "text-muted-foreground" : "font-medium"}>
                    {notice(n.messageKey, n.params)}
                    <span className="block text-xs text-muted-foreground">
                      {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader className="flex flex-row items-center justify-between gap-2">
          <CardTitle as="h2">{td("title")}</CardTitle>
          <Link href="/my/corrections" className="text-sm text-primary underline-offset-4 hover:underline">
            {tc("link")}
          </Link>
        </CardHeader>
        <CardContent>
          {drafts.length === 0 ? (
            <p className="text-muted-foreground">{td("none")}</p>
          ) : (
            <ul className="grid gap-2 text-sm" aria-label={td("title")}>
              {drafts.map((d) => (
                <li key={`${d.kind}:${d.code}`} className="flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2">
                  <span>
                    {d.kind === "bundle" ? <Badge variant="secondary" className="mr-2">{td("bundle")}</Badge> : null}
                    <span className="font-medium">{en ? d.nameEn : d.nameZh}</span>
                    <span className="ml-2 text-xs text-muted-foreground">
                      {td("updated", { time: format.dateTime(new Date(d.updatedAt), { dateStyle: "medium", timeStyle: "short" }) })}
                    </span>
                  </span>
                  <Link href={draftHref(d)} className="text-primary underline-offset-4 hover:underline">
                    {td("continue")}
                    <span className="sr-only">：{en ? d.nameEn : d.nameZh}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
