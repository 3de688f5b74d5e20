import { ClientMessages } from "@/components/i18n/client-messages";

/** This part's client components get their messages here, and only here (lib/i18n/client-messages.ts). */
export default function VerifyLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="public">{children}</ClientMessages>;
}
