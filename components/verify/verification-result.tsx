import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export type ShownVerification =
  | { result: "invalid"; checkedOn: string; reason?: "not_pdf" | "no_seal" | "bad_signature" | "unknown" }
  | {
      result: "valid" | "expired" | "revoked" | "superseded";
      checkedOn: string;
      typeNameZh: string;
      typeNameEn: string;
      holderName: string;
      issuerName: string;
      validUntil: string | null;
    };

const variants = { valid: "success", expired: "destructive", revoked: "destructive", superseded: "warning", invalid: "destructive" } as const;

/** One verification's answer, for a scanned QR code (server) and an uploaded file (client) alike. */
export function VerificationResult({ v, heading }: { v: ShownVerification; heading?: string }) {
  const t = useTranslations("library.verify");
  const tf = useTranslations("licenceFile.verify");
  const format = useFormatter();
  const en = useLocale() === "en";
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00+08:00`), { dateStyle: "long" });
  const explanation = v.result === "invalid" && v.reason ? tf(`explainInvalid.${v.reason}`) : t(`explain.${v.result}`);
  return (
    <div className="grid gap-4">
      <Alert variant={variants[v.result]} role="status" data-result={v.result}>
        <AlertTitle className="text-xl">
          {heading ? <span className="block text-sm font-normal">{heading}</span> : null}
          {t(`result.${v.result}`)}
        </AlertTitle>
        <AlertDescription>{explanation}</AlertDescription>
      </Alert>
      {v.result !== "invalid" ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2" className="text-lg">
              {en ? v.typeNameEn : v.typeNameZh}
            </CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="text-muted-foreground">{t("type")}</dt>
              <dd>{en ? v.typeNameEn : v.typeNameZh}</dd>
              <dt className="text-muted-foreground">{t("holder")}</dt>
              <dd>{v.holderName}</dd>
              <dt className="text-muted-foreground">{t("issuer")}</dt>
              <dd>{v.issuerName}</dd>
              <dt className="text-muted-foreground">{t("validUntil")}</dt>
              <dd>{v.validUntil ? day(v.validUntil) : t("noEnd")}</dd>
            </dl>
          </CardContent>
        </Card>
      ) : null}
      <p className="text-sm text-muted-foreground">
        {t("checkedOn", { date: day(v.checkedOn) })} · {t("privacy")}
      </p>
    </div>
  );
}
