import "server-only";
import type { NotificationTransport, OutgoingMessage } from "./transport";

/**
 * An SMS gateway over HTTP: POSTs `{ to, text, reference }` as JSON with a bearer token. Any
 * non-2xx answer, network error or timeout is a failure the outbox retries.
 */
export class HttpSmsTransport implements NotificationTransport {
  readonly name = "http-sms";

  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 10_000,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (message.channel !== "sms") throw new Error(`http-sms cannot send ${message.channel}`);
    const response = await this.fetchImpl(this.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to: message.address, text: message.text, reference: String(message.deliveryId) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) {
      const detail = (await response.text().catch(() => "")).slice(0, 200);
      throw new Error(`SMS gateway answered ${response.status}${detail ? `: ${detail}` : ""}`);
    }
  }
}
