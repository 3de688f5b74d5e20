import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ServiceGuide } from "@/lib/services/get-service-guide";

/** Who may apply, time limits, on-the-spot, visit and fee: the guide's key facts. */
export async function ServiceFacts({ guide }: { guide: ServiceGuide }) {
  const [t, tl, locale] = await Promise.all([getTranslations("catalogue"), getTranslations("landing"), getLocale()]);
  const en = locale === "en";
  const facts: [string, React.ReactNode][] = [
    [t("guide.department"), en ? guide.departmentEn : guide.departmentZh],
    [t("guide.theme"), tl(`themes.${guide.theme}`)],
    [t("guide.whoMayApply"), en ? guide.whoMayApplyEn : guide.whoMayApplyZh],
    [t("guide.legalLimit"), t("guide.days", { days: guide.legalLimitDays })],
    [t("guide.promisedLimit"), guide.onTheSpot ? t("guide.onTheSpot") : t("guide.days", { days: guide.promisedLimitDays })],
    [t("guide.visit"), guide.requiresVisit ? t("guide.visitYes") : t("guide.visitNo")],
    [t("guide.fee"), guide.feeYuan === 0 ? t("guide.free") : t("guide.feeYuan", { fee: guide.feeYuan })],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("guide.facts")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-medium text-muted-foreground">{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

/** The plain materials list, in the catalogue's order, as anyone may read it. */
export async function GuideMaterialsTable({ guide }: { guide: ServiceGuide }) {
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getLocale()]);
  const en = locale === "en";
  return (
    <Table aria-label={t("guide.materials")}>
      <TableHeader>
        <TableRow>
          <TableHead className="w-10">#</TableHead>
          <TableHead>{t("guide.material")}</TableHead>
          <TableHead>{t("guide.kind")}</TableHead>
          <TableHead>{t("guide.requiredCol")}</TableHead>
          <TableHead>{t("guide.notes")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {guide.materials.map((m) => {
          const type = en ? m.licenceTypeEn : m.licenceTypeZh;
          const notes = en ? m.notesEn : m.notesZh;
          return (
            <TableRow key={m.id}>
              <TableCell>{m.position}</TableCell>
              <TableCell className="font-medium">{en ? m.nameEn : m.nameZh}</TableCell>
              <TableCell>
                {t(`guide.kinds.${m.kind}`)}
                {m.kind === "licence" && type ? (
                  <span className="block text-xs text-muted-foreground">{t("guide.fromLibrary", { type })}</span>
                ) : null}
              </TableCell>
              <TableCell>
                <Badge variant={m.required ? "default" : "outline"}>{m.required ? t("guide.required") : t("guide.optional")}</Badge>
              </TableCell>
              <TableCell className="text-muted-foreground">{notes ?? ""}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Where the service can be done: the centres whose comprehensive window accepts it. */
export async function GuideCentres({ guide }: { guide: ServiceGuide }) {
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getLocale()]);
  const en = locale === "en";
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("guide.centres")}</CardTitle>
      </CardHeader>
      <CardContent>
        {guide.centres.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("guide.centresNone")}</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2" aria-label={t("guide.centres")}>
            {guide.centres.map((c) => (
              <li key={c.code} className="grid gap-1 rounded-md border p-3 text-sm">
                <span className="font-medium">{en ? c.nameEn : c.nameZh}</span>
                <span>
                  {t("guide.address")}：{en ? c.addressEn : c.addressZh}
                </span>
                <span className="text-muted-foreground">
                  {t("guide.hours")}：{en ? c.hoursEn : c.hoursZh}
                </span>
                <span className="text-muted-foreground">
                  {t("guide.phone")}：<a href={`tel:${c.phone}`}>{c.phone}</a>
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

/** 办理流程: the service's steps in the resident's words — where it is received, who decides, how the result comes. */
export async function GuideWorkflow({ guide }: { guide: ServiceGuide }) {
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getLocale()]);
  const en = locale === "en";
  const department = en ? guide.departmentEn : guide.departmentZh;
  const line = (step: ServiceGuide["workflow"]["steps"][number]): string => {
    switch (step.kind) {
      case "accept":
        return guide.onTheSpot ? t("workflow.acceptOnTheSpot") : t(step.at === "centre" ? "workflow.acceptCentre" : "workflow.acceptDepartment", { department });
      case "check":
        return t("workflow.check");
      case "review":
        return t(step.level === 2 ? "workflow.review2" : "workflow.review1", { department });
      case "decide":
        return t("workflow.decide", { department, basis: en ? step.legalBasis.en : step.legalBasis.zh });
      case "deliver":
        return t("workflow.deliver", { methods: step.methods.map((m) => t(`workflow.methods.${m}`)).join(t("workflow.or")) });
    }
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("workflow.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <ol className="grid list-decimal gap-2 pl-5 text-sm" aria-label={t("workflow.title")}>
          {guide.workflow.steps.map((step, i) => (
            <li key={i}>
              {line(step)}
              {step.kind !== "check" && step.shareDays > 0 ? (
                <span className="text-muted-foreground"> · {t("guide.days", { days: step.shareDays })}</span>
              ) : null}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
