import "server-only";
import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { licences, licenceTypes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { toChinaDate } from "@/lib/calendar/working-days";
import { flagApplicationsRelyingOn } from "./flag-open-applications";

/**
 * The daily sweep: every open application (submitted … approved) whose attached licence ran
 * out before today (China date) is flagged for its clerk in one set-wise UPDATE, and each
 * applicant is told once which certificate to renew (notifications.dedupe_key per licence and
 * application, so a re-run notifies nobody twice and changes no row twice). Revoked and
 * superseded licences are flagged when that happens (revokeLicence); this catches the quiet
 * case, a licence simply passing its last day. One transaction with one audit row.
 */
export async function flagExpiredAttachments(db: Executor, { now = new Date() }: { now?: Date } = {}): Promise<{ flagged: number }> {
  const today = toChinaDate(now);
  return db.transaction(async (tx) => {
    const flagged = await flagApplicationsRelyingOn(tx, {
      licenceCondition: and(eq(licences.status, "valid"), isNotNull(licences.validUntil), lt(licences.validUntil, today))!,
      reason: sql`('证照已过期：' || ${licenceTypes.nameZh} || '（有效期至 ' || to_char(${licences.validUntil}, 'YYYY-MM-DD') || '）')`,
      messageKey: "library.notifications.applicationLicenceExpired",
      kind: "licence_expired",
      dedupePrefix: "licence-expired",
      now,
    });
    if (flagged.length > 0) {
      await recordAudit(tx, {
        actorUserId: null,
        actorRole: null,
        action: "applications.flag_expired_licences",
        entityType: "application",
        detail: { today, applications: flagged.map((f) => f.number) },
      });
    }
    return { flagged: flagged.length };
  });
}
