import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { notificationDeliveries } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createApplication, createDepartment, createPerson, createService } from "@/lib/testing/factories";
import { notifyStatusChange } from "../notify-status-change";
import { deliverPending, MAX_DELIVERY_ATTEMPTS } from "./deliver-pending";
import { HttpSmsTransport } from "./http-sms-transport";
import type { NotificationTransport, OutgoingMessage } from "./transport";

let h: DbHandle;
let serviceId: string;
beforeAll(async () => {
  h = await createTestDatabase();
  serviceId = (await createService(h.db, (await createDepartment(h.db)).id)).id;
});
afterAll(async () => h.close());

/** Records what it was asked to send; fails the first `failures` calls. */
class FakeTransport implements NotificationTransport {
  readonly name = "fake";
  readonly sent: OutgoingMessage[] = [];
  calls = 0;
  constructor(private failures = 0) {}
  send(message: OutgoingMessage): Promise<void> {
    this.calls += 1;
    if (this.failures > 0) {
      this.failures -= 1;
      return Promise.reject(new Error("gateway unavailable"));
    }
    this.sent.push(message);
    return Promise.resolve();
  }
}

async function noticeFor(phone: string | null) {
  const person = await createPerson(h.db, { phone });
  const app = await createApplication(h.db, person.id, serviceId);
  const made = await notifyStatusChange(h.db, {
    personId: person.id,
    applicationId: app.id,
    messageKey: "applicationAccepted",
    params: { number: app.number, serviceZh: "居住证申领", serviceEn: "Residence permit", dueOn: "2026-12-04" },
  });
  return { person, app, ...made };
}

/** Each test sees only its own rows: earlier tests leave nothing pending behind them. */
async function drain() {
  await deliverPending(h.db, new FakeTransport(), { limit: 1000 });
}

describe("notifyStatusChange", () => {
  it("writes the portal notice and an SMS outbox row for a person with a phone, none without", async () => {
    const withPhone = await noticeFor("13800138000");
    expect(withPhone.sms).toBe(true);
    const rows = await h.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, withPhone.notificationId));
    expect(rows).toMatchObject([{ channel: "sms", address: "13800138000", status: "pending", attempts: 0 }]);
    const without = await noticeFor(null);
    expect(without.sms).toBe(false);
    expect(await h.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, without.notificationId))).toHaveLength(0);
    await drain();
  });
});

describe("deliverPending", () => {
  it("retries a message that failed once, then marks it sent, with the text rendered in Chinese", async () => {
    const { notificationId, app } = await noticeFor("13900139000");
    const transport = new FakeTransport(1);
    expect(await deliverPending(h.db, transport)).toEqual({ claimed: 1, sent: 0, failed: 1 });
    let [row] = await h.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, notificationId));
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: "gateway unavailable", sentAt: null });

    expect(await deliverPending(h.db, transport)).toEqual({ claimed: 1, sent: 1, failed: 0 });
    [row] = await h.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, notificationId));
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(row?.sentAt).not.toBeNull();
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]?.text).toBe(`您的“居住证申领”申请（${app.number}）已受理，承诺于 2026-12-04 前办结。`);
    expect(await deliverPending(h.db, transport)).toEqual({ claimed: 0, sent: 0, failed: 0 });
  });

  it(`gives up after ${MAX_DELIVERY_ATTEMPTS} attempts`, async () => {
    const { notificationId } = await noticeFor("13700137000");
    const transport = new FakeTransport(99);
    for (let i = 0; i < MAX_DELIVERY_ATTEMPTS + 2; i++) await deliverPending(h.db, transport);
    expect(transport.calls).toBe(MAX_DELIVERY_ATTEMPTS);
    const [row] = await h.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.notificationId, notificationId));
    expect(row).toMatchObject({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS });
    // Left failed for a person to look at; later runs skip it.
    await h.db.update(notificationDeliveries).set({ status: "sent" }).where(eq(notificationDeliveries.notificationId, notificationId));
  });

  it("two overlapping runs send each message exactly once (FOR UPDATE SKIP LOCKED)", async () => {
    const made = [await noticeFor("13600136001"), await noticeFor("13600136002"), await noticeFor("13600136003")];
    const [a, b] = [new FakeTransport(), new FakeTransport()];
    const runs = await Promise.all([deliverPending(h.db, a, { limit: 10 }), deliverPending(h.db, b, { limit: 10 })]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(3);
    expect([...a.sent, ...b.sent].map((m) => m.address).sort()).toEqual(["13600136001", "13600136002", "13600136003"]);
    const rows = await h.db
      .select()
      .from(notificationDeliveries)
      .where(inArray(notificationDeliveries.notificationId, made.map((m) => m.notificationId)));
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });
});

describe("HttpSmsTransport", () => {
  it("POSTs JSON with the bearer token and fails on a non-2xx answer", async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    let status = 202;
    const fakeFetch = ((url: string, init: RequestInit) => {
      seen.push({ url, init });
      return Promise.resolve(new Response(status === 202 ? "" : "quota exceeded", { status }));
    }) as unknown as typeof fetch;
    const t = new HttpSmsTransport("https://sms.example.test/send", "tok-123", 1000, fakeFetch);
    await t.send({ deliveryId: 7, channel: "sms", address: "13800138000", text: "你好" });
    expect(seen[0]?.url).toBe("https://sms.example.test/send");
    expect((seen[0]?.init.headers as Record<string, string>).authorization).toBe("Bearer tok-123");
    expect(JSON.parse(seen[0]?.init.body as string)).toEqual({ to: "13800138000", text: "你好", reference: "7" });
    status = 429;
    await expect(t.send({ deliveryId: 8, channel: "sms", address: "13800138000", text: "x" })).rejects.toThrow("SMS gateway answered 429: quota exceeded");
  });
});
