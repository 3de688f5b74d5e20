import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientNamespaces, pickMessages, type ClientArea } from "@/lib/i18n/client-messages";

/**
 * Gives the client components below it the messages of their area of the site, and no others
 * (lib/i18n/client-messages.ts). Locale and time zone come from the request as before.
 */
export async function ClientMessages({ area, children }: { area: ClientArea; children: React.ReactNode }) {
  // No provider, and so no message runtime in the browser, where nothing needs one.
  if (clientNamespaces[area].length === 0) return children;
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, clientNamespaces[area])}>{children}</NextIntlClientProvider>;
}
