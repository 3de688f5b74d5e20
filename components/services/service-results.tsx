import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ServiceSearchHit } from "@/lib/services/search-services";

/** The promised-limit badge shared by the list and the landing page's style. */
export async function LimitBadge({ onTheSpot, promisedLimitDays }: { onTheSpot: boolean; promisedLimitDays: number }) {
  const t = await getTranslations("catalogue");
  return onTheSpot ? (
    <Badge variant="success">{t("onTheSpot")}</Badge>
  ) : (
    <Badge variant="outline">{t("promisedDays", { days: promisedLimitDays })}</Badge>
  );
}

async function ResultItem({ hit }: { hit: ServiceSearchHit }) {
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getLocale()]);
  const en = locale === "en";
  return (
    <li className="flex items-start justify-between gap-3 rounded-md border bg-card p-3 shadow-sm">
      <div className="grid gap-1">
        <Link href={`/services/${hit.code}`} className="font-medium text-primary hover:underline">
          {en ? hit.nameEn : hit.nameZh}
        </Link>
        <span className="text-xs text-muted-foreground">{en ? hit.departmentEn : hit.departmentZh}</span>
      </div>
      <div className="flex flex-wrap justify-end gap-1">
        {hit.matchedIn === "keywords" ? <Badge variant="secondary">{t("results.matchedKeywords")}</Badge> : null}
        {hit.matchedIn === "description" ? <Badge variant="secondary">{t("results.matchedDescription")}</Badge> : null}
        <LimitBadge onTheSpot={hit.onTheSpot} promisedLimitDays={hit.promisedLimitDays} />
      </div>
    </li>
  );
}

/**
 * Search results: ranked as the search returned them when there is a query, grouped by theme
 * when browsing. An empty result says so plainly and suggests what to try.
 */
export async function ServiceResults({
  hits,
  q,
  grouped,
  descriptionOnly,
  themes,
}: {
  hits: ServiceSearchHit[];
  q: string;
  grouped: boolean;
  descriptionOnly: boolean;
  themes: readonly string[];
}) {
  const [t, tl] = await Promise.all([getTranslations("catalogue"), getTranslations("landing")]);
  if (hits.length === 0) {
    return (
      <section aria-label={t("results.label")} className="grid gap-2 rounded-lg border border-dashed bg-card p-8 text-center">
        <p role="status" className="text-lg font-medium">
          {t("results.empty")}
        </p>
        <p className="text-sm text-muted-foreground">{t("results.emptyHint")}</p>
      </section>
    );
  }
  return (
    <section aria-label={t("results.label")} className="grid gap-4">
      <p role="status" className="text-sm text-muted-foreground">
        {q ? t("results.countFor", { q, count: hits.length }) : t("results.count", { count: hits.length })}
      </p>
      {descriptionOnly ? <p className="text-sm">{t("results.descriptionOnly", { q })}</p> : null}
      {grouped ? (
        themes
          .filter((theme) => hits.some((h) => h.theme === theme))
          .map((theme) => (
            <section key={theme} aria-labelledby={`theme-${theme}`} className="grid gap-2">
              <h2 id={`theme-${theme}`} className="text-lg font-semibold">
                {tl(`themes.${theme}`)}
              </h2>
              <ul className="grid gap-2 md:grid-cols-2">
                {hits
                  .filter((h) => h.theme === theme)
                  .map((hit) => (
                    <ResultItem key={hit.code} hit={hit} />
                  ))}
              </ul>
            </section>
          ))
      ) : (
        <ul className="grid gap-2">
          {hits.map((hit) => (
            <ResultItem key={hit.code} hit={hit} />
          ))}
        </ul>
      )}
    </section>
  );
}
