/** One message on its way out of the portal (SMS now; e-mail would be a second transport). */
export type OutgoingMessage = {
  deliveryId: number;
  channel: "sms" | "email";
  /** Phone number or e-mail address. */
  address: string;
  text: string;
};

/**
 * The one adapter every outgoing notice passes through. `send` resolves when the gateway has
 * accepted the message and throws otherwise; the outbox records the error and retries.
 */
export interface NotificationTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** 138****5678: enough to tell numbers apart in a log, not enough to call anyone. */
export function maskAddress(address: string): string {
  if (address.includes("@")) return address.replace(/^(.).*(@.*)$/, "$1***$2");
  return address.length > 7 ? `${address.slice(0, 3)}****${address.slice(-4)}` : "****";
}
