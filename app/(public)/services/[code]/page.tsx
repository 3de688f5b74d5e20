import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { LimitBadge } from "@/components/services/service-results";
import { GuideCentres, GuideMaterialsTable, GuideWorkflow, ServiceFacts } from "@/components/services/service-guide";
import { ResidentMaterials } from "@/components/services/resident-materials";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { checkMaterialsForResident, getServiceGuideOrThrow, type ServiceGuide } from "@/lib/services/get-service-guide";

export const dynamic = "force-dynamic";

/** One read per request, shared by the metadata and the page. */
const guideFor = cache(async (code: string) => getServiceGuideOrThrow(await getDb(), code));

async function loadGuide(code: string): Promise<ServiceGuide> {
  try {
    return await guideFor(code);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const { code } = await params;
  const locale = await getLocale();
  try {
    const guide = await guideFor(code);
    return { title: locale === "en" ? guide.nameEn : guide.nameZh };
  } catch {
    return {};
  }
}

/** The public service guide (办事指南); a signed-in citizen also sees the materials checked for them. */
export default async function ServiceGuidePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const [guide, actor, t, locale] = await Promise.all([loadGuide(code), getCurrentUser(), getTranslations("catalogue"), getLocale()]);
  const en = locale === "en";
  const isCitizen = actor?.role === "citizen" && actor.personId !== null;
  const suspended = guide.suspendedNotice;
  const residentCheck = isCitizen && !suspended ? await checkMaterialsForResident(await getDb(), actor, { serviceCode: guide.code }) : null;
  const action = suspended ? null : isCitizen ? (
    <Button asChild size="lg">
      <Link href={`/my/apply/${guide.code}`}>{t("guide.applyOnline")}</Link>
    </Button>
  ) : actor ? null : (
    <Button asChild size="lg">
      <Link href="/sign-in">{t("guide.signInToApply")}</Link>
    </Button>
  );
  return (
    <div className="grid gap-6">
      <Link href="/services" className="text-sm text-primary hover:underline">
        ← {t("guide.back")}
      </Link>
      <PageHeader
        title={en ? guide.nameEn : guide.nameZh}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {en ? guide.departmentEn : guide.departmentZh}
            <LimitBadge onTheSpot={guide.onTheSpot} promisedLimitDays={guide.promisedLimitDays} />
          </span>
        }
        actions={action}
      />
      {suspended ? (
        <Alert variant="warning" role="status">
          <p className="font-semibold">{t("guide.suspended")}</p>
          <p>{en ? suspended.en : suspended.zh}</p>
        </Alert>
      ) : null}
      <p className="max-w-3xl text-muted-foreground">{en ? guide.descriptionEn : guide.descriptionZh}</p>
      {actor && !isCitizen ? <p className="text-sm text-muted-foreground">{t("guide.staffNote")}</p> : null}
      <ServiceFacts guide={guide} />
      <GuideWorkflow guide={guide} />
      {residentCheck ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("resident.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ResidentMaterials check={residentCheck} />
          </CardContent>
        </Card>
      ) : null}
      {residentCheck?.status !== "ready" ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("guide.materials")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3">
            {residentCheck ? null : <p className="text-sm text-muted-foreground">{t("guide.materialsPublic")}</p>}
            <GuideMaterialsTable guide={guide} />
          </CardContent>
        </Card>
      ) : null}
      <GuideCentres guide={guide} />
    </div>
  );
}
