import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { SessionKeepAlive } from "@/components/layout/session-keep-alive";
import { SiteHeader } from "@/components/layout/site-header";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { getUiMode } from "@/lib/preferences/get-ui-mode";
import { UI_MODE_COOKIE, uiModeFromCookie } from "@/lib/preferences/ui-mode";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: { default: t("brand"), template: `%s · ${t("brand")}` } };
}

/**
 * No NextIntlClientProvider here: importing one at the root puts next-intl's client runtime in
 * every page's first load. The folders whose client components translate have their own
 * (lib/i18n/client-messages.ts).
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, actor, cookieStore] = await Promise.all([getLocale(), getCurrentUser(), cookies()]);
  const mode = await getUiMode(await getDb(), actor, uiModeFromCookie(cookieStore.get(UI_MODE_COOKIE)?.value));
  const t = await getTranslations("nav");
  return (
    <html lang={locale} data-mode={mode}>
      <body className="min-h-screen bg-muted/40 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          {t("skipToContent")}
        </a>
        <SiteHeader user={actor ? { displayName: actor.displayName, role: actor.role } : null} mode={mode} />
        {/* 长辈版: a form left open for hours must not lose its session (see session-keep-alive). */}
        {mode === "elderly" && actor ? <SessionKeepAlive /> : null}
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
