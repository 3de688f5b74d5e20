import "server-only";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recommendServicesForResident } from "@/lib/eligibility/recommend-services-for-resident";
import { listCatalogue } from "@/lib/services/list-catalogue";

export const ELDERLY_HOME_SIZE = 5;

export type ElderlyHomeService = { href: string; nameZh: string; nameEn: string; forName: string | null };

/**
 * The five services on the 长辈版 home: the resident's own recommendations first (the services
 * their profile and family qualify them for, in the recommender's order), then — when fewer
 * than five — the catalogue's on-the-spot services, then the rest, so the page is never empty.
 */
export async function elderlyHomeServices(db: Executor, actor: Actor): Promise<ElderlyHomeService[]> {
  const recommendations = await recommendServicesForResident(db, actor);
  const out: ElderlyHomeService[] = [];
  const seen = new Set<string>();
  for (const r of recommendations) {
    const href = `/my/apply/${encodeURIComponent(r.serviceCode)}${r.forSelf ? "" : `?for=${encodeURIComponent(r.subjectPersonId)}`}`;
    if (seen.has(href) || out.length >= ELDERLY_HOME_SIZE) continue;
    seen.add(href);
    out.push({ href, nameZh: r.serviceNameZh, nameEn: r.serviceNameEn, forName: r.forSelf ? null : r.subjectName });
  }
  if (out.length < ELDERLY_HOME_SIZE) {
    const catalogue = await listCatalogue(db);
    const ordered = [...catalogue.filter((s) => s.onTheSpot), ...catalogue.filter((s) => !s.onTheSpot)];
    for (const s of ordered) {
      if (out.length >= ELDERLY_HOME_SIZE) break;
      const href = `/services/${encodeURIComponent(s.code)}`;
      if (seen.has(href) || out.some((o) => o.nameZh === s.nameZh)) continue;
      seen.add(href);
      out.push({ href, nameZh: s.nameZh, nameEn: s.nameEn, forName: null });
    }
  }
  return out;
}
