import "server-only";
import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applicationDailyStats, services } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addCalendarDays, toChinaDate } from "@/lib/calendar/working-days";
import { recommendServicesForResident } from "@/lib/eligibility/recommend-services-for-resident";

export const ELDERLY_HOME_SIZE = 5;

export type ElderlyHomeService = { href: string; nameZh: string; nameEn: string; forName: string | null };

/**
 * The five services on the 长辈版 home: the resident's own recommendations first (the services
 * their profile and family qualify them for, in the recommender's order), then — when fewer
 * than five — the services residents of the city filed most in the last year (from the daily
 * rollups, one grouped scan of a year of them), so the page is never empty.
 */
export async function elderlyHomeServices(db: Executor, actor: Actor, now = new Date()): Promise<ElderlyHomeService[]> {
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
    const since = addCalendarDays(toChinaDate(now), -365);
    const filed = sql<number>`sum(${applicationDailyStats.submitted})`;
    const popular = await db
      .select({ code: services.code, nameZh: services.nameZh, nameEn: services.nameEn })
      .from(applicationDailyStats)
      .innerJoin(services, eq(services.id, applicationDailyStats.serviceId))
      .where(and(gte(applicationDailyStats.day, since), eq(services.active, true)))
      .groupBy(services.code, services.nameZh, services.nameEn)
      .orderBy(desc(filed), services.code)
      .limit(ELDERLY_HOME_SIZE * 2);
    for (const s of popular) {
      if (out.length >= ELDERLY_HOME_SIZE) break;
      const href = `/services/${encodeURIComponent(s.code)}`;
      if (seen.has(href) || out.some((o) => o.nameZh === s.nameZh)) continue;
      seen.add(href);
      out.push({ href, nameZh: s.nameZh, nameEn: s.nameEn, forName: null });
    }
  }
  return out;
}
