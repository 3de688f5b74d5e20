import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { notificationDeliveries, notifications } from "@/db/schema";
import { renderNotificationText } from "../render-notification";
import type { NotificationTransport } from "./transport";

/** A failed message is tried this many times in all, then left failed for a person to look at. */
export const MAX_DELIVERY_ATTEMPTS = 5;

export type DeliveryRun = { claimed: number; sent: number; failed: number };

/**
 * Sends a batch from the outbox: pending messages and failed ones with attempts left, oldest
 * first. The rows are claimed with `FOR UPDATE SKIP LOCKED`, so several app instances (or two
 * overlapping runs) never send one message twice; each is marked sent, or failed with its
 * attempt count and error. Sending happens while the rows are locked — batches are small and
 * the transport has a timeout — so a crash mid-batch leaves them to be tried again.
 */
export async function deliverPending(
  db: Executor,
  transport: NotificationTransport,
  { limit = 20, now = () => new Date() }: { limit?: number; now?: () => Date } = {},
): Promise<DeliveryRun> {
  return db.transaction(async (tx) => {
    const d = notificationDeliveries;
    const rows = rowsOf<{ id: number; channel: "sms" | "email"; address: string; attempts: number; message_key: string; params: Record<string, string | number> }>(
      await tx.execute(sql`
        SELECT d.id, d.channel, d.address, d.attempts, n.message_key, n.params
        FROM ${d} d JOIN ${notifications} n ON n.id = d.notification_id
        WHERE d.status = 'pending' OR (d.status = 'failed' AND d.attempts < ${MAX_DELIVERY_ATTEMPTS})
        ORDER BY d.created_at, d.id
        LIMIT ${limit}
        FOR UPDATE OF d SKIP LOCKED`),
    );
    let sent = 0;
    for (const row of rows) {
      const id = Number(row.id);
      try {
        await transport.send({ deliveryId: id, channel: row.channel, address: row.address, text: renderNotificationText(row.message_key, row.params) });
        await tx.execute(sql`UPDATE ${d} SET status = 'sent', attempts = attempts + 1, sent_at = ${now().toISOString()}::timestamptz, last_error = NULL WHERE id = ${id}`);
        sent += 1;
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        await tx.execute(sql`UPDATE ${d} SET status = 'failed', attempts = attempts + 1, last_error = ${message} WHERE id = ${id}`);
      }
    }
    return { claimed: rows.length, sent, failed: rows.length - sent };
  });
}
