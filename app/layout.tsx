import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser } from "@/lib/auth/session";
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
  const [locale, actor] = await Promise.all([getLocale(), getCurrentUser()]);
  const t = await getTranslations("nav");
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-muted/40 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          {t("skipToContent")}
        </a>
        <SiteHeader user={actor ? { displayName: actor.displayName, role: actor.role } : null} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
