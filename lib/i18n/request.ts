import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { namespaces } from "./namespaces";

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    namespaces.map(async (ns) => {
      const file = (await import(`./messages/${locale}/${ns}.json`)) as { default: unknown };
      return [ns, file.default] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Chinese first; English when the visitor chose it. No locale in the URL: links stay shareable. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : defaultLocale;
  return { locale, messages: await loadMessages(locale), timeZone: "Asia/Shanghai" };
});
