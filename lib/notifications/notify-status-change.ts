import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notificationDeliveries, notifications, persons } from "@/db/schema";
import type { NotificationKey } from "./render-notification";

export type StatusNotice = {
  personId: string;
  applicationId: string;
  messageKey: NotificationKey;
  params: Record<string, string | number>;
  now?: Date;
};

/**
 * The resident's notice of a status change: the portal notification, and in the same
 * transaction an outbox row for a text message to the phone the population register holds
 * (delivered later by `deliverPending`, so a slow SMS gateway never holds up a clerk's
 * decision and a rolled-back decision never sends a message).
 */
export async function notifyStatusChange(tx: Executor, notice: StatusNotice): Promise<{ notificationId: string; sms: boolean }> {
  const now = notice.now ?? new Date();
  const [created] = await tx
    .insert(notifications)
    .values({
      personId: notice.personId,
      kind: "application",
      messageKey: notice.messageKey,
      params: notice.params,
      applicationId: notice.applicationId,
      createdAt: now,
    })
    .returning({ id: notifications.id });
  if (!created) throw new Error("notification insert returned nothing");
  const [person] = await tx.select({ phone: persons.phone }).from(persons).where(eq(persons.id, notice.personId));
  const phone = person?.phone?.trim();
  if (!phone) return { notificationId: created.id, sms: false };
  await tx.insert(notificationDeliveries).values({
    notificationId: created.id,
    personId: notice.personId,
    channel: "sms",
    address: phone,
    createdAt: now,
  });
  return { notificationId: created.id, sms: true };
}
