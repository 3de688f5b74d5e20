import "server-only";
import { logger } from "@/lib/logger";
import { maskAddress, type NotificationTransport, type OutgoingMessage } from "./transport";

/** Development and test: the message goes to the application log instead of a gateway. */
export class LogTransport implements NotificationTransport {
  readonly name = "log";

  send(message: OutgoingMessage): Promise<void> {
    logger.info(
      { deliveryId: message.deliveryId, channel: message.channel, to: maskAddress(message.address), text: message.text },
      "notification delivered to the log (no SMS gateway configured)",
    );
    return Promise.resolve();
  }
}
