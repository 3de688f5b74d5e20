import { phraseRenderer } from "@/components/eligibility/reason-text";
import { Badge } from "@/components/ui/badge";
import type { CriterionCheck } from "@/lib/eligibility/check-criteria";

/**
 * The clerk's 申请条件核对: each condition of the service's rule with its result and what the
 * register says, in words; the conditions of an "any of" group under one heading.
 */
export async function CriteriaChecks({ checks, subjectName, applicantName }: { checks: CriterionCheck[]; subjectName: string; applicantName: string }) {
  const { sentence, t } = await phraseRenderer({ subjectName, forSelf: false, applicantName });
  return (
    <ul className="grid gap-3 text-sm" aria-label={t("checks.title")}>
      {checks.map((c, i) => {
        const opensGroup = c.group !== null && c.group !== (checks[i - 1]?.group ?? null);
        return (
          <li key={i} className={`grid gap-1 ${c.group !== null ? "border-l-2 border-border pl-3" : ""}`} data-result={c.result}>
            {opensGroup ? <span className="text-xs font-medium text-muted-foreground">{t("checks.anyOf")}</span> : null}
            <span className="flex flex-wrap items-center gap-2">
              <Badge variant={c.result === "pass" ? "success" : c.result === "fail" ? "destructive" : "secondary"}>{t(`checks.${c.result}`)}</Badge>
              <span className="font-medium">
                {sentence(c.title)}
                {c.negated ? t("checks.negated") : null}
              </span>
            </span>
            <span className="text-muted-foreground">{c.detail ? sentence(c.detail) : t("checks.missing")}</span>
          </li>
        );
      })}
    </ul>
  );
}
