import { getLocale, getTranslations } from "next-intl/server";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { MaterialCheck } from "@/lib/applications/resolve-materials";

const badge: Record<MaterialCheck["outcome"], BadgeVariant> = {
  library: "success",
  expiring: "warning",
  unusable: "destructive",
  missing: "outline",
  awaiting: "success",
  upload: "outline",
  form: "secondary",
};

/** Each required material and what the library does for it, in the resident's words. */
export async function MaterialChecklist({ materials }: { materials: MaterialCheck[] }) {
  const [t, locale] = await Promise.all([getTranslations("apply"), getLocale()]);
  const en = locale === "en";
  const fromLibrary = materials.filter((m) => m.outcome === "library");
  return (
    <div className="grid gap-4">
      <p className="text-sm">
        {t("materials.summary", { library: fromLibrary.length, total: materials.length })}
      </p>
      <ul className="grid gap-3" aria-label={t("materials.title")}>
        {materials.map((m) => (
          <li key={m.materialId} className="rounded-md border p-3 text-sm" data-outcome={m.outcome}>
            <div className="flex items-start justify-between gap-2">
              <span className="font-medium">
                {en ? m.nameEn : m.nameZh}
                {!m.required ? <span className="ml-1 text-muted-foreground">{t("materials.optional")}</span> : null}
              </span>
              <Badge variant={badge[m.outcome]}>{t(`materials.outcome.${m.outcome}`)}</Badge>
            </div>
            {m.licence ? (
              <p className="mt-1 text-muted-foreground">
                {t(m.outcome === "unusable" ? `materials.detail.${m.unusableReason ?? "expired"}` : `materials.detail.${m.outcome}`, {
                  licence: en ? m.licence.typeNameEn : m.licence.typeNameZh,
                  holder: m.licence.holderName,
                  issuer: m.licence.issuerName,
                  validUntil: m.licence.validUntil ?? t("materials.indefinite"),
                })}
              </p>
            ) : m.outcome === "awaiting" && m.awaiting ? (
              <p className="mt-1 text-muted-foreground">
                {t("materials.detail.awaiting", { service: en ? m.awaiting.nameEn : m.awaiting.nameZh, number: m.awaiting.number })}
              </p>
            ) : m.outcome === "missing" ? (
              <p className="mt-1 text-muted-foreground">{t("materials.detail.missing")}</p>
            ) : m.outcome === "upload" ? (
              <p className="mt-1 text-muted-foreground">{t("materials.detail.upload")}</p>
            ) : null}
            {(en ? m.notesEn : m.notesZh) ? <p className="mt-1 text-xs text-muted-foreground">{en ? m.notesEn : m.notesZh}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
