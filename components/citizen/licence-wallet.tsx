import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { MyLicence } from "@/lib/licences/list-my-licences";
import { LicenceQr } from "./licence-qr";

type WalletBadge = "valid" | "expiringSoon" | "expired" | "revoked" | "superseded";

const badgeVariants: Record<WalletBadge, BadgeVariant> = {
  valid: "success",
  expiringSoon: "warning",
  expired: "destructive",
  revoked: "destructive",
  superseded: "outline",
};

const badgeOf = (l: MyLicence): WalletBadge => (l.expiringSoon ? "expiringSoon" : l.status);

/**
 * The resident's licences as cards: status, validity, issuer, what to renew, and for a licence in
 * force its QR code (亮证). `verifyCodes` maps licence id → signed code; `origin` builds the link.
 */
export async function LicenceWallet({
  licences,
  verifyCodes = {},
  origin = "",
}: {
  licences: MyLicence[];
  verifyCodes?: Record<string, string>;
  origin?: string;
}) {
  const [t, tf, format, locale] = await Promise.all([getTranslations("wallet"), getTranslations("licenceFile.wallet"), getFormatter(), getLocale()]);
  const en = locale === "en";
  // ISO days are China dates; pin them to China midnight so no viewer's zone shifts the day.
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00+08:00`), { dateStyle: "long" });

  if (licences.length === 0) {
    return <p className="text-muted-foreground">{t("empty")}</p>;
  }
  const toRenew = licences.filter((l) => l.renewHint).length;
  return (
    <div className="grid gap-4">
      {toRenew > 0 ? (
        <Alert variant="warning" role="status">
          <AlertDescription>{t("renewSummary", { count: toRenew })}</AlertDescription>
        </Alert>
      ) : null}
      <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {licences.map((l) => {
          const badge = badgeOf(l);
          const muted = l.status === "superseded";
          return (
            <li key={l.id} className="flex">
              {/* A superseded licence is history: set apart by a dashed border and a tint, not by fading its text below AA contrast. */}
              <Card className={muted ? "flex w-full flex-col border-dashed bg-muted/40" : "flex w-full flex-col"}>
                <CardHeader className="flex-row items-start justify-between gap-3 pb-3">
                  <CardTitle as="h3" className="text-base">
                    {en ? l.typeNameEn : l.typeNameZh}
                  </CardTitle>
                  <Badge variant={badgeVariants[badge]}>{t(`status.${badge}`)}</Badge>
                </CardHeader>
                <CardContent className="grid flex-1 content-start gap-3 text-sm">
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
                    <dt className="text-muted-foreground">{t("licenceNumber")}</dt>
                    <dd className="break-all font-mono text-xs leading-5">{l.licenceNumber}</dd>
                    <dt className="text-muted-foreground">{t("issuer")}</dt>
                    <dd>{l.issuerName}</dd>
                    <dt className="text-muted-foreground">{t("issuedOn")}</dt>
                    <dd>{day(l.issuedOn)}</dd>
                    <dt className="text-muted-foreground">{t("validity")}</dt>
                    <dd>
                      {l.validUntil
                        ? t("validRange", { from: day(l.validFrom), until: day(l.validUntil) })
                        : t("validOpen", { from: day(l.validFrom) })}
                      {l.daysLeft !== null && l.expiringSoon ? (
                        <span className="block text-xs font-medium">
                          {l.daysLeft === 0 ? t("lastDay") : t("daysLeft", { days: l.daysLeft })}
                        </span>
                      ) : null}
                    </dd>
                  </dl>
                  {l.statusReason ? (
                    <p className="text-muted-foreground">
                      {t(l.status === "revoked" ? "revokedReason" : "supersededReason", { reason: l.statusReason })}
                    </p>
                  ) : null}
                  {l.status === "superseded" ? <p className="text-muted-foreground">{t("supersededNote")}</p> : null}
                  {l.renewHint ? (
                    <Alert variant={l.status === "valid" ? "warning" : "destructive"} role="note">
                      <AlertDescription>
                        {l.status === "expired"
                          ? t("renew.expired")
                          : l.status === "revoked"
                            ? t("renew.revoked")
                            : t("renew.expiringSoon", { date: day(l.validUntil ?? l.validFrom) })}
                      </AlertDescription>
                    </Alert>
                  ) : null}
                  {l.status === "valid" ? (
                    <div className="grid gap-1">
                      <a
                        href={`/my/licences/${l.id}/file`}
                        download
                        className="inline-flex min-h-10 items-center justify-center rounded-md border border-primary px-3 py-2 text-sm font-medium text-primary hover:bg-primary/5 focus-visible:outline-2 focus-visible:outline-offset-2"
                        aria-describedby={`licence-file-hint-${l.id}`}
                      >
                        {tf("download")}
                      </a>
                      <p id={`licence-file-hint-${l.id}`} className="text-xs text-muted-foreground">
                        {tf("downloadHint")}
                      </p>
                    </div>
                  ) : null}
                  {l.status === "valid" && verifyCodes[l.id] ? (
                    <LicenceQr
                      url={`${origin}/verify?c=${encodeURIComponent(verifyCodes[l.id]!)}`}
                      typeName={en ? l.typeNameEn : l.typeNameZh}
                    />
                  ) : null}
                </CardContent>
              </Card>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
