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

/** Flat lists show this many services per page; browsing shows a few per theme. */
export const RESULTS_PER_PAGE = 30;
export const BROWSE_PER_THEME = 6;

/**
 * Search results: ranked as the search returned them when there is a query, grouped by theme
 * when browsing. Browsing a district's whole 事项清单 shows each theme's first few services and
 * a link to the theme; a flat list is paged. An empty result says so plainly and suggests what
 * to try.
 */
export async function ServiceResults({
  hits,
  q,
  grouped,
  descriptionOnly,
  themes,
  page = 1,
  hrefFor,
}: {
  hits: ServiceSearchHit[];
  q: string;
  grouped: boolean;
  descriptionOnly: boolean;
  themes: readonly string[];
  page?: number;
  /** The catalogue URL with these changes to the current query. */
  hrefFor: (change: { theme?: string; page?: number }) => string;
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
  const pages = Math.max(1, Math.ceil(hits.length / RESULTS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const shown = grouped ? hits : hits.slice((current - 1) * RESULTS_PER_PAGE, current * RESULTS_PER_PAGE);
  return (
    <section aria-label={t("results.label")} className="grid gap-4">
      <p role="status" className="text-sm text-muted-foreground">
        {q ? t("results.countFor", { q, count: hits.length }) : t("results.count", { count: hits.length })}
      </p>
      {descriptionOnly ? <p className="text-sm">{t("results.descriptionOnly", { q })}</p> : null}
      {grouped ? (
        themes
          .filter((theme) => hits.some((h) => h.theme === theme))
          .map((theme) => {
            const inTheme = hits.filter((h) => h.theme === theme);
            return (
              <section key={theme} aria-labelledby={`theme-${theme}`} className="grid gap-2">
                <h2 id={`theme-${theme}`} className="text-lg font-semibold">
                  {tl(`themes.${theme}`)}
                </h2>
                <ul className="grid gap-2 md:grid-cols-2">
                  {inTheme.slice(0, BROWSE_PER_THEME).map((hit) => (
                    <ResultItem key={hit.code} hit={hit} />
                  ))}
                </ul>
                {inTheme.length > BROWSE_PER_THEME ? (
                  <Link href={hrefFor({ theme })} className="justify-self-start text-sm font-medium text-primary hover:underline">
                    {t("results.themeMore", { theme: tl(`themes.${theme}`), count: inTheme.length })}
                  </Link>
                ) : null}
              </section>
            );
          })
      ) : (
        <>
          <ul className="grid gap-2">
            {shown.map((hit) => (
              <ResultItem key={hit.code} hit={hit} />
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label={t("results.pages")} className="flex items-center justify-between gap-3 text-sm">
              {current > 1 ? (
                <Link href={hrefFor({ page: current - 1 })} rel="prev" className="font-medium text-primary hover:underline">
                  {t("results.previous")}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-muted-foreground">{t("results.pageOf", { page: current, pages })}</span>
              {current < pages ? (
                <Link href={hrefFor({ page: current + 1 })} rel="next" className="font-medium text-primary hover:underline">
                  {t("results.next")}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
