import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(public)/sign-out/actions";
import { Button } from "@/components/ui/button";
import type { Role } from "@/db/schema/enums";
import type { UiMode } from "@/lib/preferences/ui-mode";
import { LocaleSwitch } from "./locale-switch";
import { ModeSwitch } from "./mode-switch";

export type HeaderUser = { displayName: string; role: Role } | null;

const navByRole: Record<Role, { href: string; key: string }[]> = {
  citizen: [
    { href: "/my", key: "myHome" },
    { href: "/my/applications", key: "myApplications" },
    { href: "/my/licences", key: "myLicences" },
    { href: "/my/appointments", key: "myAppointments" },
    { href: "/my/security", key: "mySecurity" },
  ],
  clerk: [
    { href: "/counter", key: "counter" },
    { href: "/counter/queue", key: "counterQueue" },
    { href: "/counter/lookup", key: "counterLookup" },
    { href: "/counter/intake", key: "counterIntake" },
    { href: "/counter/corrections", key: "counterCorrections" },
  ],
  reviewer: [
    { href: "/counter", key: "backOfficeReview" },
    { href: "/counter/queue", key: "counterQueue" },
  ],
  approver: [
    { href: "/counter", key: "backOfficeDecide" },
    { href: "/counter/queue", key: "counterQueue" },
  ],
  supervisor: [
    { href: "/supervisor", key: "supervisor" },
    { href: "/supervisor/dashboard", key: "supervisorDashboard" },
    { href: "/supervisor/proactive", key: "supervisorProactive" },
    { href: "/supervisor/follow-ups", key: "supervisorFollowUps" },
  ],
  catalogue_manager: [{ href: "/admin/services", key: "catalogueAdmin" }],
  admin: [
    { href: "/admin", key: "admin" },
    { href: "/admin/services", key: "catalogueAdmin" },
    { href: "/admin/api-keys", key: "adminApiKeys" },
  ],
};

/** The portal's header: brand, the signed-in role's navigation, 长辈版, language and sign-out. */
export async function SiteHeader({ user, mode = "normal" }: { user: HeaderUser; mode?: UiMode }) {
  const [t, tMode, locale] = await Promise.all([getTranslations("nav"), getTranslations("elderly"), getLocale()]);
  return (
    <header className="border-b bg-primary text-primary-foreground">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-wide">
          {t("brand")}
        </Link>
        <nav aria-label={t("main")} className="flex flex-1 items-center gap-3 text-sm">
          <Link href="/services" className="hover:underline">
            {t("services")}
          </Link>
          {user
            ? navByRole[user.role].map((item) => (
                <Link key={item.href} href={item.href} className="hover:underline">
                  {t(item.key)}
                </Link>
              ))
            : null}
        </nav>
        <div className="flex items-center gap-2 text-sm">
          <ModeSwitch mode={mode} label={tMode("switch")} />
          <LocaleSwitch next={locale === "en" ? "zh-CN" : "en"} label={t("switchLanguage")} />
          {user ? (
            <>
              <span aria-label={t("signedInAs")}>
                {user.displayName} · {t(`role.${user.role}`)}
              </span>
              <form action={signOutAction}>
                <Button type="submit" variant="secondary" size="sm">
                  {t("signOut")}
                </Button>
              </form>
            </>
          ) : (
            <Button asChild variant="secondary" size="sm">
              <Link href="/sign-in">{t("signIn")}</Link>
            </Button>
          )}
        </div>
      </div>
    </header>
  );
}
