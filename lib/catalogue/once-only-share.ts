import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";

export type OnceOnlyShare = {
  /** Required materials over the published services' current versions. */
  required: number;
  /** Of those, what the registers can supply (a licence type of the library) or the online form is. */
  withoutUpload: number;
  share: number;
  /** The same per life-event bundle (出生一件事 …). */
  bundles: { code: string; nameZh: string; required: number; withoutUpload: number; share: number }[];
};

/**
 * How far the catalogue is "once only" (一次不用跑、材料不再交): the share of the required
 * materials that no resident is ever asked to upload because a register holds them (or they are
 * the form itself). A design figure of the catalogue, not of one resident: whether a given
 * resident's library has the licence is the apply page's question.
 */
export async function onceOnlyShare(db: Executor): Promise<OnceOnlyShare> {
  const current = sql`m.version = (SELECT s.version FROM services s WHERE s.id = m.service_id)`;
  const [all] = rowsOf<{ required: number; without: number }>(
    await db.execute(sql`
      SELECT count(*)::int AS required, count(*) FILTER (WHERE m.kind <> 'upload')::int AS without
        FROM service_materials m JOIN services s ON s.id = m.service_id
       WHERE m.required AND s.active AND ${current}`),
  );
  const bundles = rowsOf<{ code: string; name_zh: string; required: number; without: number }>(
    await db.execute(sql`
      SELECT b.code, b.name_zh, count(*)::int AS required, count(*) FILTER (WHERE m.kind <> 'upload')::int AS without
        FROM service_bundles b
        JOIN service_bundle_items i ON i.bundle_id = b.id
        JOIN service_materials m ON m.service_id = i.service_id
       WHERE m.required AND ${current}
       GROUP BY b.code, b.name_zh ORDER BY b.code`),
  );
  const share = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    required: all?.required ?? 0,
    withoutUpload: all?.without ?? 0,
    share: share(all?.without ?? 0, all?.required ?? 0),
    bundles: bundles.map((b) => ({ code: b.code, nameZh: b.name_zh, required: b.required, withoutUpload: b.without, share: share(b.without, b.required) })),
  };
}
