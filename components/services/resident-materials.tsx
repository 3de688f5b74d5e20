import { getLocale, getTranslations } from "next-intl/server";
import { MaterialChecklist } from "@/components/citizen/material-checklist";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { MaterialCheck } from "@/lib/applications/resolve-materials";
import type { ResidentMaterialCheck } from "@/lib/services/get-service-guide";

const mustProvide: MaterialCheck["outcome"][] = ["missing", "upload"];
const mustRenew: MaterialCheck["outcome"][] = ["expiring", "unusable"];

/**
 * The guide's materials marked for the signed-in resident: a plain-words summary of what the
 * library already holds for them and what they must bring, then the shared checklist.
 */
export async function ResidentMaterials({ check }: { check: ResidentMaterialCheck }) {
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getLocale()]);
  const en = locale === "en";
  if (check.status === "chooseChild") {
    return (
      <Alert variant="warning">
        <AlertDescription>{t("resident.chooseChild", { count: check.childCount })}</AlertDescription>
      </Alert>
    );
  }
  if (check.status === "noChild") {
    return (
      <Alert variant="warning">
        <AlertDescription>{t("resident.noChild")}</AlertDescription>
      </Alert>
    );
  }
  const name = (m: MaterialCheck) => (en ? m.nameEn : m.nameZh);
  const sep = en ? ", " : "、";
  const noNeed = check.materials.filter((m) => m.outcome === "library");
  // Optional materials the resident lacks are left to the checklist; anything to renew is named.
  const bring = check.materials.filter(
    (m) => (m.required && mustProvide.includes(m.outcome)) || mustRenew.includes(m.outcome),
  );
  return (
    <div className="grid gap-4">
      <div className="grid gap-2 text-sm" data-testid="resident-summary">
        {check.childName ? <p>{t("resident.forChild", { name: check.childName })}</p> : null}
        <p className="font-medium">
          {noNeed.length > 0 ? t("resident.noNeed", { list: noNeed.map(name).join(sep) }) : t("resident.noNeedNone")}
        </p>
        <p>{bring.length > 0 ? t("resident.bring", { list: bring.map(name).join(sep) }) : t("resident.bringNone")}</p>
        <p className="text-muted-foreground">{t("resident.completeBy", { date: check.completeBy })}</p>
      </div>
      <MaterialChecklist materials={check.materials} />
    </div>
  );
}
