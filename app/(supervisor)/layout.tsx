import { ClientMessages } from "@/components/i18n/client-messages";

/** Only the messages this part's client components use reach the browser (lib/i18n/client-messages.ts). */
export default function SupervisorLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="supervisor">{children}</ClientMessages>;
}
