import { getLocale, getTranslations } from "next-intl/server";
import { ApplicationVerifyButton } from "@/components/clerk/application-verify-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ClerkMaterial } from "@/lib/applications/get-clerk-application";
import { getLabeller } from "@/lib/i18n/get-labeller";

const fmt = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

/** Each required material with where it came from; library licences in full with their checks. */
export async function ApplicationMaterials({ applicationId, materials }: { applicationId: string; materials: ClerkMaterial[] }) {
  const t = await getTranslations("counter.materials");
  const tl = await getTranslations("counter.licenceStatus");
  const en = (await getLocale()) === "en";
  const labels = await getLabeller();
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-4" aria-label={t("title")}>
          {materials.map((m) => (
            <li key={m.serviceMaterialId} className="grid gap-2 rounded-md border p-3" aria-label={en ? m.nameEn : m.nameZh}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{en ? m.nameEn : m.nameZh}</span>
                <Badge variant="outline">{m.source ? t(`source.${m.source}`) : t("missing")}</Badge>
                {m.required ? null : <Badge variant="secondary">{t("optional")}</Badge>}
                {m.supplementRequested ? <Badge variant="warning">{t("supplementRequested")}</Badge> : null}
                {m.verifiedAt ? <Badge variant="success">{t("verifiedAt", { at: fmt(m.verifiedAt) })}</Badge> : null}
              </div>
              {m.note ? <p className="text-sm text-muted-foreground">{labels.note(m.note)}</p> : null}
              {m.upload ? (
                <p className="text-sm">
                  <a
                    href={`/api/uploads/${m.upload.id}`}
                    target="_blank"
                    rel="noreferrer"
                    className="text-primary underline-offset-4 hover:underline"
                  >
                    {t("preview", { name: m.upload.fileName })}
                  </a>{" "}
                  <span className="text-muted-foreground">({Math.ceil(m.upload.sizeBytes / 1024)} KB)</span>
                </p>
              ) : null}
              {m.licence ? (
                <div className="grid gap-2 text-sm">
                  <dl className="grid gap-1 sm:grid-cols-[9rem_1fr]">
                    <dt className="text-muted-foreground">{t("licenceType")}</dt>
                    <dd>{en ? m.licence.typeEn : m.licence.typeZh}</dd>
                    <dt className="text-muted-foreground">{t("licenceNumber")}</dt>
                    <dd className="font-mono text-xs">{m.licence.licenceNumber}</dd>
                    <dt className="text-muted-foreground">{t("identifier")}</dt>
                    <dd className="font-mono text-xs break-all">{m.licence.identifier}</dd>
                    <dt className="text-muted-foreground">{t("holder")}</dt>
                    <dd>{m.licence.holderName}</dd>
                    <dt className="text-muted-foreground">{t("issuer")}</dt>
                    <dd>
                      {m.licence.issuerName} · {m.licence.issuedOn}
                    </dd>
                    <dt className="text-muted-foreground">{t("validity")}</dt>
                    <dd>
                      {m.licence.validFrom} – {m.licence.validUntil ?? t("noExpiry")}
                    </dd>
                    <dt className="text-muted-foreground">{t("status")}</dt>
                    <dd>
                      <Badge variant={m.licence.status === "valid" ? "success" : "destructive"}>{tl(m.licence.status)}</Badge>
                      {m.licence.statusReason ? <span className="ml-2 text-muted-foreground">{m.licence.statusReason}</span> : null}
                    </dd>
                    {m.licence.fields.map((f) => (
                      <div key={f.key} className="contents">
                        <dt className="text-muted-foreground">{labels.label("licenceField", f.key)}</dt>
                        <dd>{f.value}</dd>
                      </div>
                    ))}
                  </dl>
                  {m.applicationMaterialId ? (
                    <ApplicationVerifyButton applicationId={applicationId} materialId={m.applicationMaterialId} />
                  ) : null}
                  <div>
                    <p className="font-medium">{t("history")}</p>
                    {m.licence.verifications.length === 0 ? (
                      <p className="text-muted-foreground">{t("noHistory")}</p>
                    ) : (
                      <ul className="grid gap-1" aria-label={t("history")}>
                        {m.licence.verifications.map((v, i) => (
                          <li key={i}>
                            {fmt(v.at)} · {v.by} · {t(`method.${v.method as "signature"}`)} ·{" "}
                            <span className={v.result === "valid" ? "text-success" : "text-destructive"}>{tl(v.result as "valid")}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
