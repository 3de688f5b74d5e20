import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ServiceResults } from "@/components/services/service-results";
import { ServiceSearchForm } from "@/components/services/service-search-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getReadDb } from "@/db";
import {
  SEARCH_MAX_CHARS,
  listDepartmentsWithServices,
  searchServices,
  serviceSearchSchema,
  serviceThemes,
} from "@/lib/services/search-services";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue");
  return { title: t("title") };
}

type Query = Record<string, string | string[] | undefined>;

const pageSchema = z.coerce.number().int().min(1).max(1000);

/** Each parameter on its own: a bad theme is dropped without losing the search words. */
function readQuery(query: Query) {
  const field = <T extends z.ZodType>(schema: T, value: unknown) => {
    const r = schema.safeParse(value);
    return r.success ? r.data : undefined;
  };
  const rawQ = typeof query.q === "string" ? query.q : undefined;
  const q = field(serviceSearchSchema.shape.q, rawQ);
  return {
    q,
    qTooLong: rawQ !== undefined && q === undefined,
    theme: field(serviceSearchSchema.shape.theme, query.theme),
    department: field(serviceSearchSchema.shape.department, query.department),
    page: field(pageSchema, query.page) ?? 1,
  };
}

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Query> }) {
  const { q, qTooLong, theme, department, page } = readQuery(await searchParams);
  const db = await getReadDb();
  const [t, departments] = await Promise.all([getTranslations("catalogue"), listDepartmentsWithServices(db)]);
  const total = departments.reduce((n, d) => n + d.serviceCount, 0);
  // An unknown department code is dropped like any other bad filter, so the form and the list agree.
  const knownDepartment = department && departments.some((d) => d.code === department) ? department : "";
  const result = await searchServices(db, { q, theme, department: knownDepartment || undefined });
  const hrefFor = (change: { theme?: string; page?: number }) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    const th = change.theme ?? theme;
    if (th) params.set("theme", th);
    if (knownDepartment) params.set("department", knownDepartment);
    if (change.page && change.page > 1) params.set("page", String(change.page));
    const query = params.toString();
    return query ? `/services?${query}` : "/services";
  };
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description", { count: total })} />
      <ServiceSearchForm
        values={{ q: q ?? "", theme: theme ?? "", department: knownDepartment }}
        themes={serviceThemes}
        departments={departments}
        maxChars={SEARCH_MAX_CHARS}
      />
      {qTooLong ? (
        <Alert variant="warning">
          <AlertDescription>{t("search.tooLong", { max: SEARCH_MAX_CHARS })}</AlertDescription>
        </Alert>
      ) : null}
      <ServiceResults
        hits={result.hits}
        q={result.terms.join(" ")}
        grouped={result.terms.length === 0 && !theme && !knownDepartment}
        page={page}
        hrefFor={hrefFor}
        descriptionOnly={result.descriptionOnly}
        themes={serviceThemes}
      />
    </div>
  );
}
