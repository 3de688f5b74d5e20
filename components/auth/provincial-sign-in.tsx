import { getTranslations } from "next-intl/server";
import { provincialSignInAction } from "@/app/(public)/sign-in/provincial-actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const REFUSALS = ["no_id_number", "unverified", "invalid_id_number", "not_in_register", "inactive"] as const;
type Refusal = (typeof REFUSALS)[number];
const isRefusal = (v: unknown): v is Refusal => typeof v === "string" && (REFUSALS as readonly string[]).includes(v);

/**
 * The provincial identity button (shown only when it is configured) and, after a round trip
 * that did not end signed in, why: a refusal from the register match, or a failed exchange.
 */
export async function ProvincialSignIn({ configured, refusal, failed }: { configured: boolean; refusal?: string; failed: boolean }) {
  const t = await getTranslations("provincialSignIn");
  const message = isRefusal(refusal) ? t(`refused.${refusal}`) : failed ? t("failed") : null;
  if (!configured && !message) return null;
  return (
    <div className="grid gap-3">
      {message ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
      {configured ? (
        <form action={provincialSignInAction} className="grid gap-2">
          <Button type="submit" size="lg" className="h-auto min-h-11 whitespace-normal py-2">
            {t("button")}
          </Button>
          <p className="text-sm text-muted-foreground">{t("hint")}</p>
          <p className="text-center text-sm text-muted-foreground" aria-hidden>
            {t("or")}
          </p>
        </form>
      ) : null}
    </div>
  );
}
